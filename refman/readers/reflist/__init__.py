"""Free-text reference lists. ``reader`` splits a list into items and decides what only the
whole list can; ``fields`` reads one item through ``parts`` (its cuts) and ``kinds`` (what
sort of work it is); ``account`` keeps every character no field holds."""
