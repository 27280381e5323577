"""Every line of the seed's GOST R 7.0.100-2018 list, written by hand from the seed's own text
(seeds/000_fe4f377d4096e258.txt, lines 28-74) and the rules of docs/GOST.md, each line with
the rules it follows. Nothing here was copied from refman's output: it is checked against the
page read and rendered now, and against the committed golden (tests/golden/gost), so that
neither can drift from the standard unseen.

The list is Russian (the default list language, rule 9): the prescribed words are Russian
("Текст : электронный", "[сайт]", "дата обращения") and the data stay in English, as the
source gives them. No item has a URL: the access date stands where the URL note would
(the judgment under rule 12 in docs/GOST.md). Slash dates are month/day: the list proves it
(06/28/2021 and others have a second field over 12).

Refs 3, 4, 9 and 23 are wrong today (issue 11): their tests are strict expected failures, and
flip to failures of the marker when the fix lands, so that the marker is removed then.
"""

from __future__ import annotations

import pytest

from refman import api

from .conftest import ROOT, SEED

GOLDEN = ROOT / "tests" / "golden" / "gost" / "seed.gost-r-7.0.100-2018.txt"
E = "Текст : электронный"  # rules 5, 9
MFA = "The Ministry of Foreign Affairs of the Russian Federation"
ISSUE_11 = "issue 11: refman's GOST output for this seed reference is wrong today"

