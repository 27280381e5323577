"""The edges: bytes in from files or stdin, text decoding, atomic writes of output files.

Only this module (and ``console``) touches files and streams; everything else takes values.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

STDIO = "-"
#: Inputs larger than this are refused with a clear message instead of exhausting memory.
MAX_INPUT_BYTES = 256 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# The most frequent Russian letters (о е а и н т с р в л): windows-1251 and KOI8-R place them
# at different bytes, so counting them tells the two encodings apart on any real Russian text.
_FREQUENT_RU = "оеаинтсрвлОЕАИНТСРВЛ"


@dataclass(frozen=True, slots=True)
class InputText:
    """A decoded input: its name for messages, its text and the encoding that was used."""

    name: str
    text: str
    encoding: str
    suffix: str = ""


def read_bytes(name: str) -> bytes:
    """All bytes of a file, or of stdin for ``-``; one clear InputError otherwise."""
    if name == STDIO:
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(name)
        try:
            if path.is_dir():
                raise InputError(f"{name}: is a directory, not a file")
            if path.stat().st_size > MAX_INPUT_BYTES:
                raise InputError(f"{name}: larger than {MAX_INPUT_BYTES // 2**20} MiB; refusing to read it")
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: larger than {MAX_INPUT_BYTES // 2**20} MiB; refusing to read it")
    return data


def detect_encoding(data: bytes) -> str | None:
    """The encoding of ``data``: BOMs, UTF-16 without BOM, UTF-8, then 1251 vs KOI8-R."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    if b"\x00" in data[:4096]:
        sample = data[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return "utf-16-le"
        if even > len(sample) // 4 and odd == 0:
            return "utf-16-be"
        return None  # binary
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    high = bytes(b for b in data[:200_000] if b >= 0x80)
    if not high:
        return None
    scores = {}
    for encoding in ("cp1251", "koi8_r"):
        text = high.decode(encoding, errors="replace")
        scores[encoding] = sum(text.count(ch) for ch in _FREQUENT_RU)
    best = max(scores, key=lambda enc: scores[enc])
    return best if scores[best] * 4 >= len(high) else None


def decode(name: str, data: bytes, encoding: str | None = None) -> InputText:
    """Text from bytes, with the named or detected encoding; CRLF and CR become LF."""
    suffix = "" if name == STDIO else Path(name).suffix.lower()
    chosen = encoding or detect_encoding(data)
    if chosen is None:
        if b"\x00" in data[:4096]:
            raise InputError(f"{name}: binary data (NUL bytes), not a bibliography")
        raise InputError(f"{name}: cannot tell the text encoding; name it with --encoding")
    try:
        text = data.decode(chosen)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {chosen} at byte {exc.start}; try --encoding") from None
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise InputError(f"{name}: contains a NUL character; not a text bibliography")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return InputText(name=name, text=text, encoding=chosen, suffix=suffix)


def read_text(name: str, encoding: str | None = None) -> InputText:
    return decode(name, read_bytes(name), encoding)


def write_output(name: str | None, text: str) -> None:
    """Write ``text`` to stdout (``None`` or ``-``) or atomically to a file.

    A file is written to a temporary sibling and renamed over the target, so a reader never
    sees half a bibliography and a failed run leaves the old file as it was.
    """
    if name is None or name == STDIO:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(name)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(f"{name}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
