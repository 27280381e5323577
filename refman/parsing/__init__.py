"""A learned reference parser: a CRF labels each token of a free-text reference with its field.

``tokens`` cuts a reference into tokens, ``features`` describes each token for the model,
``labeller`` runs the shipped model (``model.crfsuite``, trained by ``python3 -m
training.train``), ``assemble`` turns labelled tokens into a ``Reference`` with a confidence
per field, and ``people`` splits name lists. The free-text reader decides when the model
reads a reference instead of its rules (``readers/reflist_crf.py``).
"""

#: The fields the model labels tokens with (README of training/ says where each comes from).
LABELS = (
    "author", "editor", "translator", "title", "container", "collection", "volume", "issue",
    "pages", "date", "publisher", "location", "edition", "genre", "note", "url", "doi", "isbn",
    "citation-number", "other",
)  # fmt: skip
