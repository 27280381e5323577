"""The one way refman parses XML it did not write (a user's CSL style today; any XML reader
tomorrow): no DTD loading, no entity expansion, no network, no huge trees. A hostile file
cannot pull a local file or a URL into the output, nor expand itself into gigabytes. It lives
in ``parse`` so that readers and writers may both use it."""

from __future__ import annotations

from lxml import etree


def safe_parser(**extra: object) -> etree.XMLParser:
    """An lxml parser that refuses external entities and DTDs; ``extra`` adds options."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        **extra,
    )
