"""`refman edit KEY`: the record in $EDITOR as BibLaTeX or YAML, validated before it is saved."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from typing import Annotated

import typer

from .. import console
from ..errors import EXIT_FINDINGS, UsageError
from .common import Quiet, Verbose
from .library import LibraryOption, open_store


def edit(
    key: Annotated[str, typer.Argument(help="The record's key.")],
    library: LibraryOption = None,
    as_format: Annotated[str, typer.Option("--as", help="biblatex or yaml (CSL-YAML).")] = "biblatex",
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> int:
    """Edit a record in $VISUAL or $EDITOR; it is read and validated before it is saved.

    Text that does not read as one record, or a record with errors, is not saved: your text
    is kept in a file, named on standard error, and the library is unchanged.

    Examples:
      refman edit zainullin2021russian
      EDITOR=nano refman edit smith2020 --as yaml
    """
    from .. import library_api

    store = open_store(library)
    before = library_api.edit_text(store, key, as_format)
    suffix = library_api.EDIT_FORMATS[as_format]
    handle, path = tempfile.mkstemp(prefix=f"refman-{_safe(key)}-", suffix=suffix)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(before)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        status = subprocess.call([*shlex.split(editor), path])
    except OSError as exc:
        os.unlink(path)
        raise UsageError(f"cannot run the editor {editor!r}: {exc.strerror or exc}") from None
    with open(path, encoding="utf-8", errors="replace") as handle_in:
        after = handle_in.read()
    if status != 0:
        raise UsageError(f"the editor exited with status {status}; nothing saved (your text is in {path})")
    if after == before:
        os.unlink(path)
        if not quiet:
            sys.stderr.write("refman: no changes\n")
        return 0
    try:
        ref, findings = library_api.read_edit(after, as_format, path)
    except ValueError as exc:
        raise UsageError(f"cannot read the edit ({exc}); nothing saved, your text is in {path}") from None
    errors = [d for d in findings if d.severity.value == "error"]
    for diag in findings if verbose else errors or ([] if quiet else findings):
        sys.stderr.write(f"refman: {diag.line()}\n")
    if errors:
        console.error(f"the edit has errors; nothing saved, your text is in {path}")
        return EXIT_FINDINGS
    new_key = library_api.save_edit(store, key, ref)
    os.unlink(path)
    if not quiet:
        sys.stderr.write(f"refman: saved {new_key}\n")
    return 0


def _safe(key: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in key)[:40] or "record"
