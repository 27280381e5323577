"""The `refman` command: a thin Typer shell over ``refman.api``.

``main()`` owns exit statuses: 0 ok, 1 findings, 2 usage or input errors and anything
unexpected. It catches everything, so no traceback and no Typer default status leaks out,
and a closed pipe (``refman export … | head -1``) ends quietly.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from typing import Annotated

import typer

from ..errors import EXIT_ERROR, RefmanError
from ..io import StdoutClosedError
from . import (
    cite,
    config,
    dedupe,
    edit,
    export,
    library,
    library_hooks,
    listing,
    parse,
    rekey,
    rules,
    show,
    styles,
    validate,
)

app = typer.Typer(
    name="refman",
    help="Clean, validate, deduplicate and format bibliographies: BibTeX, CSL-JSON, RIS, "
    "reference lists, and GOST R 7.0.100-2018 / 7.0.5-2008 bibliographies.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _command(name: str, function: Callable[..., object]) -> None:
    """Register a command, its example lines kept as written in --help.

    click re-wraps help paragraphs; a paragraph that starts with a ``\\b`` line is kept
    verbatim, so the examples stay one per line and can be copied.
    """
    doc = function.__doc__ or ""
    function.__doc__ = re.sub(r"\n([ \t]*)(Examples?:)", "\n\\1\b\n\\1\\2", doc, count=1)
    app.command(name)(function)


_command("show", show.show)
_command("export", export.export)
_command("formats", listing.list_formats)
_command("styles", styles.list_styles)
_command("validate", validate.validate)
_command("dedupe", dedupe.dedupe)
_command("rules", rules.list_rules)
_command("rekey", rekey.rekey)
_command("cite", cite.cite)
_command("add", library.add)
_command("list", library.list_records)
_command("search", library.search)
_command("tag", library.tag)
_command("note", library.note)
_command("edit", edit.edit)
_command("rm", library.rm)
_command("undo", library.undo)
_command("log", library.log)
_command("config", config.config)
_command("parse", parse.parse)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        sys.stdout.write(f"refman {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Clean, validate, deduplicate and format bibliographies, and keep a library of them."""


def main(argv: list[str] | None = None, *, raise_internal: bool = False) -> int:
    """Run the CLI and return its exit status (see module docstring).

    ``raise_internal`` lets an unexpected exception through instead of turning it into one
    line (the test runner uses it, so that a bug fails its test with a traceback).
    """
    from .. import console

    try:
        args = library_hooks.bare_library_flag(sys.argv[1:] if argv is None else argv)
        args = library_hooks.tag_arguments(args)
        result = app(args=args, prog_name="refman", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except RefmanError as exc:
        console.error(exc.message)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        console.error("aborted")
        return 130
    except (BrokenPipeError, StdoutClosedError):
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if _is_usage_error(exc):
            exc.show()  # type: ignore[attr-defined]
            return EXIT_ERROR
        if raise_internal:
            raise
        console.error(f"internal error: {type(exc).__name__}: {exc}")
        return EXIT_ERROR


def _is_usage_error(exc: Exception) -> bool:
    """A command-line usage error (unknown option, missing argument, bad value).

    Recognised by its interface (``show()`` and an integer ``exit_code``) because Typer
    raises click's exceptions in some versions and its own vendored copies in others.
    """
    return callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int)


def _silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
