"""pandoc is the reference for Markdown citations: it must read the keys refman reads, and
read the rewritten manuscript as the original with the keys renamed."""

from __future__ import annotations

import json
import subprocess

import pytest

from refman.manuscripts import keymap
from refman.manuscripts.markdown import scanner as markdown

from .conftest import DATA, need_client
from .test_manuscripts import MARKDOWN_KINDS, PANDOC_CASES

pytestmark = pytest.mark.clients
MANUSCRIPTS = DATA / "manuscripts"


def _pandoc_keys(text: str) -> list[str]:
    """The citation keys pandoc reads, in document order (metadata first)."""
    pandoc = need_client("pandoc")
    done = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "json"], input=text.encode("utf-8"), capture_output=True, check=True
    )
    keys: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Cite":
                keys.extend(citation["citationId"] for citation in node["c"][0])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    document = json.loads(done.stdout)
    walk(document["meta"])
    walk(document["blocks"])
    return keys


def _refman_keys(text: str) -> list[str]:
    return [span.key for c in markdown.citations(text) if c.kind in MARKDOWN_KINDS for span in c.keys]


@pytest.mark.parametrize(("text", "keys"), PANDOC_CASES)
def test_the_rule_table_is_what_pandoc_reads(text, keys):
    assert _pandoc_keys(text) == keys


def test_pandoc_reads_the_keys_refman_reads_and_renames():
    original = (MANUSCRIPTS / "article.md").read_bytes().decode("utf-8")
    rekeyed = (MANUSCRIPTS / "article.rekeyed.md").read_bytes().decode("utf-8")
    mapping = keymap.parse((MANUSCRIPTS / "keys.tsv").read_text(encoding="utf-8")).mapping
    keys = _pandoc_keys(original)
    assert len(keys) == 22
    assert sorted(keys) == sorted(_refman_keys(original))
    assert _pandoc_keys(rekeyed) == [mapping.get(key, key) for key in keys]
