"""The bundled CSL styles: names, aliases, where their files are, and safe reading of any style.

The styles have one source, the top-level ``styles/``: a built package carries a copy made
at build time (``setup.py``), a checkout or an editable install reads ``styles/``. A user's
``.csl`` file is parsed without a DTD, entities or network, so a hostile file cannot pull a
local file or a URL into the output.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from ...errors import InputError
from ...io import read_bytes
from ...parse.safe_xml import safe_parser

CSL_NS = "http://purl.org/net/xbiblio/csl"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class BundledStyle:
    name: str
    file: str
    description: str
    aliases: tuple[str, ...] = ()
    #: The style follows GOST heading rules that CSL cannot express (4+ authors → title first).
    gost: bool = True


BUNDLED: tuple[BundledStyle, ...] = (
    BundledStyle("gost-r-7.0.100-2018", "gost-r-7.0.100-2018.csl",
                 "GOST R 7.0.100-2018 bibliographic description (the default GOST)",
                 aliases=("gost", "gost-2018", "gost-7.0.100")),
    BundledStyle("gost-r-7.0.5-2008", "gost-r-7.0.5-2008.csl",
                 "GOST R 7.0.5-2008 bibliographic references",
                 aliases=("gost-2008", "gost-7.0.5")),
)  # fmt: skip

_BY_NAME = {alias: style for style in BUNDLED for alias in (style.name, *style.aliases)}


class StyleNotFoundError(LookupError):
    """Neither a bundled name nor a readable .csl file (the caller turns it into FormatError)."""


def bundled(name: str) -> BundledStyle | None:
    return _BY_NAME.get(name.strip().lower())


def available_text() -> str:
    """One line naming every bundled style and alias, for error messages."""
    return "; ".join(f"{s.name} ({', '.join(s.aliases)})" for s in BUNDLED) + "; or a path to a .csl file"


def style_bytes(name: str) -> tuple[bytes, BundledStyle | None]:
    """The XML of a bundled style (by name or alias) or of a .csl file, and its registry entry."""
    entry = bundled(name)
    if entry is not None:
        return _bundled_bytes(entry.file), entry
    path = Path(name).expanduser()
    if path.suffix.lower() in (".csl", ".xml") or path.exists():
        try:  # bounded like every input: --style /dev/zero stops at the input limit
            return read_bytes(str(path)), None
        except InputError as exc:
            raise StyleNotFoundError(f"style {exc.message}") from None
    raise StyleNotFoundError(f"unknown style {name!r} (available: {available_text()})")


def _bundled_bytes(file: str) -> bytes:
    """From package data when installed (wheel or editable), else from the source tree."""
    try:
        return resources.files("refman").joinpath("styles", file).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return (Path(__file__).resolve().parents[3] / "styles" / file).read_bytes()


def check_style(data: bytes, name: str) -> etree._Element:
    """Parse a style safely; a file that is not a CSL style with a bibliography is refused.

    So is one that declares entities: they are never expanded (an external one could name
    any file), and dropping them would change the style's text without a word.
    """
    refused = StyleNotFoundError(
        f"{name}: the style declares XML entities (<!DOCTYPE … [<!ENTITY …>]>), which refman "
        "does not expand; write their text in place"
    )
    if b"<!ENTITY" in data:  # before parsing: an entity in an attribute is a syntax error
        raise refused
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise StyleNotFoundError(f"{name}: not a CSL style (XML error: {exc})") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # in UTF-16, say
        raise refused
    if root.tag != f"{{{CSL_NS}}}style":
        raise StyleNotFoundError(f"{name}: not a CSL style (root element {etree.QName(root).localname!r})")
    if root.find(f"{{{CSL_NS}}}bibliography") is None:
        raise StyleNotFoundError(f"{name}: the style has no bibliography layout")
    return root


def default_language(root: etree._Element) -> str:
    """The style's default-locale language ("ru" for the GOST styles, "en" when unset)."""
    return (root.get("default-locale") or "en-US").split("-")[0].lower()
