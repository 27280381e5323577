"""The edges: bytes in from files or stdin, text decoding, atomic writes of output files.

Only this module (and ``console``) touches files and streams; everything else takes values.
"""

from __future__ import annotations

import math
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .charsets import SINGLE_BYTE, guess
from .errors import InputError, OutputError

STDIO = "-"
#: Inputs larger than this are refused with a clear message instead of exhausting memory:
#: every record becomes a model of several KB, so 64 MiB of RIS (~350,000 records) already
#: needs a few GB. A 115,000-entry BibTeX file is about 40 MiB. REFMAN_MAX_INPUT_MB raises it.
DEFAULT_MAX_INPUT_MB = 64

_CHUNK = 1 << 20
_KNOWN_ENCODINGS = ", ".join(("utf-8", "utf-16", *(name for name, _ in SINGLE_BYTE)))
#: Byte-order marks with the codec that reads what follows them (the mark itself kept apart).
_EXACT_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class InputText:
    """A decoded input: its name for messages, its text and the encoding that was used."""

    name: str
    text: str
    encoding: str
    suffix: str = ""


def max_input_bytes() -> int:
    """The input size limit: REFMAN_MAX_INPUT_MB (a positive number, fractions allowed), else
    DEFAULT_MAX_INPUT_MB."""
    value = os.environ.get("REFMAN_MAX_INPUT_MB", "")
    try:
        megabytes = float(value) if value else DEFAULT_MAX_INPUT_MB
    except ValueError:
        megabytes = math.nan
    if not (math.isfinite(megabytes) and megabytes > 0):
        raise InputError(f"REFMAN_MAX_INPUT_MB={value!r} is not a positive number of megabytes")
    return max(1, int(megabytes * 2**20))


def _size(count: int) -> str:
    """1.5 MiB, or 10485 bytes under one MiB (a limit set for a test, or a tiny file)."""
    return f"{count / 2**20:.3g} MiB" if count >= 2**20 else f"{count} bytes"


def _too_large(name: str, size: int, limit: int) -> InputError:
    return InputError(
        f"{name}: {_size(size)} is over the {_size(limit)} input limit; split the file or raise REFMAN_MAX_INPUT_MB"
    )


def _read_bounded(stream: BinaryIO, name: str, limit: int) -> bytes:
    """At most ``limit`` bytes, read in chunks; an InputError as soon as there are more.

    Streams, devices, FIFOs and /proc files have no meaningful size: only the bytes read count,
    so ``/dev/zero`` or ``yes |`` stop at the limit instead of filling memory.
    """
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputError(
                f"{name}: over the {_size(limit)} input limit (stopped reading there); "
                "split the input or raise REFMAN_MAX_INPUT_MB"
            )


def read_bytes(name: str) -> bytes:
    """All bytes of a file, or of stdin for ``-``; one clear InputError otherwise.

    A regular file over the limit is refused by its size before reading; anything else
    (stdin, a pipe, a FIFO, a device, a /proc file) is read up to the limit and refused there.
    """
    limit = max_input_bytes()
    if name == STDIO:
        return _read_bounded(sys.stdin.buffer, "- (standard input)", limit)
    try:
        with open(name, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError(f"{name}: is a directory, not a file")
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise _too_large(name, info.st_size, limit)
            return _read_bounded(handle, name, limit)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def decode(name: str, data: bytes, encoding: str | None = None) -> InputText:
    """Text from bytes, with the named or detected encoding; CRLF and CR become LF.

    Detection never guesses: when two readings are about as likely (a few Cyrillic letters,
    say), the input is refused with the candidates named for ``--encoding``.
    """
    suffix = "" if name == STDIO else Path(name).suffix.lower()
    found = guess(data) if not encoding else None
    chosen = encoding or (found.encoding if found else None)
    if chosen is None:
        if b"\x00" in data[:4096]:
            raise InputError(f"{name}: binary data (NUL bytes), not a bibliography")
        if found and found.rivals:
            first, second = found.rivals
            raise InputError(
                f"{name}: cannot tell the text encoding: {first} or {second}? (too few letters to "
                f"be sure); name it with --encoding {first}, or --encoding {second}"
            )
        raise InputError(
            f"{name}: cannot tell the text encoding; name it with --encoding ({_KNOWN_ENCODINGS})"
        )
    try:
        text = data.decode(chosen)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try {_KNOWN_ENCODINGS})") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {chosen} at byte {exc.start}; try --encoding") from None
    except UnicodeError:  # codecs such as punycode or "undefined" raise the base class
        raise InputError(f"{name}: cannot be decoded as {chosen}; try another --encoding") from None
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise InputError(f"{name}: contains a NUL character; not a text bibliography")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return InputText(name=name, text=text, encoding=chosen, suffix=suffix)


