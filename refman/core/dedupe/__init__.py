"""Duplicate detection and merging. ``engine`` is the entry point: ``features`` (each record
normalised once, with ``norm``, ``translit`` and ``ids``) → ``block`` (candidate pairs, never
all pairs) → ``score`` (identifiers, vetoes, weighted ``similar``-ity, evidence in words) →
``cluster`` (joins that never put two proven different works together). ``merge`` turns
clusters into one record each, losslessly, choosing the surviving key by ``survivor`` and
rewriting links between records by ``links``."""
