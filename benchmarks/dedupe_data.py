"""Generated libraries with known duplicates, for ``bench_dedupe.py`` and the dedupe tests.

``library(n, seed)`` returns ``(items, truth)``: CSL-JSON items and, for each, the number of
the work it describes. Works come in every kind the dedupe issue names:
- duplicates: case/punctuation/LaTeX/HTML debris, typos, abbreviated journal names, initials
  for given names, DOI prefixes and case, ISBN-10 for ISBN-13, URL trivia, a Cyrillic record
  and its transliteration in GOST 7.79 B, ISO 9, BGN/PCGN, LC or passport spelling, a Russian
  title with its translation in brackets against the English record;
- near-duplicates (different works, different truth numbers): another year, volume, edition,
  part, chapter of one book, the conference paper and its journal version, one speaker's
  statements on different days, decrees with similar titles and other numbers.
Same ``n`` and ``seed``, same library.
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

_SYL_EN = "ba be bi bo co da de di fa fe ga ge ha he ka ke la le li lo ma me mi mo na ne ni no pa pe ra re ri ro sa se si so ta te ti to va ve vi".split()
_SYL_RU = "ба бе би бо ва ве ви во га ге го да де ди до жа же за зе ка ке ки ко ла ле ли ло ма ме ми мо на не ни но па пе по ра ре ри ро са се си со та те ти то ча ше щу ю я цы ху".split()
_ENDS_EN = ["tion", "ment", "ness", "ity", "ics", "al", "ive", "ing", "er", "ism"]
_ENDS_RU = ["ние", "ость", "ика", "ный", "ская", "ство", "ция", "ов", "ий", "ая"]
_GIVEN_RU = [
    "Игорь",
    "Юрий",
    "Яна",
    "Жанна",
    "Шамиль",
    "Щукин",
    "Евгений",
    "Ольга",
    "Фёдор",
    "Ксения",
    "Цветана",
]
_GIVEN_EN = ["John", "Maria", "Wei", "Ahmed", "Laura", "Peter", "Anna", "Carlos", "Yuki", "Elena", "Tom"]
_JOURNALS = [
    ("Journal of Applied Systems Research", "J. Appl. Syst. Res."),
    ("International Journal of Information Management", "Int. J. Inf. Manag."),
    ("Transactions on Knowledge and Data Engineering", "Trans. Knowl. Data Eng."),
    ("Europe-Asia Studies", "Eur.-Asia Stud."),
    ("Journal of Asian Studies", "J. Asian Stud."),
    ("Problems of Economic Transition", "Probl. Econ. Transit."),
]
_JOURNALS_RU = [
    "Вопросы экономики",
    "Восток. Афро-азиатские общества",
    "Мировая экономика и международные отношения",
]

# Romanisations of Russian letters in the systems people use (column order: GOST 7.79 B,
# ISO 9, BGN/PCGN, Library of Congress, passport/ICAO 2013).
_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_SYSTEMS = {
    "gost_b": "a b v g d e yo zh z i j k l m n o p r s t u f x cz ch sh shh `` y' ` e` yu ya",
    "iso9": "a b v g d e ë ž z i j k l m n o p r s t u f h c č š ŝ ʺ y ʹ è û â",
    "bgn": "a b v g d e ë zh z i y k l m n o p r s t u f kh ts ch sh shch ” y ’ e yu ya",
    "lc": "a b v g d e ë zh z i ĭ k l m n o p r s t u f kh ts ch sh shch ʺ y ʹ ė iu ia",
    "passport": "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y - e iu ia",
}
_TABLES = {name: dict(zip(_LETTERS, spec.split(), strict=True)) for name, spec in _SYSTEMS.items()}


def romanise(text: str, system: str) -> str:
    table = _TABLES[system]
    out = []
    for ch in text:
        low = ch.lower()
        latin = table.get(low)
        if latin is None:
            out.append(ch)
            continue
        latin = latin.replace("-", "")
        out.append(latin.capitalize() if ch != low else latin)
    return "".join(out)


class _Maker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.en = sorted({self._word(_SYL_EN, _ENDS_EN) for _ in range(6000)})
        self.ru = sorted({self._word(_SYL_RU, _ENDS_RU) for _ in range(6000)})
        self.families_en = sorted(
            {self._word(_SYL_EN, ["son", "er", "ov", "ez", "ski", "berg"]).capitalize() for _ in range(3000)}
        )
        self.english = dict(zip(self.ru, rng.sample(self.en, min(len(self.ru), len(self.en))), strict=False))
        self.families_ru = sorted(
            {
                self._word(_SYL_RU, ["ов", "ев", "ин", "ский", "цкий", "енко"]).capitalize()
                for _ in range(3000)
            }
        )

    def _word(self, syllables: list[str], ends: list[str]) -> str:
        return "".join(self.rng.choice(syllables) for _ in range(self.rng.randint(1, 3))) + self.rng.choice(
            ends
        )

    def title(self, ru: bool) -> str:
        words = [self.rng.choice(self.ru if ru else self.en) for _ in range(self.rng.randint(4, 9))]
        glue = ["и", "в", "для"] if ru else ["and", "of", "for", "in"]
        words.insert(self.rng.randint(1, len(words) - 1), self.rng.choice(glue))
        return " ".join(words).capitalize()

    def translate(self, title: str) -> str:
        """A stand-in for an English translation: word for word through a fixed dictionary."""
        glue = {"и": "and", "в": "in", "для": "for"}
        words = [glue.get(w) or self.english.get(w.lower(), w) for w in title.split()]
        return " ".join(words).capitalize()

    def person(self, ru: bool) -> dict[str, str]:
        if ru:
            return {"family": self.rng.choice(self.families_ru), "given": self.rng.choice(_GIVEN_RU)}
        return {"family": self.rng.choice(self.families_en), "given": self.rng.choice(_GIVEN_EN)}


def _base(maker: _Maker, work: int, rng: random.Random) -> dict[str, Any]:
    ru = rng.random() < 0.35
    kind = rng.choice(
        ["article-journal"] * 5 + ["book", "chapter", "paper-conference", "webpage", "legislation", "speech"]
    )
    item: dict[str, Any] = {
        "type": kind,
        "title": maker.title(ru),
        "issued": {"date-parts": [[rng.randint(1960, 2024)]]},
    }
    if ru:
        item["language"] = "ru"
    if kind != "legislation":
        item["author"] = [maker.person(ru) for _ in range(rng.choice((1, 1, 2, 3, 4, 6)))]
    if kind == "article-journal":
        item["container-title"] = rng.choice(_JOURNALS_RU) if ru else rng.choice(_JOURNALS)[0]
        item.update(
            volume=str(rng.randint(1, 80)),
            issue=str(rng.randint(1, 12)),
            page=f"{(p := rng.randint(1, 900))}–{p + rng.randint(4, 30)}",
        )
        if rng.random() < 0.5:
            item["DOI"] = f"10.{rng.randint(1000, 9999)}/{rng.choice('abcdefgh')}{work}"
    elif kind == "book":
        item.update(publisher=rng.choice(["Наука", "Питер", "Routledge", "Springer"]), ISBN=_isbn13(rng))
    elif kind in ("chapter", "paper-conference"):
        item["container-title"] = (
            "Proceedings of the " + maker.title(False) if kind == "paper-conference" else maker.title(ru)
        )
        item["page"] = f"{(p := rng.randint(1, 400))}–{p + 15}"
    elif kind in ("webpage", "speech"):
        item["issued"]["date-parts"][0] += [rng.randint(1, 12), rng.randint(1, 28)]
        item.update(
            {
                "URL": f"https://www.site{rng.randint(1, 50)}.org/news/{work}",
                "container-title": f"Site {rng.randint(1, 50)}",
            }
        )
    else:
        item.update(number=str(rng.randint(1, 999)), authority="President of the Russian Federation")
        item["title"] = (
            f"On measures to implement resolution {rng.randint(100, 3000)} of {maker.title(False).lower()}"
        )
    return item


def _isbn13(rng: random.Random) -> str:
    body = "978" + "".join(str(rng.randint(0, 9)) for _ in range(9))
    check = (10 - sum((1 if i % 2 == 0 else 3) * int(d) for i, d in enumerate(body)) % 10) % 10
    return body + str(check)


def _isbn10(isbn13: str) -> str:
    body = isbn13[3:12]
    check = sum((10 - i) * int(d) for i, d in enumerate(body)) % 11
    return f"{body[0]}-{body[1:4]}-{body[4:9]}-" + "0123456789X"[(11 - check) % 11]


def _typo(text: str, rng: random.Random) -> str:
    chars = list(text)
    k = rng.randrange(len(chars))
    op = rng.random()
    if op < 0.4:
        chars[k] = rng.choice("aeiourstn")
    elif op < 0.7:
        del chars[k]
    elif k + 1 < len(chars):
        chars[k], chars[k + 1] = chars[k + 1], chars[k]
    return "".join(chars)


def duplicate(item: dict[str, Any], rng: random.Random, maker: _Maker) -> dict[str, Any]:
    """Another record of the same work, as another source would write it."""
    dup = json.loads(json.dumps(item))
    title = dup["title"]
    ru = dup.get("language") == "ru"
    changes = rng.sample(
        ["case", "punct", "latex", "typo", "initials", "abbrev", "ids", "translit", "translation", "drop"], 3
    )
    if "case" in changes:
        title = title.upper() if rng.random() < 0.5 else title.title()
    if "punct" in changes:
        title = title.replace(" ", ", ", 1) + rng.choice([".", "!", " :", ""])
    if "latex" in changes:
        title = "{" + title + "}" if rng.random() < 0.5 else title.replace(" ", " <i>", 1) + "</i>"
    if "typo" in changes and len(title) > 20:
        title = _typo(title, rng)
    if "initials" in changes:
        for name in dup.get("author", []):
            name["given"] = name["given"][0] + "."
    if "abbrev" in changes:
        for full, short in _JOURNALS:
            if dup.get("container-title") == full:
                dup["container-title"] = short
    if "ids" in changes:
        if "DOI" in dup:
            dup["DOI"] = rng.choice(["https://doi.org/", "doi:", "http://dx.doi.org/"]) + dup["DOI"].upper()
        if "ISBN" in dup:
            dup["ISBN"] = _isbn10(dup["ISBN"])
        if "URL" in dup:
            dup["URL"] = dup["URL"].replace("https://www.", "http://") + "/"
    if ru and "translit" in changes:
        system = rng.choice(list(_TABLES))
        title = romanise(title, system)
        for name in dup.get("author", []):
            name["family"], name["given"] = romanise(name["family"], system), romanise(name["given"], system)
        dup.pop("language", None)
    elif ru and "translation" in changes:
        english = maker.translate(item["title"])
        title = f"{title} [{english}]" if rng.random() < 0.5 else english
        if title == english:  # the English database's record: title translated, names romanised
            for name in dup.get("author", []):
                name["family"], name["given"] = (
                    romanise(name["family"], "bgn"),
                    romanise(name["given"], "bgn"),
                )
    if "drop" in changes:
        for key in ("page", "issue", "container-title"):
            dup.pop(key, None)
    dup["title"] = title
    return dup


def near_duplicate(item: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A different work that looks like ``item``: what dedupe must keep apart."""
    other = json.loads(json.dumps(item))
    other.pop("DOI", None)
    kind = item["type"]
    year = other["issued"]["date-parts"][0]
    if kind == "book":
        other["ISBN"] = _isbn13(rng)
        if rng.random() < 0.5:
            other["edition"] = str(rng.randint(2, 5))
        else:
            other["volume"], item["volume"] = "2", "1"
    elif kind == "chapter":
        other["title"] = item["title"].split()[0] + " " + " ".join(rng.sample(item["title"].split(), 3))
        other["page"] = "500–520"
    elif kind == "paper-conference":
        other["type"] = "article-journal"
        other["container-title"] = rng.choice(_JOURNALS)[0]
    elif kind in ("speech", "webpage"):
        year[2] = year[2] % 28 + 1
        other["URL"] = item.get("URL", "") + "-2"
    elif kind == "legislation":
        other["number"] = str(int(item["number"]) + 1)
        other["title"] = other["title"].replace("resolution ", "resolution 1")
    else:
        choice = rng.random()
        if choice < 0.4:
            item["title"] += ". Part 1"
            other["title"] += ". Part 2"
        elif choice < 0.7:
            year[0] += 1
        else:
            other["volume"] = str(int(item.get("volume", "1")) + 1)
    return other


def library(n: int, seed: int = 5) -> tuple[list[dict[str, Any]], list[int]]:
    """``n`` CSL-JSON items and the work each describes (records of one work share a number)."""
    rng = random.Random(seed)
    maker = _Maker(rng)
    records: list[tuple[dict[str, Any], int]] = []
    work = 0
    while len(records) < n:
        base = _base(maker, work, rng)
        group = [(base, work)]
        roll = rng.random()
        if roll < 0.12:
            group.append((near_duplicate(base, rng), work + 1))
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2)) if roll < 0.55 else 0):
            group.append((duplicate(base, rng, maker), work))
        records.extend(group)
        work += 2
    records = records[:n]
    rng.shuffle(records)
    items = []
    for number, (item, _) in enumerate(records):
        items.append({"id": f"r{number}", **item})
    return items, [label for _, label in records]


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    data, _truth = library(count)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
