"""Deterministic generated libraries for the benchmarks: Latin and Cyrillic, several types.

``csl_items(n)`` gives CSL-JSON items; ``reflist_text(n)`` the same kind of library as a
numbered free-text list (GOST-style Russian lines and seed-style English lines mixed).
Same ``n`` and ``seed``, same output, so figures are comparable from run to run.
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

FAMILIES_RU = ["Иванов", "Петрова", "Сидоренко", "Кузнецов", "Юдин", "Жуков", "Чернышёва", "Щербаков",
               "Ёлкин", "Шевченко", "Ярцева", "Цветков", "Хабибуллин", "Эйдельман", "Орлов"]  # fmt: skip
GIVEN_RU = ["Иван", "Юрий", "Яна", "Жанна", "Чеслав", "Анна", "Пётр", "Ольга", "Эдуард", "Шамиль"]
PATRONYMIC_RU = ["Иванович", "Петровна", "Сергеевич", "Юрьевна", "Андреевич"]
FAMILIES_EN = ["Smith", "Zainullin", "Portyakova", "Tadtaev", "Tarantul", "Müller", "O'Brien",
               "García", "Novak", "Yamamoto", "Chen", "Kowalski", "Dubois", "Andersson"]  # fmt: skip
GIVEN_EN = ["John", "Yulia", "Zhanna", "Charles", "Eva", "Piotr", "Maria", "Li", "Yaroslav", "Emil"]
WORDS_RU = (
    "развитие отношения России сотрудничество экономика санкции история политика регион "
    "торговля безопасность Корея Азия анализ проблемы перспективы модель система"
).split()
WORDS_EN = (
    "development relations Russia cooperation economy sanctions history policy region "
    "trade security Korea Asia analysis problems prospects model system bridge"
).split()
JOURNALS_RU = [
    "Вопросы истории",
    "Восток. Афро-азиатские общества",
    "Мировая экономика и международные отношения",
]
JOURNALS_EN = ["Journal of Asian Studies", "Pacific Affairs", "Europe-Asia Studies"]
SITES = ["RIA Novosti", "TASS", "Kommersant", "Izvestia", "RBC", "UN News"]
PUBLISHERS = [
    ("Москва", "Наука"),
    ("Санкт-Петербург", "Питер"),
    ("London", "Routledge"),
    ("Oxford", "Clarendon Press"),
]
TYPES = [
    "article-journal",
    "book",
    "chapter",
    "webpage",
    "thesis",
    "paper-conference",
    "legislation",
    "speech",
]


def _title(rng: random.Random, cyrillic: bool) -> str:
    words = rng.sample(WORDS_RU if cyrillic else WORDS_EN, rng.randint(3, 8))
    return " ".join(words).capitalize()


def _person(rng: random.Random, cyrillic: bool) -> dict[str, str]:
    if cyrillic:
        given = f"{rng.choice(GIVEN_RU)} {rng.choice(PATRONYMIC_RU)}"
        return {"family": rng.choice(FAMILIES_RU), "given": given}
    return {"family": rng.choice(FAMILIES_EN), "given": rng.choice(GIVEN_EN)}


def csl_item(i: int, rng: random.Random) -> dict[str, Any]:
    cyrillic = rng.random() < 0.5
    kind = TYPES[i % len(TYPES)]
    year = rng.randint(1990, 2024)
    item: dict[str, Any] = {"id": f"item{i}", "type": kind, "title": _title(rng, cyrillic),
                            "language": "ru" if cyrillic else "en", "issued": {"date-parts": [[year]]}}  # fmt: skip
    if kind not in ("legislation",):
        item["author"] = [_person(rng, cyrillic) for _ in range(rng.choice((1, 1, 2, 3, 4)))]
    if kind == "article-journal":
        item.update({"container-title": rng.choice(JOURNALS_RU if cyrillic else JOURNALS_EN),
                     "volume": str(rng.randint(1, 60)), "issue": str(rng.randint(1, 12)),
                     "page": f"{(p := rng.randint(1, 300))}–{p + rng.randint(5, 30)}",
                     "DOI": f"10.{rng.randint(1000, 9999)}/x{i}"})  # fmt: skip
    elif kind in ("book", "thesis"):
        place, publisher = rng.choice(PUBLISHERS)
        item.update(
            {"publisher-place": place, "publisher": publisher, "number-of-pages": str(rng.randint(80, 600))}
        )
    elif kind in ("chapter", "paper-conference"):
        place, publisher = rng.choice(PUBLISHERS)
        item.update({"container-title": _title(rng, cyrillic), "publisher-place": place,
                     "publisher": publisher, "page": f"{(p := rng.randint(1, 300))}–{p + 12}"})  # fmt: skip
    elif kind in ("webpage", "speech"):
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        item["issued"] = {"date-parts": [[year, month, day]]}
        item.update({"container-title": rng.choice(SITES), "URL": f"https://example.org/{i}",
                     "accessed": {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]}})  # fmt: skip
        if kind == "speech":
            item.update({"event": "Conference on Disarmament", "event-place": "Geneva"})
    elif kind == "legislation":
        item.update({"genre": "Указ Президента Российской Федерации" if cyrillic else "Decree",
                     "number": str(rng.randint(1, 999)), "authority": "Президент Российской Федерации"})  # fmt: skip
    return item


def csl_items(n: int, seed: int = 20230226) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [csl_item(i, rng) for i in range(n)]


def _ru_line(item: dict[str, Any]) -> str:
    names = ", ".join(
        f"{a['family']} {'. '.join(w[0] for w in a['given'].split())}." for a in item.get("author", [])[:3]
    )
    year = item["issued"]["date-parts"][0][0]
    head = f"{names} " if names else ""
    if item["type"] == "article-journal":
        return f"{head}{item['title']} // {item['container-title']}. {year}. Т. {item['volume']}, № {item['issue']}. С. {item['page']}."
    if "publisher" in item:
        return f"{head}{item['title']}. {item['publisher-place']}: {item['publisher']}, {year}. {item.get('number-of-pages', '100')} с."
    return f"{head}{item['title']}. {year}."


def _en_line(item: dict[str, Any]) -> str:
    names = ", ".join(f"{a['family']} {a['given'][0]}." for a in item.get("author", [])[:1])
    parts = item["issued"]["date-parts"][0]
    date = f"{parts[1]:02d}/{parts[2]:02d}/{parts[0]}" if len(parts) == 3 else str(parts[0])
    site = item.get("container-title", "Kommersant")
    head = f"{names} " if names else ""
    return f"{head}{item['title']}. {site}. {date}. (in Russian) (accessed: 19.08.2022)."


def reflist_text(n: int, seed: int = 20230226) -> str:
    lines = []
    for number, item in enumerate(csl_items(n, seed), start=1):
        line = _ru_line(item) if item["language"] == "ru" else _en_line(item)
        lines.append(f"{number}. {line}")
    return "\n\n".join(lines) + "\n"


if __name__ == "__main__":
    if any(arg in ("-h", "--help") for arg in sys.argv[1:]):
        sys.stdout.write("usage: python3 benchmarks/generate.py [N] [csl-json|reflist]\n\n" + (__doc__ or ""))
        sys.exit(0)
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    kind = sys.argv[2] if len(sys.argv) > 2 else "csl-json"
    sys.stdout.write(
        reflist_text(count) if kind == "reflist" else json.dumps(csl_items(count), ensure_ascii=False)
    )
