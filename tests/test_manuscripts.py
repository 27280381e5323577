"""Citations in LaTeX and pandoc Markdown: every command and form found, every trap left alone,
the exact rewritten text, and the round trips a rename must allow."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from refman.manuscripts import keymap, latex
from refman.manuscripts.citations import Citation, CiteGroup, KeySpan
from refman.manuscripts.markdown import scanner as markdown

from .conftest import DATA

MANUSCRIPTS = DATA / "manuscripts"


def _read(name: str) -> str:
    """A fixture as it is on disk (no newline translation)."""
    return (MANUSCRIPTS / name).read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def mapping() -> dict[str, str]:
    return keymap.parse(_read("keys.tsv"), "keys.tsv").mapping


def test_the_fixture_key_map(mapping):
    assert mapping == {
        "ivanov2019": "ivanov2019zaglavie",
        "petrov2020": "petrov2020a",
        "smith:2001.": "smith2001",
    }


def test_latex_fixture_is_rewritten_exactly(mapping):
    result = latex.rewrite(_read("article.tex"), mapping, ("mycite",))
    assert result.text == _read("article.rekeyed.tex")
    assert (result.keys, result.citations) == (65, 56)


def test_markdown_fixture_is_rewritten_exactly(mapping):
    result = markdown.rewrite(_read("article.md"), mapping)
    assert result.text == _read("article.rekeyed.md")
    assert (result.keys, result.citations) == (19, 18)


def test_a_second_run_changes_nothing(mapping):
    assert latex.rekey(_read("article.rekeyed.tex"), mapping, ("mycite",)) == (
        _read("article.rekeyed.tex"),
        0,
    )
    assert markdown.rekey(_read("article.rekeyed.md"), mapping) == (_read("article.rekeyed.md"), 0)


# --- LaTeX ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(latex.COMMANDS))
def test_every_latex_command_is_a_citation(name):
    pattern, multi = latex.COMMANDS[name]
    group = "[см.]{2}[с.~5]{a, c}" if pattern == latex.VOLUME else "[см.][с.~5]{a, c}"
    text = f"Текст \\{name}{'(до)(после)' if multi else ''}{group}{group if multi else ''}."
    expected = text.replace("{a, c}", "{b, c}")
    assert latex.rekey(text, {"a": "b"}) == (expected, 2 if multi else 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("% \\cite{a}\n\\cite{a}", "% \\cite{a}\n\\cite{b}"),
        ("50\\% \\cite{a} % \\cite{a}", "50\\% \\cite{b} % \\cite{a}"),
        ("строка\\\\% \\cite{a}\n", "строка\\\\% \\cite{a}\n"),
        ("\\verb|\\cite{a}| \\verb*!\\cite{a}! \\cite{a}", "\\verb|\\cite{a}| \\verb*!\\cite{a}! \\cite{b}"),
        ("\\lstinline|\\cite{a}| \\lstinline[language=TeX]{\\cite{a}}", None),
        ("\\mintinline{latex}{\\cite{a}} \\mintinline{latex}|\\cite{a}|", None),
        ("\\url{https://x.org/%7E\\cite{a}} \\cite{a}", "\\url{https://x.org/%7E\\cite{a}} \\cite{b}"),
        ("\\href{https://x.org/\\cite{a}}{\\cite{a}}", "\\href{https://x.org/\\cite{a}}{\\cite{b}}"),
        (
            "\\begin{minted}{latex}\n\\cite{a}\n\\end{minted}\\cite{a}",
            "\\begin{minted}{latex}\n\\cite{a}\n\\end{minted}\\cite{b}",
        ),
        (
            "\\begin{verbatim}\n\\cite{a}\n\\end{verbatim*}\n\\cite{a}",
            None,
        ),  # no \end{verbatim}: all verbatim
        ("\\cite{a,%\n  c, % ключ\n  a}", "\\cite{b,%\n  c, % ключ\n  b}"),
        ("\\cite [с.~5]%\n  {a}", "\\cite [с.~5]%\n  {b}"),
        ("\\cite\n\n{a}", None),  # a blank line ends the arguments
        ("\\cite[с.~5]\n\n[x]{a}", None),
        ("\\newcommand{\\mycite}[1]{\\cite{#1}}", None),
        ("\\cite{a b}", None),  # two words are not a key list
        ("\\cite{\\a}", None),
        ("\\nocite{*}", None),
        ("\\citetext{см. \\citealp{a}}", "\\citetext{см. \\citealp{b}}"),
        ("\\cite[\\cite{a}]{a}", "\\cite[\\cite{b}]{b}"),
        ("\\cite[{]}]{a}", "\\cite[{]}]{b}"),
        ("\\cite[\\]]{a}", "\\cite[\\]]{b}"),
        ("\\cite[см. [1]]{a}", "\\cite[см. [1]]{b}"),
        ("\\cite[", None),
        ("\\cite{a", None),
        ("\\citeauthorx{a} \\xcite{a} \\cite@x{a}", None),
        ("\\cite{a}{a}", "\\cite{b}{a}"),  # one group; \cites takes more
        ("\\cites{a}  {a}\n[p]{a} и {a}", "\\cites{b}  {b}\n[p]{b} и {a}"),
    ],
)
def test_latex_rewrites_citations_only(text, expected):
    assert latex.rekey(text, {"a": "b"})[0] == (text if expected is None else expected)


def test_every_verbatim_environment_is_left_alone():
    for env in sorted(latex.VERBATIM_ENVIRONMENTS):
        text = f"\\begin{{{env}}}[x]\n\\cite{{a}}\n\\end{{{env}}}\n\\cite{{a}}"
        assert latex.rekey(text, {"a": "b"}) == (text[: -len("{a}")] + "{b}", 1), env


def test_latex_citations_carry_their_notes_and_positions():
    text = "См. \\parencites(см. также)()[с.~1]{a}[гл.~3]{b,\n  c}."
    (citation,) = latex.citations(text)
    assert citation == Citation(
        4,
        len(text) - 1,
        "parencites",
        (
            CiteGroup((KeySpan(35, 36, "a"),), "", "с.~1"),
            CiteGroup((KeySpan(45, 46, "b"), KeySpan(50, 51, "c")), "", "гл.~3"),
        ),
        "см. также",
        "",
    )
    (volume,) = latex.citations("\\pvolcite[см.]{3}[45--47]{a}")
    assert volume.groups == (CiteGroup((KeySpan(26, 27, "a"),), "см.", "45--47", volume="3"),)
    (starred,) = latex.citations("\\citep*[см.][]{a}")
    assert (starred.kind, starred.groups[0].prefix, starred.groups[0].suffix) == ("citep*", "см.", "")
    assert [span.key for span in latex.key_spans("\\nocite{*} \\cite{a,b}")] == ["*", "a", "b"]


def test_keys_left_in_unknown_citation_commands_are_reported():
    text = "\\citeA{a} \\cite{a} % \\citeA{a}\n\\shortcite[с.~1]{b, c} \\verb|\\citeNP{a}| \\citetext{a}"
    result = latex.rewrite(text, {"a": "x", "c": "y"})
    assert (result.text, result.missed) == (
        text.replace("\\cite{a}", "\\cite{x}"),
        ((0, "citeA", "a"), (31, "shortcite", "c")),
    )
    assert latex.rewrite(text, {"a": "x", "c": "y"}, ("citeA", "shortcite")).missed == ()
    assert markdown.rewrite("\\citeNP{a} [@a] `\\citeNP{a}`", {"a": "x"}).missed == ((0, "citeNP", "a"),)


def test_latex_refuses_a_key_it_cannot_write():
    with pytest.raises(ValueError, match="cannot be written in a LaTeX citation"):
        latex.rekey("\\cite{a}", {"a": "b,c"})
    assert latex.rekey("\\cite{a}", {"a": "Иванов2019"}) == ("\\cite{Иванов2019}", 1)


# --- Markdown ---------------------------------------------------------------------------------

#: (text, the keys pandoc 2.17 reads in it): each checked with `pandoc -t native`, and again
#: by test_manuscripts_pandoc.py where pandoc is installed.
PANDOC_CASES = [
    ("a@key _@key a-@key x.@key /@key", ["key", "key", "key"]),
    ("me@example.org и first.last@example.org", []),
    (
        "@key--x @a//b @http://x.org/a @k+1 @k/#x @k<a> @a..b @k’s",
        ["key", "a//b", "http://x.org/a", "k+1", "k", "k<a", "a", "k"],
    ),
    ("@Foo_bar.baz. @{Foo_bar.baz.} @ключ2020, @key_", ["Foo_bar.baz", "Foo_bar.baz.", "ключ2020", "key_"]),
    ("@{a b} @{a{b}c}", ["a{b}c"]),
    ("x @a@b и x@c@d", ["a", "b", "d"]),
    ("`@k` и x `` a ` @k `` y", []),
    ('<me@k.org> <https://x.org/@k> [t](https://x.org/@k "@j")', []),
    ("x $a @k$ y; costs $5 and @j $10", ["j"]),
    ('x <!-- @k --> <span title="@k">y</span> <code>@j</code>', ["j"]),
    ("x \\textbf{@k} \\foo @j \\@k", ["j"]),
    ('[a]: http://x.org/@k "t @j"', []),
    ("(@good) пример\n\nсм. @good и [@good]", ["good"]),
    ("- пункт\n\n    абзац @k\n\n      код @j", ["k"]),
    ("> цитата\n>\n>     код @k", []),
    ("```a b\n@k\n```", []),
    ("~~~\n@k\n~~~\n\n~~~\n@j", ["j"]),
    ("<pre>\n@k\n</pre>\n\n<div>\n@j\n</div>", ["j"]),
    ("\\begin{figure}\n@k\n\\end{figure}", []),
    ("Текст [см. @a; @b, с. 3–5] и [-@c, с. 15]", ["a", "b", "c"]),
]


#: pandoc's own citations (not the raw LaTeX ones, which pandoc passes through).
MARKDOWN_KINDS = ("bracketed", "in-text", "nocite")


@pytest.mark.parametrize(("text", "keys"), PANDOC_CASES)
def test_markdown_reads_keys_as_pandoc_does(text, keys):
    found = [span.key for c in markdown.citations(text) if c.kind in MARKDOWN_KINDS for span in c.keys]
    assert found == keys


def test_markdown_citations_carry_their_notes_and_positions():
    text = "[см. @a; -@b, с. 3–5] и @c [с. 42], а также \\cite[с.~5]{d}."
    assert list(markdown.citations(text)) == [
        Citation(
            0,
            21,
            "bracketed",
            (
                CiteGroup((KeySpan(6, 7, "a"),), "см.", ""),
                CiteGroup((KeySpan(11, 12, "b"),), "", ", с. 3–5", True),
            ),
        ),
        Citation(24, 34, "in-text", (CiteGroup((KeySpan(25, 26, "c"),), "", "с. 42"),)),
        Citation(44, 58, "cite", (CiteGroup((KeySpan(56, 57, "d"),), "", "с.~5"),)),
    ]
    front = "---\nnocite: |\n  @a, @{b.}\n---\nТекст."
    assert list(markdown.citations(front)) == [
        Citation(16, 25, "nocite", (CiteGroup((KeySpan(17, 18, "a"),)), CiteGroup((KeySpan(22, 24, "b."),))))
    ]


def test_markdown_front_matter():
    text = (
        "---\ntitle: После @a\n# @a в комментарии\nnote_: '@a'\nnocite: |\n  @a\n"
        "abstract: >\n  См. [@a].\n---\n@a\n"
    )
    assert markdown.rekey(text, {"a": "b"})[0] == text.replace("После @a", "После @b").replace(
        "  @a\n", "  @b\n"
    ).replace("[@a]", "[@b]").replace("---\n@a\n", "---\n@b\n")
    horizontal_rule = "---\n\n@a\n\n---\n"
    assert markdown.rekey(horizontal_rule, {"a": "b"}) == (horizontal_rule.replace("@a", "@b"), 1)


def test_markdown_writes_a_key_pandoc_would_cut_in_braces():
    assert markdown.rekey("@a и [@a] и @{a}.", {"a": "b."}) == ("@{b.} и [@{b.}] и @{b.}.", 3)
    assert markdown.rekey("@a, \\cite{a}", {"a": "http://x.org/b"}) == (
        "@http://x.org/b, \\cite{http://x.org/b}",
        2,
    )
    with pytest.raises(ValueError, match="cannot be written in a Markdown citation"):
        markdown.rekey("@a", {"a": "b}"})


def test_markdown_never_turns_a_citation_into_an_example_label():
    text = "(@c:d) и @c:d.\n\n@c:d. Текст (@c:d)."
    assert markdown.rekey(text, {"c:d": "cd"}) == ("(@{cd}) и @cd.\n\n@{cd}. Текст (@cd).", 4)


def test_line_ends_are_kept():
    text = "Текст [@a]\r\n\r\n    код @a\r\n\r\n\\cite{a}\r\n"
    assert markdown.rekey(text, {"a": "b"}) == ("Текст [@b]\r\n\r\n    код @a\r\n\r\n\\cite{b}\r\n", 2)
    assert latex.rekey("% \\cite{a}\r\n\\cite{a}\r\n", {"a": "b"}) == ("% \\cite{a}\r\n\\cite{b}\r\n", 1)


@pytest.mark.parametrize(
    "text",
    ["\\cite[" * 3000, "\\cite{" * 3000, "\\url{" * 3000, "\\verb|" * 3000, "@{" * 3000, "`a " * 3000,
     "[@a; " * 3000, "$a " * 3000, "<!--" * 3000, "\\begin{x}" * 3000, "````\n```\n" * 1000, "(@a) x\n" * 3000],
)  # fmt: skip
def test_hostile_text_is_read(text):
    """Linear scanners (benchmarks/bench_rekey.py measures it): these end in milliseconds."""
    latex.rekey(text, {"a": "b"})
    markdown.rekey(text, {"a": "b"})


# --- properties -------------------------------------------------------------------------------

KEYS = ["a", "ab", "x1", "c:d", "Иванов2019", "k.e-y"]
LATEX_PIECES = [
    *(f"\\{command}{{{{{key}}}}}" for command in ("cite", "parencite*", "citep[с.~5]") for key in KEYS),
    "\\cites[p]{{{0}}}{{a,{1}}}",
    "\\volcite{{2}}{{{0}}}",
    "% \\cite{{{0}}}\n",
    "\\verb|\\cite{{{0}}}|",
    "\\begin{{verbatim}}\\cite{{{0}}}\\end{{verbatim}}",
    "\\cite{{{0},%\n {1}}}",
    "\\\\",
    "{{", "}}", "[", "]", "%", "\n", "\n\n", " ", "текст ",
]  # fmt: skip
MARKDOWN_PIECES = [
    "@{0}", "[@{0}]", "[см. @{0}; -@{1}, с. 3]", "@{{{0}}}", "`@{0}`", "```\n@{0}\n```\n", "\n    @{0}\n",
    "x@{0}", "\\@{0}", "$@{0}$", "<!-- @{0} -->", "[t](http://x/@{0})", "\\cite{{{0}}}", "(@{0}) ",
    "---\nnocite: '@{0}'\n---\n", "[", "]", ";", "`", "\n", "\n\n", " ", ".", "-", "текст ",
]  # fmt: skip


def _texts(pieces: list[str]) -> st.SearchStrategy[str]:
    piece = st.tuples(st.sampled_from(pieces), st.sampled_from(KEYS), st.sampled_from(KEYS)).map(
        lambda t: t[0].format(t[1], t[2])
    )
    noise = st.text(alphabet="ab@{}[]%\\`$;- \n", max_size=4)
    return st.lists(st.one_of(piece, noise), max_size=20).map("".join)


SYNTAXES = [(latex, _texts(LATEX_PIECES)), (markdown, _texts(MARKDOWN_PIECES))]


@pytest.mark.parametrize(("module", "texts"), SYNTAXES, ids=["latex", "markdown"])
def test_identity_and_absent_keys_change_nothing(module, texts):
    @given(texts)
    def check(text: str) -> None:
        assert module.rekey(text, {key: key for key in KEYS}) == (text, 0)
        absent = {key: "other" for key in ("zz", "Петров2020", "q:r") if key not in text}
        assert module.rekey(text, absent) == (text, 0)

    check()


#: New keys for the round trip. In Markdown they hold punctuation: "(@c:d)" opening a line
#: cites, but "(@zz9)" there would be an example label, so rekey writes "(@{zz9})" (see
#: test_markdown_never_turns_a_citation_into_an_example_label) and the way back keeps braces.
NEW_KEYS = {latex: ["zz9", "Новый1", "n:e.w"], markdown: ["z.z9", "Нов:ый1", "n:e.w"]}


@pytest.mark.parametrize(("module", "texts"), SYNTAXES, ids=["latex", "markdown"])
def test_renaming_there_and_back_restores_the_text(module, texts):
    @given(texts, st.sampled_from(KEYS), st.sampled_from(NEW_KEYS[module]))
    def check(text: str, old: str, new: str) -> None:
        assume(new not in text)
        there, count = module.rekey(text, {old: new})
        back, count_back = module.rekey(there, {new: old})
        assert back == text
        assert count == count_back == there.count(new)

    check()
