"""The fast path: a CSL bibliography layout compiled once into Python closures with
citeproc-py's semantics (``layout`` with ``dates`` and ``names``; ``nodes`` is what they
share), the string model it works in (``strings``), citeproc-py's element classes with
memoised look-ups (``fast``, ``memo``) for whatever the compiled layout hands back."""
