"""The fast path: a CSL bibliography layout compiled once into Python closures with
citeproc-py's semantics (``layout``, with ``dates`` and ``names``; ``nodes`` is what they
share), working in citeproc-py's string model on plain strings (``strings``); citeproc-py's
element classes with memoised look-ups (``fast``, ``memo``) render the elements the compiler
leaves to them. ``layout``'s module doc lists the CSL features compiled.

It mirrors citeproc-py's private internals (its string seams, element render order and
signatures) as of 0.11, the version pyproject.toml pins; tests/test_renderer.py compares it
with plain citeproc-py character for character.
"""
