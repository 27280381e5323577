"""The seed page, read field by field: the article and all 24 references, checked by hand.

Every expected value below was read off seeds/000_fe4f377d4096e258.txt. Judgment calls (also
in the readers' docstrings): titles of the seed's sources are English translations of Russian
originals, so every reference has language "ru" and keeps the note as written in
unmapped["language-note"]; slash dates are month/day because refs 7, 13, 14, 15, 16 and 24
have a second field over 12; a speech keeps its title without the trailing place and date
(those are event-place and issued); ref 9's middle element is its section; ref 13's quotes
stay (only one title in 24 is quoted, so they are the headline's own); refs 22/23 are
legislation, and 22 has no date of its own (June 12, 2009 is the UN resolution's).
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refman import api, formats
from refman.readers import article_page
from refman.readers.reflist import reader as reflist_reader

from .conftest import ROOT, SEED, golden_text

GOLDEN = ROOT / "tests" / "golden"
MFA = "The Ministry of Foreign Affairs of the Russian Federation"
RU = {"language-note": "(in Russian)"}
EVIDENCE = (
    "month/day: refs 7, 13, 14, 15, 16, 24 have a second field over 12 (06/28/2021, 07/18/2022, 07/29/2022 …)"
)

# number, key, type, author (family, given), title, container-title, issued [raw, parts],
# accessed [raw, parts], other CSL variables
REFERENCES = [
    (1, "road2019bridge", "webpage", None,
     "The road bridge between Primorye and North Korea will be built according to Russian standards",
     None, ("02/01/2019", [2019, 2, 1]), ("06.08.2022", [2022, 8, 6]), {}),
    (2, "foreigntrade", "dataset", None,
     "Foreign trade of the Russian Federation with foreign countries",
     "Federal State Statistics Service", None, ("06.08.2022", [2022, 8, 6]), {}),
    (3, "statement2022igor", "speech", None,
     "Statement by Mr. Igor Vishnevetskii, Deputy Head of the Delegation of the Russian Federation "
     "at the 10th NPT Review Conference (General Debate), New York, August 2, 2022",
     MFA, ("August 2, 2022", [2022, 8, 2]), ("19.08.2022", [2022, 8, 19]),
     {"event": "10th NPT Review Conference (General Debate)", "event-place": "New York"}),
    (4, "statement2022deputy", "speech", None,
     "Statement by the Deputy Head of the Delegation of the Russian Federation at the Tenth Review "
     "Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons Igor "
     "Vishnevetskii, Main Committee II, New York, 8 August 2022",
     MFA, ("8 August 2022", [2022, 8, 8]), ("19.08.2022", [2022, 8, 19]),
     {"event": "Tenth Review Conference of the Parties to the Treaty on the Non-Proliferation of "
               "Nuclear Weapons, Main Committee II", "event-place": "New York"}),
    (5, "general2022assembly", "webpage", None,
     "General Assembly resolution demands end to Russian offensive in Ukraine",
     "UN News", ("2 March 2022", [2022, 3, 2]), ("19.08.2022", [2022, 8, 19]), {}),
    (6, "georgy2022zinoviev", "webpage", None,
     "Georgy Zinoviev: Russian-Chinese relations are entering a new stage",
     "RIA Novosti", ("07.09.2022", [2022, 9, 7]), ("13.09.2022", [2022, 9, 13]), {}),
    (7, "zainullin2021russian", "webpage", ("Zainullin", "E."),
     "Russian coal will follow the path of Juche",
     "Kommersant", ("06/28/2021", [2021, 6, 28]), ("25.08.2022", [2022, 8, 25]), {}),
    (8, "zakharova2021russia", "webpage", None,
     "Zakharova: Russia expects a constructive attitude from the UN Security Council to the "
     "resolution on assistance to the DPRK",
     "TASS", ("11/03/2021", [2021, 11, 3]), ("19.08.2022", [2022, 8, 19]), {}),
    (9, "resolutions", "webpage", None, "Resolutions",
     "United Nations Security Council", None, ("18.08.2022", [2022, 8, 18]),
     {"section": "1718 Sanctions Committee"}),
    (10, "project2021road", "webpage", None,
     "The project of a road bridge on the border between Russia and North Korea was not abandoned",
     "Prim.News", ("06/01/2021", [2021, 6, 1]), ("06.08.2022", [2022, 8, 6]), {}),
    (11, "russiandeputy", "webpage", None,
     "Russian Deputy Foreign Minister Igor Morgulov's response to a media question about the "
     "Russian-Chinese draft of the UN Security Council resolution on North Korea",
     MFA, None, ("19.08.2022", [2022, 8, 19]), {}),
    (12, "relationsbetween", "webpage", None, "Relations between Russia and North Korea",
     MFA, None, ("18.08.2022", [2022, 8, 18]), {}),
    (13, "portyakova2022north", "webpage", ("Portyakova", "N."),
     '"North Koreans don\'t bill us after every UN vote"',
     "Izvestia", ("07/18/2022", [2022, 7, 18]), ("19.08.2022", [2022, 8, 19]), {}),
    (14, "pushilin2022expressed", "webpage", None, "Pushilin expressed readiness to visit North Korea",
     "RIA News", ("07/29/2022", [2022, 7, 29]), ("19.08.2022", [2022, 8, 19]), {}),
    (15, "russia2017actively", "webpage", None,
     "Russia is actively supplying energy resources to North Korea",
     None, ("05/21/2017", [2017, 5, 21]), ("09.08.2022", [2022, 8, 9]), {}),
    (16, "russia2022north", "webpage", None,
     "Russia and North Korea are interested in continuing joint infrastructure projects and "
     "restoring trade and economic cooperation interrupted by the pandemic",
     "Ministry of the Russian Federation for the Development of the Far East and the Arctic",
     ("06/23/2022", [2022, 6, 23]), ("09.08.2022", [2022, 8, 9]), {}),
    (17, "russia2022offered", "webpage", None,
     "Russia offered North Korea the supply of its vaccines against COVID-19",
     "RIA News", ("06/01/2022", [2022, 6, 1]), ("18.08.2022", [2022, 8, 18]), {}),
    (18, "russia2022china", "webpage", None,
     "Russia and China vetoed a resolution on sanctions against the DPRK in the UN Security Council",
     "Izvestia", ("May 26, 2022", [2022, 5, 26]), ("19.08.2022", [2022, 8, 19]), {}),
    (19, "rasoncontrans", "webpage", None, "RasonConTrans",
     None, None, ("06.08.2022", [2022, 8, 6]), {"genre": "website"}),
    (20, "tadtaev2020rosneft", "webpage", ("Tadtaev", "G."),
     "Rosneft decided to sue for an article about supplies to the DPRK",
     "RBC", ("09/03/2020", [2020, 9, 3]), ("06.08.2022", [2022, 8, 6]), {}),
    (21, "tarantul2020russia", "webpage", ("Tarantul", "R."),
     "Why does Russia need a new bridge in North Korea?",
     "East Russia", ("01/10/2020", [2020, 1, 10]), ("06.08.2022", [2022, 8, 6]), {}),
    (22, "measuresimplement", "legislation", None,
     "On Measures to Implement UN Security Council Resolution 1874 of June 12, 2009",
     "President of Russia", None, ("22.08.2022", [2022, 8, 22]),
     {"genre": "Decree of the President of the Russian Federation",
      "authority": "President of the Russian Federation",
      "note": "As amended by Decrees of the President of the Russian Federation No. 729 dated "
              "December 29, 2016, No. 161 dated April 12, 2019"}),
    (23, "measures2017implement", "legislation", None,
     "On measures to implement UN Security Council Resolution 2321 of November 30, 2016",
     "Official Internet portal of legal information",
     ("October 14, 2017", [2017, 10, 14]), ("22.08.2022", [2022, 8, 22]),
     {"genre": "Decree of the President of the Russian Federation",
      "authority": "President of the Russian Federation", "number": "484"}),
    (24, "ukraine2022severed", "webpage", None, "Ukraine severed diplomatic relations with North Korea",
     "RIA News", ("07/13/2022", [2022, 7, 13]), ("23.08.2022", [2022, 8, 23]), {}),
]  # fmt: skip
#: Refs whose slash date fits both conventions and was read month/day on the evidence above.
AMBIGUOUS = {1, 8, 10, 17, 20, 21}
#: Lines of the seed where each reference starts.
LINES = dict(zip(range(1, 25), range(28, 76, 2), strict=True))


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def loaded():
    return api.load([str(SEED)])


@pytest.fixture(scope="module")
def result(seed_text):
    return article_page.read(seed_text, name="seed.txt")


def _expected(row) -> dict:
    _number, key, kind, author, title, container, issued, accessed, extra = row
    item = {"id": key, "type": kind, "language": "ru", "title": title}
    if author:
        item["author"] = [{"family": author[0], "given": author[1]}]
    if container:
        item["container-title"] = container
    for var, value in (("issued", issued), ("accessed", accessed)):
        if value:
            item[var] = {"date-parts": [value[1]]}  # the raw text travels in custom.refman
    item.update(extra)
    return item


def test_page_sniffer_wins_on_the_seed(seed_text):
    assert formats.detect(seed_text, "seed", ".txt").name == "page"
    assert (
        article_page.sniff(seed_text) - (reflist_reader.sniff(seed_text) + 0.15) >= formats.AMBIGUITY_MARGIN
    )


def test_article_header_every_field(result):
    article = result.library.article
    assert article.title == (
        "Current State And Future Prospects For Russian-North Korea Relations In The New Geopolitical Conditions"
    )
    assert article.publication_type == "Article"
    assert article.status == "Published"
    assert article.author is None and article.author_known is False
    assert article.occupation == "senior researcher"
    assert article.affiliation == "Institute of Oriental Studies"
    assert article.address == "Moscow, Rozdestvenka 12"
    assert article.journal == "Vostok. Afro-Aziatskie obshchestva: istoriia i sovremennost"
    assert article.issue == "1"
    assert article.publication_date.date_parts == [[2023, 2, 26]]
    assert article.publication_date.raw == "26.02.2023"
    assert article.keywords == [
        "Russian-North Korean Relations", "Trade", "the Special Military Operation", "COVID-19",
        "sanctions", "North Korea", "Ukraine", "UN",
    ]  # fmt: skip
    assert article.characters == 27327
    assert article.price == "100 rub."
    assert (article.stats.purchasers, article.stats.views, article.stats.rating_votes) == (1, 429, 0)
    assert article.references == []  # they are in library.references, once


def test_article_abstract_and_excerpt(result):
    article = result.library.article
    assert article.abstract.startswith("North Korea openly expressed support to Russia")
    assert article.abstract.endswith("in the context of the ongoing international sanctions regime.")
    assert "\n" not in article.abstract and "territories, secondly" in article.abstract
    assert [p.number for p in article.excerpt] == [2, 3, 4, 5]
    assert article.excerpt[0].text.startswith("После периода стагнации в отношениях в 1990-е гг.")
    assert article.excerpt[3].text.endswith("наметили новые планы сотрудничества.")
    assert article.excerpt_language == "ru"
    texts = " ".join(p.text for p in article.excerpt)
    assert "Orphus" not in texts and "rub." not in texts


def test_article_golden(result):
    data = result.library.article.model_dump(mode="json", exclude={"references"}, exclude_none=True)
    path = GOLDEN / "seed.article.json"
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(golden_text(path, text)) == data


@pytest.mark.parametrize("row", REFERENCES, ids=[f"ref{r[0]}" for r in REFERENCES])
def test_reference_every_field(loaded, seed_text, row):
    ref = loaded.library.references[row[0] - 1]
    item = ref.to_csl()
    custom = item.pop("custom")
    assert item == _expected(row)
    assert custom["refman"]["unmapped"] == RU
    assert ref.origin.number == row[0] and ref.origin.line == LINES[row[0]]
    assert seed_text.splitlines()[LINES[row[0]] - 1] == f"{row[0]}. {ref.origin.raw}"
    reading = ref.issued.reading if ref.issued else None
    if row[0] in AMBIGUOUS:
        assert reading.ambiguous and reading.pattern == "MM/DD/YYYY" and reading.evidence == EVIDENCE
    elif reading is not None:
        assert not reading.ambiguous


def test_diagnostics(result):
    by_code: dict[str, list] = {}
    for diag in result.diagnostics:
        by_code.setdefault(diag.code, []).append(diag)
    assert set(by_code) == {"RM003", "RM004", "RM007"}
    (hyphen,) = by_code["RM003"]
    assert "sanc-tions" in hyphen.message and hyphen.location.line == 13
    assert sorted(d.number for d in by_code["RM004"]) == sorted(AMBIGUOUS)
    assert all(EVIDENCE in d.message and d.field == "issued" for d in by_code["RM004"])
    noise = [d.location.line for d in by_code["RM007"]]
    assert noise == [16, 17, 18, 76]  # price, subscription notice, excerpt disclaimer, Orphus


def test_golden_csl_json(loaded, validate_csl):
    text = api.export(loaded.library, "csl-json")
    path = GOLDEN / "seed.csl.json"
    assert text == golden_text(path, text)
    items = json.loads(text)
    validate_csl(items)
    assert [it["id"] for it in items] == [row[1] for row in REFERENCES]


def test_cli_export_matches_golden(run_cli):
    status, out, _ = run_cli("export", str(SEED), "--to", "csl-json")
    assert status == 0
    assert out == (GOLDEN / "seed.csl.json").read_text(encoding="utf-8")


def test_reading_twice_gives_the_same_records(seed_text):
    first = article_page.read(seed_text, "a")
    second = article_page.read(seed_text, "a")
    assert [r.to_csl() for r in first.library.references] == [r.to_csl() for r in second.library.references]


def test_page_without_slash_evidence_keeps_dates_unread(seed_text):
    """Drop every reference whose slash date proves month/day: the rest must stay unread."""
    lines = seed_text.splitlines()
    proving = {LINES[n] for n in (7, 13, 14, 15, 16, 24)}
    text = "\n".join("" if i in proving else ln for i, ln in enumerate(lines, 1))
    result = article_page.read(text, "cut.txt")
    refs = {r.origin.number: r for r in result.library.references}
    assert len(refs) == 18
    for number in AMBIGUOUS:
        issued = refs[number].issued
        assert issued.date_parts is None and issued.raw and issued.reading.ambiguous
    warned = [d.number for d in result.diagnostics if d.code == "RM005"]
    assert sorted(warned) == sorted(AMBIGUOUS)


def test_russian_labels_and_an_author_line():
    text = (
        "Заглавие статьи\n\nТип публикации Статья\nАвторы: Иванов И. И., Петров П. П.\n"
        "Название журналаВосток\nВыпускВыпуск 3\nКлючевые словаРоссия, КНДР.\n"
        "Дата публикации01.03.2023\nКоличество символов1200\n\n1. Иванов И. И. Заглавие // Журнал. 2019. № 2.\n"
    )
    assert formats.detect(text, "page.txt", ".txt").name == "page"
    result = article_page.read(text, "page.txt")
    article = result.library.article
    assert (article.title, article.publication_type, article.journal, article.issue) == (
        "Заглавие статьи", "Статья", "Восток", "3",
    )  # fmt: skip
    assert [n.family for n in article.author] == ["Иванов", "Петров"] and article.author_known
    assert article.keywords == ["Россия", "КНДР"] and article.characters == 1200
    assert article.publication_date.date_parts == [[2023, 3, 1]]
    assert [r.container_title for r in result.library.references] == ["Журнал"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=500))
def test_page_reader_never_raises(text):
    result = article_page.read(text)
    assert 0.0 <= article_page.sniff(text) <= 1.0
    assert all(re.fullmatch(r"RM\d{3}", d.code) for d in result.diagnostics)
    lines = text.count("\n") + 1
    assert all(1 <= ref.origin.line <= lines for ref in result.library.references)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=4000), st.integers(min_value=0, max_value=300))
def test_page_reader_survives_cut_seed(start, length):
    seed = SEED.read_text(encoding="utf-8")
    text = seed[:start] + seed[start + length :]
    refs = article_page.read(text).library.references
    # a cut can merge or lose items, never add any: at most the seed's 24, in their order,
    # each pointing at a line of the cut text
    assert len(refs) <= 24
    numbers = [ref.origin.number for ref in refs]
    assert numbers == sorted(set(numbers))
    assert all(1 <= ref.origin.line <= text.count("\n") + 1 for ref in refs)