def identity(name: str) -> tuple[int, int] | None:
    """(device, inode) of an input, so that one file named twice (``a.bib ./a.bib``, a link to
    it, ``- /dev/stdin``) is noticed; None when it cannot be told (a missing file, a test's stdin)."""
    try:
        info = os.fstat(sys.stdin.fileno()) if name == STDIO else os.stat(name)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def read_text(name: str, encoding: str | None = None) -> InputText:
    return decode(name, read_bytes(name), encoding)


def write_output(name: str | None, text: str | bytes) -> None:
    """Write ``text`` to stdout (``None`` or ``-``), to a device or FIFO, or atomically to a file;
    text as UTF-8, bytes (a Word document) as they are.

    A file is written to a temporary sibling and renamed over the target, so a reader never
    sees half a bibliography and a failed run leaves the old file as it was; an existing
    file keeps its permission bits. Through a symlink the link's target is replaced and the
    link stays. A device, FIFO or /dev, /proc path (``-o /dev/null``, ``-o /dev/stdout``)
    is written in place: renaming over it would replace the device with a plain file.
    """
    if name is None or name == STDIO:
        _write_stdout(text)
        return
    try:
        info: os.stat_result | None = os.stat(name)
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except OSError as exc:
        raise OutputError(f"{name}: cannot write ({exc.strerror or exc})") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{name}: is a directory, not a file to write to")
    if (info is not None and not stat.S_ISREG(info.st_mode)) or _is_system_path(name):
        _write_in_place(name, text)
        return
    target = Path(os.path.realpath(name))
    if not target.parent.is_dir():
        missing = Path(name).parent if not Path(name).parent.is_dir() else target.parent
        raise OutputError(f"{name}: cannot write: no directory {str(missing)!r}")
    _write_atomically(name, target, _bytes(text), info)


def _bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")


class StdoutClosedError(Exception):
    """Whoever read standard output went away (``| head``): not an error. Deliberately not an
    OSError, so that nothing between here and the command's exit status takes it for one
    (click turns an EPIPE OSError into exit status 1)."""


def _write_stdout(text: str | bytes) -> None:
    """Data in UTF-8, as in a file, whatever the locale (a Latin-1 locale cannot encode "Иванов")."""
    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            if isinstance(text, bytes):
                raise OutputError("standard output takes no binary data here; write it with -o FILE")
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        buffer.write(_bytes(text))
        buffer.flush()
    except BrokenPipeError:
        raise StdoutClosedError from None


def _is_system_path(name: str) -> bool:
    """/dev/stdout, /dev/fd/3, /proc/self/fd/1: names of open streams, not of files to replace."""
    return os.path.abspath(name).startswith(("/dev/", "/proc/"))


def _write_in_place(name: str, text: str | bytes) -> None:
    try:
        with open(name, "wb") as handle:
            handle.write(_bytes(text))
    except BrokenPipeError:
        raise StdoutClosedError from None  # /dev/stdout named as the output
    except OSError as exc:
        raise OutputError(f"{name}: cannot write ({exc.strerror or exc})") from None


def _write_atomically(name: str, target: Path, data: bytes, info: os.stat_result | None) -> None:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{name}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, info.st_mode & 0o7777 if info is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{name}: cannot write ({exc.strerror or exc})") from None
        raise


@dataclass(frozen=True, slots=True)
class ExactText:
    """A text decoded so that ``encode`` gives back the very same bytes: line ends untouched,
    the byte-order mark and the encoding remembered (for rewriting a file in place)."""

    name: str
    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start : exc.end]
            raise InputError(f"{self.name}: {bad!r} cannot be written in {self.encoding}") from None


def decode_exact(name: str, data: bytes, encoding: str | None = None) -> ExactText:
    """``data`` as text for an in-place rewrite; refused when re-encoding it would not give
    back the same bytes (then rewriting would change more than the rewrite)."""
    bom, chosen = next(((mark, codec) for mark, codec in _EXACT_BOMS if data.startswith(mark)), (b"", None))
    if chosen is None and not encoding and b"\x00" in data[:4096]:
        raise InputError(f"{name}: binary data (NUL bytes), not a text file")
    if chosen is None:
        chosen = encoding or decode(name, data).encoding
        chosen = "utf-8" if chosen == "utf-8-sig" else chosen
    try:
        text = data[len(bom) :].decode(chosen)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {chosen} at byte {exc.start + len(bom)}; try --encoding"
        ) from None
    if "\x00" in text:
        raise InputError(f"{name}: contains a NUL character; not a text file")
    exact = ExactText(name, text, chosen, bom)
    if exact.encode(text) != data:
        raise InputError(f"{name}: {chosen} does not give back its bytes; refusing to rewrite it")
    return exact


def replace_file(name: str, data: bytes) -> None:
    """Rewrite a file in place, atomically, keeping its permission bits; through a symbolic
    link, the file it points to is rewritten (the link stays). ``-`` writes to stdout."""
    if name == STDIO:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        info: os.stat_result | None = os.stat(name)
    except OSError:
        info = None
    _write_atomically(name, Path(os.path.realpath(name)), data, info)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
