"""The edges: bytes in from files or stdin, text decoding, atomic writes of output files.

Only this module (and ``console``) touches files and streams; everything else takes values.
"""

from __future__ import annotations

import math
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

STDIO = "-"
#: Inputs larger than this are refused with a clear message instead of exhausting memory:
#: every record becomes a model of several KB, so 64 MiB of RIS (~350,000 records) already
#: needs a few GB. A 115,000-entry BibTeX file is about 40 MiB. REFMAN_MAX_INPUT_MB raises it.
DEFAULT_MAX_INPUT_MB = 64

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
#: The same marks with the codec that reads what follows them (the mark itself kept apart).
_EXACT_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: Russian letter frequencies (per letter, Russian prose): a single-byte text is read with
#: the code page under which its letters look most like Russian.
_RU_FREQ: dict[str, float] = dict(zip(
    "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
    (.1097, .0845, .0801, .0735, .067, .0626, .0547, .0473, .0454, .044, .0349, .0321, .0298,
     .0281, .0262, .0201, .019, .0174, .017, .0165, .0159, .0144, .0121, .0097, .0094, .0073,
     .0064, .0048, .0036, .0032, .0026, .0004, .0004),
    strict=True,
))  # fmt: skip
#: Single-byte code pages tried, in order of preference on a tie.
SINGLE_BYTE = ("cp1251", "koi8_r", "cp1252")
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 65536


@dataclass(frozen=True, slots=True)
class InputText:
    """A decoded input: its name for messages, its text and the encoding that was used."""

    name: str
    text: str
    encoding: str
    suffix: str = ""


def max_input_bytes() -> int:
    """The input size limit: REFMAN_MAX_INPUT_MB, else DEFAULT_MAX_INPUT_MB."""
    value = os.environ.get("REFMAN_MAX_INPUT_MB", "")
    try:
        megabytes = float(value) if value else DEFAULT_MAX_INPUT_MB
    except ValueError:
        raise InputError(f"REFMAN_MAX_INPUT_MB={value!r} is not a number of megabytes") from None
    return int(megabytes * 2**20)


def _too_large(name: str, size: int, limit: int) -> InputError:
    return InputError(
        f"{name}: {size / 2**20:.1f} MiB is over the {limit / 2**20:g} MiB input limit; "
        "split the file or raise REFMAN_MAX_INPUT_MB"
    )


def read_bytes(name: str) -> bytes:
    """All bytes of a file, or of stdin for ``-``; one clear InputError otherwise."""
    limit = max_input_bytes()
    if name == STDIO:
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError(
                f"-: standard input is over the {limit / 2**20:g} MiB input limit; raise REFMAN_MAX_INPUT_MB"
            )
        return data
    path = Path(name)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        size = path.stat().st_size
        if size > limit:
            raise _too_large(name, size, limit)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:  # a file that grew, or a special file with no size
        raise _too_large(name, len(data), limit)
    return data


def detect_encoding(data: bytes) -> str | None:
    """The encoding of ``data``: a BOM, UTF-16 without BOM, UTF-8, else the single-byte code
    page (cp1251, KOI8-R, cp1252) whose reading looks most like real words; None if
    nothing fits (binary data, or text no candidate reads plausibly)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[:_SAMPLE]
    controls = sum(sample.count(b) for b in (0, 1, 2, 3, 4, 5, 6, 7, 8))
    if len(data) % 2 == 0 and controls * 8 > len(sample):
        utf16 = _utf16_without_bom(sample)
        if utf16 is not None:
            return utf16
    if 0 in sample:
        return None  # NUL bytes and not UTF-16: binary
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    scores = {encoding: _plausibility(sample, encoding) for encoding in SINGLE_BYTE}
    best = max(SINGLE_BYTE, key=lambda enc: scores[enc])
    return best if scores[best] > -8.0 else None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 LE or BE, when one of them reads as ordinary text (Latin, Cyrillic, punctuation)."""
    sample = sample[: len(sample) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            try:  # the sample may end inside a surrogate pair
                text = sample[:-2].decode(encoding)
            except UnicodeDecodeError:
                continue
        usual = sum(1 for ch in text if ch in "\n\r\t" or 0x20 <= ord(ch) < 0x250 or 0x400 <= ord(ch) < 0x530
                    or 0x2000 <= ord(ch) < 0x2070)  # fmt: skip
        if text and usual >= 0.95 * len(text):
            return encoding
    return None


def _plausibility(sample: bytes, encoding: str) -> float:
    """Average log-likelihood per non-ASCII character of ``sample`` read as ``encoding``.

    Words score by Russian letter frequency (Latin letters with diacritics score well only
    inside otherwise Latin words, as in "Müller"); a word whose case is jumbled ("иБЮМНБ",
    what cp1251 looks like read as KOI8-R) or that mixes scripts is penalised, and so are
    symbols a bibliography does not use (KOI8-R box drawing read from cp1251 bytes).
    """
    text = sample.decode(encoding, errors="replace")
    total = 0.0
    count = 0
    for word in _WORD.findall(text):
        letters = [ch for ch in word if ord(ch) >= 0x80]
        if not letters:
            continue
        count += len(letters)
        cyrillic = sum(1 for ch in letters if 0x400 <= ord(ch) < 0x530)
        has_ascii = len(letters) < len(word)
        for ch in letters:
            freq = _RU_FREQ.get(ch.lower(), 0.004 if 0x400 <= ord(ch) < 0x530 else 0.0)
            if not freq:
                freq = 0.02 if has_ascii and not cyrillic else 0.0005
            total += math.log(freq)
        if cyrillic and (has_ascii or cyrillic < len(letters)):
            total -= 4.0 * len(letters)  # scripts mixed inside one word
        elif word.isupper() and len(word) > 2:
            total -= 0.7 * len(letters)  # capitals-only words exist, but far less often
        elif not (word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())):
            total -= 4.0 * len(letters)
    odd = sum(1 for ch in text if ch == "\ufffd" or 0x2500 <= ord(ch) < 0x2600 or 0x80 <= ord(ch) < 0xA0)
    total -= 10.0 * odd
    count += odd
    return total / count if count else -99.0


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
    _atomic_write(name, Path(name), text.encode("utf-8"))


def _atomic_write(name: str, target: Path, data: bytes) -> None:
    """``data`` to a temporary sibling of ``target``, synced, then renamed over it; an
    existing file's permission bits are kept, a new one gets the umask's."""
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(f"{name}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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
    chosen = chosen or encoding or detect_encoding(data)
    if chosen is None:
        if b"\x00" in data[:4096]:
            raise InputError(f"{name}: binary data (NUL bytes), not a text file")
        raise InputError(f"{name}: cannot tell the text encoding; name it with --encoding")
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
    _atomic_write(name, Path(os.path.realpath(name)), data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
