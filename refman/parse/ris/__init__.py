"""RIS text, shared by the RIS reader and writer: ``table`` (the two-way tag ↔ variable
table both read, with its named converters), ``tags`` (the converters: dates, pages, serial
numbers; values folded and read back), ``record`` (one record's tags → CSL data) and ``note``
(refman's own ``variable: value`` lines inside N1)."""