#: ref → (expected record, the rules of docs/GOST.md it follows)
EXPECTED: dict[int, tuple[str, str]] = {
    # no site named: a whole resource, the content type last (5); 02/01/2019 is 1 February (7)
    1: ("The road bridge between Primorye and North Korea will be built according to Russian standards. "
        f"– 2019. – 1 февр. – (дата обращения: 06.08.2022). – {E}.", "1, 5, 7, 8, 9"),
    # a part of a site without a date: no year area (6)
    2: (f"Foreign trade of the Russian Federation with foreign countries. – {E} "
        "// Federal State Statistics Service : [сайт]. – (дата обращения: 06.08.2022).", "1, 2, 5, 6, 8"),
    # the place and date of the statement are part of its title as the source gives it (9);
    # the page is dated by the same date (6, 7)
    3: ("Statement by Mr. Igor Vishnevetskii, Deputy Head of the Delegation of the Russian Federation at the "
        "10th NPT Review Conference (General Debate), New York, August 2, 2022. "
        f"– {E} // {MFA} : [сайт]. – 2022. – 2 авг. – (дата обращения: 19.08.2022).", "1, 2, 5, 6, 7, 9"),
    4: ("Statement by the Deputy Head of the Delegation of the Russian Federation at the Tenth Review "
        "Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons Igor "
        "Vishnevetskii, Main Committee II, New York, 8 August 2022. "
        f"– {E} // {MFA} : [сайт]. – 2022. – 8 авг. – (дата обращения: 19.08.2022).", "1, 2, 5, 6, 7, 9"),
    # март is written in full, in the genitive (7)
    5: (f"General Assembly resolution demands end to Russian offensive in Ukraine. – {E} "
        "// UN News : [сайт]. – 2022. – 2 марта. – (дата обращения: 19.08.2022).", "1, 2, 5, 6, 7"),
    # 07.09.2022 is day.month: 7 September, "сент." (7)
    6: (f"Georgy Zinoviev: Russian-Chinese relations are entering a new stage. – {E} "
        "// RIA Novosti : [сайт]. – 2022. – 7 сент. – (дата обращения: 13.09.2022).", "1, 2, 5, 6, 7"),
    # one author: heading "Zainullin, E.", then " / E. Zainullin" (3)
    7: (f"Zainullin, E. Russian coal will follow the path of Juche / E. Zainullin. – {E} "
        "// Kommersant : [сайт]. – 2021. – 28 июня. – (дата обращения: 25.08.2022).", "1, 2, 3, 5, 6, 7"),
    # 11/03/2021 month/day: 3 November, "нояб." (7)
    8: ("Zakharova: Russia expects a constructive attitude from the UN Security Council to the resolution "
        f"on assistance to the DPRK. – {E} // TASS : [сайт]. – 2021. – 3 нояб. "
        "– (дата обращения: 19.08.2022).", "1, 2, 5, 6, 7"),
    # the site's name is given whole, as the source gives it (9)
    # the list names the committee, then the Council whose site it is: the host is the site
    # (the Council's), the committee its section, printed after the site's name (6, 20)
    9: (f"Resolutions. – {E} // United Nations Security Council. 1718 Sanctions Committee : [сайт]. "
        "– (дата обращения: 18.08.2022).", "1, 2, 5, 6, 9"),
    10: ("The project of a road bridge on the border between Russia and North Korea was not abandoned. "
         f"– {E} // Prim.News : [сайт]. – 2021. – 1 июня. – (дата обращения: 06.08.2022).", "1, 2, 5, 6, 7"),
    11: ("Russian Deputy Foreign Minister Igor Morgulov’s response to a media question about the "
         "Russian-Chinese draft of the UN Security Council resolution on North Korea. "
         f"– {E} // {MFA} : [сайт]. – (дата обращения: 19.08.2022).", "1, 2, 5, 6"),
    12: (f"Relations between Russia and North Korea. – {E} // {MFA} : [сайт]. "
         "– (дата обращения: 18.08.2022).", "1, 2, 5, 6"),
    # the quoted headline keeps its quotation marks, in the list's «» (9); one author (3)
    13: ("Portyakova, N. «North Koreans don’t bill us after every UN vote» / N. Portyakova. "
         f"– {E} // Izvestia : [сайт]. – 2022. – 18 июля. – (дата обращения: 19.08.2022).", "1, 2, 3, 5, 6, 7"),
    14: (f"Pushilin expressed readiness to visit North Korea. – {E} // RIA News : [сайт]. "
         "– 2022. – 29 июля. – (дата обращения: 19.08.2022).", "1, 2, 5, 6, 7"),
    # no site named: a whole resource (5)
    15: ("Russia is actively supplying energy resources to North Korea. – 2017. – 21 мая. "
         f"– (дата обращения: 09.08.2022). – {E}.", "1, 5, 7, 8"),
    16: ("Russia and North Korea are interested in continuing joint infrastructure projects and restoring "
         f"trade and economic cooperation interrupted by the pandemic. – {E} // Ministry of the Russian "
         "Federation for the Development of the Far East and the Arctic : [сайт]. – 2022. – 23 июня. "
         "– (дата обращения: 09.08.2022).", "1, 2, 5, 6, 7"),
    17: (f"Russia offered North Korea the supply of its vaccines against COVID-19. – {E} // RIA News : [сайт]. "
         "– 2022. – 1 июня. – (дата обращения: 18.08.2022).", "1, 2, 5, 6, 7"),
    18: ("Russia and China vetoed a resolution on sanctions against the DPRK in the UN Security Council. "
         f"– {E} // Izvestia : [сайт]. – 2022. – 26 мая. – (дата обращения: 19.08.2022).", "1, 2, 5, 6, 7"),
    # a whole website: "Name : [сайт]", the content type last (10)
    19: (f"RasonConTrans : [сайт]. – (дата обращения: 06.08.2022). – {E}.", "2, 4, 10"),
    20: (f"Tadtaev, G. Rosneft decided to sue for an article about supplies to the DPRK / G. Tadtaev. – {E} "
         "// RBC : [сайт]. – 2020. – 3 сент. – (дата обращения: 06.08.2022).", "1, 2, 3, 5, 6, 7"),
    # a title ending in "?" takes no period after it (1)
    21: (f"Tarantul, R. Why does Russia need a new bridge in North Korea? / R. Tarantul. – {E} "
         "// East Russia : [сайт]. – 2020. – 10 янв. – (дата обращения: 06.08.2022).", "1, 2, 3, 5, 6, 7"),
    # a legal act under its title; genre and amendments as other title information (4, 11)
    22: ("On Measures to Implement UN Security Council Resolution 1874 of June 12, 2009 : Decree of the "
         "President of the Russian Federation : As amended by Decrees of the President of the Russian "
         "Federation No. 729 dated December 29, 2016, No. 161 dated April 12, 2019. "
         f"– {E} // President of Russia : [сайт]. – (дата обращения: 22.08.2022).", "1, 2, 4, 5, 11"),
    # the act's date and number follow its genre, in the language of the entry (9, 11): they are
    # elements the description builds (GOST's "от 14 октября 2017 г. № 484"), not a transcribed
    # phrase, so the date takes the description's day-month-year order in English words
    23: ("On measures to implement UN Security Council Resolution 2321 of November 30, 2016 : Decree of the "
         "President of the Russian Federation of 14 October 2017 No. 484. "
         f"– {E} // Official Internet portal of legal information : [сайт]. – (дата обращения: 22.08.2022).",
         "1, 2, 4, 5, 9, 11"),
    24: (f"Ukraine severed diplomatic relations with North Korea. – {E} // RIA News : [сайт]. "
         "– 2022. – 13 июля. – (дата обращения: 23.08.2022).", "1, 2, 5, 6, 7"),
}  # fmt: skip
WRONG_TODAY: frozenset[int] = frozenset()  # refs 3, 4, 9 and 23 were fixed with issue 11


@pytest.fixture(scope="module")
def rendered() -> list[str]:
    return api.export(api.load([str(SEED)]).library, "gost").splitlines()


@pytest.fixture(scope="module")
def golden() -> list[str]:
    return GOLDEN.read_text(encoding="utf-8").splitlines()


def test_the_list_has_the_seeds_24_references(rendered, golden):
    assert len(rendered) == len(golden) == len(EXPECTED) == 24


@pytest.mark.parametrize(
    "ref",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=ISSUE_11)) if n in WRONG_TODAY else n
        for n in sorted(EXPECTED)
    ],
)
def test_seed_line_follows_its_rules(ref, rendered, golden):
    line, rules = EXPECTED[ref]
    assert rendered[ref - 1] == f"{ref}. {line}", f"docs/GOST.md rules {rules}"
    assert golden[ref - 1] == f"{ref}. {line}", f"docs/GOST.md rules {rules}"
