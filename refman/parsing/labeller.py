"""The shipped model, loaded once on first use, labelling tokens with a confidence each.

The confidence of a token's label is its marginal probability under the CRF (the share of
all labellings, weighted by the model, that give the token this label), so a field whose
tokens the model hesitates over can be reported rather than guessed silently.
"""

from __future__ import annotations

from pathlib import Path
from threading import Lock

import pycrfsuite

from .features import sequence_features
from .tokens import Token

MODEL_NAME = "model.crfsuite"
_lock = Lock()
_tagger: pycrfsuite.Tagger | None = None


def model_path() -> str:
    """The model beside this module (package data; importlib.resources costs ~50 ms to import)."""
    return str(Path(__file__).with_name(MODEL_NAME))


def tagger() -> pycrfsuite.Tagger:
    """The model, opened on first use (a few tens of milliseconds) and kept."""
    global _tagger
    with _lock:
        if _tagger is None:
            loaded = pycrfsuite.Tagger()
            loaded.open(model_path())
            _tagger = loaded
        return _tagger


def label(tokens: list[Token]) -> list[tuple[str, float]]:
    """(label, confidence) for each token, in order."""
    if not tokens:
        return []
    model = tagger()
    with _lock:
        model.set(sequence_features(tokens))
        labels = model.tag()
        return [(lab, model.marginal(lab, i)) for i, lab in enumerate(labels)]
