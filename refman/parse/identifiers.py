"""Identifier text shared by the rules that check identifiers and the writers that print them."""

from __future__ import annotations

import re

#: A resolver or label in front of a DOI ("https://doi.org/", "http://dx.doi.org/", "doi:").
DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)


def bare_doi(doi: str) -> str:
    """The DOI without surrounding spaces or a resolver prefix: "https://doi.org/10.1/x" → "10.1/x"."""
    return DOI_PREFIX.sub("", doi.strip())
