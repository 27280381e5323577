"""RIS text, shared by the RIS reader and writer: ``tags`` (the tag table, values folded and
read back), ``record`` (one record's tags → CSL data) and ``note`` (refman's own
``variable: value`` lines inside N1)."""
