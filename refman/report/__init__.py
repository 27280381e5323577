"""Every report refman prints, human or machine: one owner for each.

``findings`` (validate's table, lines, JSON; reader diagnostics and fixes on stderr),
``sarif`` (findings for code-scanning tools), ``clusters`` (dedupe's table, lines, JSON and
the merge report), ``records`` (show's table, lines, JSON), ``keys`` (the key map TSV) and
``condense`` (a flood of one cause as one line). Reports take models and diagnostics and
give text; tables are drawn by ``refman.console``, the only module that imports Rich.
"""
