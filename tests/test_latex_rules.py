"""LaTeX in BibTeX values (refman/parse/latex.py), each case from the LaTeX/BibTeX meaning of
the input: accents (\\'e, \\"{u}, \\'{\\i}), ligatures (--, ---, ``, ''), ties, groups, commands
kept when unknown, \\href's URL dropped, paragraphs; and the way back: specials escaped, a "--"
that is text protected, math and kept commands written as they came."""

from __future__ import annotations

import pytest

from refman.parse.latex import balanced, decoded_completely, escape, to_unicode


@pytest.mark.parametrize(
    ("latex", "plain"),
    [
        ("Caf\\'e", "Café"),
        ('M\\"{u}ller', "Müller"),
        ("\\'{\\i}", "í"),  # an accented dotless i is the accented i
        ("pages 10--20", "pages 10–20"),
        ("a---b", "a—b"),
        ("``quoted''", "“quoted”"),
        ("Fig.~3", "Fig.\u00a03"),
        ("{DNA} and {{RNA}}", "DNA and RNA"),
        ("\\textit{Homo} sapiens", "Homo sapiens"),
        ("\\unknowncmd{x}{y} z", "\\unknowncmd{x}{y} z"),  # kept as written, with its arguments
        ("\\href{http://x.org}{the site}", "the site"),
        ("\\enquote{Juche}", "“Juche”"),
        ("5\\% of \\$3 \\& more", "5% of $3 & more"),
        ("$x^2$ grows", "$x^2$ grows"),
        ("one\n\ntwo", "one\n\ntwo"),
        ("one\\par two", "one\n\ntwo"),
        ("one\\newline two", "one\ntwo"),
        ("  many   spaces\n here ", "many spaces here"),
        ("plain text", "plain text"),
        ("\\href{http://x.org/{a}}{the site}", "the site"),  # braces inside the URL
        ("{\\href{http://x.org}{site}} more", "site more"),  # \\href inside a group
        ("\\unknowncmd{a\\}b} c", "\\unknowncmd{a\\}b} c"),  # an escaped brace does not close
    ],
)
def test_to_unicode(latex, plain):
    assert to_unicode(latex) == plain


@pytest.mark.parametrize(
    ("latex", "complete"),
    [("Caf\\'e", True), ("plain", True), ("$x^2$", False), ("\\unknowncmd{x}", False), ("5\\%", True)],
)
def test_decoded_completely(latex, complete):
    assert decoded_completely(latex, to_unicode(latex)) is complete


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("plain", "plain"),
        ("5% & #1_a", "5\\% \\& \\#1\\_a"),
        ("a~b", "a\\textasciitilde{}b"),
        ("x^y", "x\\textasciicircum{}y"),
        ("C:\\ 2", "C:\\textbackslash{} 2"),
        ("$3", "\\$3"),
        ("a\u00a0b", "a~b"),
        ("10--20", "10-{}-20"),  # text "--", not an en dash
        ("``a''", "`{}`a'{}'"),
        ("{a}", "\\{a\\}"),
        ("}a{", "\\textbraceright{}a\\textbraceleft{}"),  # unpaired: BibTeX would count them
        ("{a", "\\textbraceleft{}a"),
        ("$x^2$\\emph{y}", "$x^2$\\emph{y}"),  # a command right after math is still a command
        ("one\ntwo", "one\\newline{}two"),
        ("one\n\ntwo", "one\\par{}two"),
        ("$x^2$ & y", "$x^2$ \\& y"),  # math kept verbatim
        ("\\emph{a} & b", "\\emph{a} \\& b"),  # a kept command written back as it is
    ],
)
def test_escape(text, latex):
    assert escape(text) == latex


@pytest.mark.parametrize(
    "text", ["Café", "5% & #1", "10--20", "Fig.\u00a03", "a~b", "{a}", "C:\\ 2", "one\n\ntwo", "x^y"]
)
def test_escape_then_read_is_identity(text):
    assert to_unicode(escape(text)) == text


@pytest.mark.parametrize(
    ("text", "ok"),
    [("{a}", True), ("{a", False), ("a}", False), ("}{", False), ("\\{a", True), ("{\\}}", True), ("", True)],
)
def test_balanced(text, ok):
    assert balanced(text) is ok
