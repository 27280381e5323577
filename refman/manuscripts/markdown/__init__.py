"""pandoc Markdown citations: ``scanner`` finds and rewrites them, reading past what pandoc
does not read as text: ``blocks`` (fenced and indented code, front matter, raw blocks) and
``inline`` (code spans, links, math, comments)."""
