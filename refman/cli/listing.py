"""`refman formats`: what refman reads and writes."""

from __future__ import annotations

from .. import io


def list_formats() -> None:
    """List the formats refman reads and writes, with aliases and file extensions.

    Example: refman formats
    """
    from .. import api

    rows = [("FORMAT", "READ", "WRITE", "ALIASES", "EXTENSIONS", "DESCRIPTION")]
    for fmt in api.formats_known():
        rows.append((fmt.name, "yes" if fmt.reader else "-", "yes" if fmt.writer else "-",
                     ",".join(fmt.aliases) or "-", ",".join(fmt.extensions) or "-", fmt.description))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = [
        "  ".join(cell.ljust(widths[i]) if i < 5 else cell for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]
    io.write_output(None, "\n".join(lines) + "\n")
