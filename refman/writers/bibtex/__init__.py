"""BibTeX and BibLaTeX out: ``writer`` (a library as a .bib file: unchanged entries and the
text between them written as read), ``fields`` (a reference's fields in either dialect),
``anchor`` (a changed entry written in its source's own form wherever its meaning stayed) and
``case`` (the braces that keep a title's capitals)."""
