"""Bibliographies in CSL styles: ``writer`` (the numbered list in each output format),
``prepare`` (items as the styles expect them), ``render`` (one entry through citeproc-py or
the compiled fast path), ``styles`` (the bundled styles and safe reading of any style),
``collate`` (Russian collation) and ``compile`` (the fast path: a style's layout compiled
once into closures)."""
