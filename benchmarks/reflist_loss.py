"""How much of each free-text reference the reader places nowhere (readers.reflist.account).

Runs the list and page readers on files (default: tests/data/reflists/*, the seed, a
generated list of N references from generate.py, and N adversarial items: the pieces lists
are made of, repeated and shuffled) and counts, per input, the items whose words no field
holds ("lossy") and the characters (not spaces) of those words, and the items with text in
``unmapped["unparsed"]`` (read but not placed: nothing lost, the reading is incomplete) and
how many of them carry an RM002 warning.

    python3 benchmarks/reflist_loss.py [N] [FILE …]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from generate import reflist_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from refman.readers import article_page  # noqa: E402
from refman.readers.reflist import reader as reflist  # noqa: E402
from refman.readers.reflist.account import unplaced  # noqa: E402
from tests.test_reflist_account import PIECES, SEPARATORS  # noqa: E402


def adversarial_text(count: int, seed: int = 20230226) -> str:
    """``count`` numbered items of 2 to 10 random pieces each (deterministic for a seed)."""
    rng = random.Random(seed)
    items = []
    for number in range(1, count + 1):
        parts = [rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(2, 10))]
        items.append(f"{number}. {''.join(parts).strip()}")
    return "\n".join(items) + "\n"


def measure(name: str, text: str) -> tuple[int, int, int, int, int]:
    """(items, items with words placed nowhere, characters of those words, items with text in
    ``unmapped["unparsed"]``, of them with an RM002 warning)."""
    pairs = []

    def spy(items, source, diagnostics):  # type: ignore[no-untyped-def]
        references = parse(items, source, diagnostics)
        pairs.extend(zip(items, references, strict=True))
        return references

    parse = reflist.parse_items
    reader = article_page if article_page.sniff(text) > reflist.sniff(text) else reflist
    article_page.parse_items = reflist.parse_items = spy
    try:
        result = reader.read(text, name)
    finally:
        article_page.parse_items = reflist.parse_items = parse
    lost = [spans for item, ref in pairs if (spans := unplaced(item.text, ref))]
    chars = sum(len("".join(span.split())) for spans in lost for span in spans)
    kept = {item.number for item, ref in pairs if ref.unmapped.get("unparsed")}
    warned = {d.number for d in result.diagnostics if d.code == "RM002"} & kept
    return len(pairs), len(lost), chars, len(kept), len(warned)


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv and argv[0].isdecimal() else 1000
    files = [Path(a) for a in argv[1:]] or [
        *sorted((ROOT / "tests" / "data" / "reflists").glob("*.txt")),
        ROOT / "seeds" / "000_fe4f377d4096e258.txt",
    ]
    inputs = [
        (str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p), p.read_text("utf-8")) for p in files
    ]
    inputs.append((f"generate.py reflist {count}", reflist_text(count)))
    inputs.append((f"adversarial {count}", adversarial_text(count)))
    print(f"{'input':40} {'items':>6} {'lossy':>6} {'chars lost':>10} {'unparsed':>9} {'warned':>7}")
    for name, text in inputs:
        items, lossy, chars, kept, warned = measure(name, text)
        print(f"{name:40} {items:6} {lossy:6} {chars:10} {kept:9} {warned:7}")


if __name__ == "__main__":
    main(sys.argv[1:])
