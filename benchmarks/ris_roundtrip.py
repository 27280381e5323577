"""What survives a trip through RIS: X → refman → RIS → refman → CSL-JSON, against X → CSL-JSON.

Inputs: N generated CSL-JSON items (generate.py) and every .bib file of a folder (default
/work/corpus/bib, skipped when absent). Prints, per input, the references, the records read
back from the RIS text, how many give identical CSL-JSON both ways, the variables that differ
(and how often), how many records carry refman's N1 note, and the time to write the RIS.

    python3 benchmarks/ris_roundtrip.py [N] [BIB_FOLDER]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from generate import csl_items

from refman import api
from refman.errors import RefmanError
from refman.model import Library
from refman.readers import csljson
from refman.readers.ris import read as read_ris
from refman.writers import csljson as csljson_writer
from refman.writers import ris


def trip(library: Library) -> tuple[int, int, int, Counter[str], int, float]:
    direct = json.loads(csljson_writer.write(library))
    start = time.perf_counter()
    text = ris.write(library)
    seconds = time.perf_counter() - start
    back = read_ris(text, "back.ris").library
    via = json.loads(csljson_writer.write(back))
    differ: Counter[str] = Counter()
    for a, b in zip(direct, via, strict=False):
        differ.update(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    same = sum(1 for a, b in zip(direct, via, strict=False) if a == b)
    notes = sum(1 for record in text.split("\nER  - \n") if "\nN1  - " in record and ": " in record)
    return len(direct), len(via), same, differ, notes, seconds


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv and argv[0].isdecimal() else 10000
    folder = Path(argv[1]) if len(argv) > 1 else Path("/work/corpus/bib")
    inputs: list[tuple[str, Library]] = []
    items = json.dumps(csl_items(count), ensure_ascii=False)
    inputs.append((f"generate.py csl-json {count}", csljson.read(items, "generated.json").library))
    merged, unreadable = Library(), 0
    for path in sorted(folder.glob("*.bib")) if folder.is_dir() else []:
        try:
            merged.references += api.load([str(path)]).library.references
        except RefmanError:
            unreadable += 1
    if merged.references:
        inputs.append((f"{folder} ({unreadable} files unreadable)", merged))
    for name, library in inputs:
        refs, back, same, differ, notes, seconds = trip(library)
        print(
            f"{name}: {refs} references, {back} records back, {same} identical; RIS written in {seconds:.2f} s"
        )
        print(f"  with refman's N1 note: {notes}; differing: {dict(differ.most_common(12)) or 'none'}")


if __name__ == "__main__":
    main(sys.argv[1:])
