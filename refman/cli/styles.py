"""`refman styles`: the bundled bibliography styles, their aliases, and what else is accepted."""

from __future__ import annotations

from .. import io


def list_styles() -> None:
    """List the bundled CSL styles with their aliases; any CSL 1.0 .csl file also works.

    Examples:
      refman styles
      refman export refs.bib --to gost-2008
      refman export refs.json --style path/to/style.csl
    """
    from .. import api

    rows = [("STYLE", "ALIASES", "DESCRIPTION")]
    rows += [(name, ",".join(aliases) or "-", description) for name, aliases, description in api.styles()]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = ["  ".join((row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2])).rstrip() for row in rows]
    lines.append("")
    lines.append("Default for --to gost: gost-r-7.0.100-2018. Any CSL 1.0 style: --style path/to/style.csl")
    io.write_output(None, "\n".join(lines) + "\n")
