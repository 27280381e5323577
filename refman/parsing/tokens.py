"""Tokens of a reference: runs of non-space characters, with the few joints split that fuse
several fields into one run ("2019;571(7763):45-50" is date, volume, issue and pages).

Tokens keep their offsets so that labelled tokens give back the exact text of each field.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

_RUN = re.compile(r"\S+")
#: Inside a run: after ";" ":" "," before a digit, and before "(" after a digit or letter
#: ("571(7763)" → "571" "(7763)"). Not inside URLs and DOIs, which the rules cut first anyway.
_JOINT = re.compile(r"(?<=[;:,])(?=\d)|(?<=\d)(?=\(\d)|(?<=[a-z.])(?=\(\d)")
_LINKISH = re.compile(r"://|^(?:doi:|10\.\d|www\.)", re.IGNORECASE)


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` with their offsets; joining them with the text between gives ``text``."""
    out: list[Token] = []
    for match in _RUN.finditer(text):
        run, start = match[0], match.start()
        if len(run) < 3 or _LINKISH.search(run):
            out.append(Token(run, start, match.end()))
            continue
        cuts = [0, *(m.start() for m in _JOINT.finditer(run)), len(run)]
        for a, b in pairwise(cuts):
            if b > a:
                out.append(Token(run[a:b], start + a, start + b))
    return out
