"""BibTeX/BibLaTeX ↔ CSL, written once and read both ways.

- ``table``: the two-way table. One ``Row`` per field that is one CSL variable, and the
  named ``Converter`` steps at their place in the writer's field order.
- Converters beside it: ``convert`` (container, number, bodies, genre, language), ``titles``
  (title + subtitle, the multi-volume work), ``biblatex`` (compiler, arXiv, lists, an issue's
  season), ``dates`` (EDTF and year/month/day), ``types`` (entry types and subtypes), ``own``
  (what no row maps travels under its own name).
- ``inherit``: crossref and xdata inheritance by biblatex's default rules, before mapping.
- ``context``: what a converter may ask of the reader and the writer that run it.

The reader is ``readers.bibtex_entry``, the writer ``writers.bibtex.fields``; to map a new
field, add a row (or a converter beside the table) and both directions follow.
"""
