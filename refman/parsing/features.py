"""What the model sees of each token: its word, shape, case, digits, punctuation on each side,
script, place in the string and in its sentence (tokens since the last clause end and to the
sentence's end, the punctuation that closed the last clause, capitalised words in a row: a
field's boundary), quotes and parentheses around it, small dictionaries, and the same for two
neighbours either side.

Features are plain strings (python-crfsuite's fastest input); the same function serves
training and labelling, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .tokens import Token

_WORDS = {
    "month": """january february march april may june july august september october november
        december jan feb mar apr jun jul aug sep sept oct nov dec январь февраль март апрель май
        июнь июль август сентябрь октябрь ноябрь декабрь января февраля марта апреля мая июня
        июля августа сентября октября ноября декабря янв фев мар апр авг сент окт нояб дек
        spring summer autumn fall winter""",
    "pub": """press publishing publishers publisher publications verlag books wiley springer
        elsevier routledge sage blackwell macmillan penguin harpercollins mcgraw-hill
        addison-wesley prentice pearson academic inc ltd co llc gmbh university univ
        изд-во издательство наука питер просвещение юрайт инфра-м academia nauka
        isbn""",
    "place": """new york london paris berlin boston cambridge oxford chicago amsterdam tokyo
        moscow москва м спб санкт-петербург л ленинград ny ma ca uk usa heidelberg dordrecht
        basel philadelphia washington dc princeton stanford berkeley toronto sydney singapore
        leipzig vienna wien münchen munich stuttgart frankfurt madrid rome milan beijing
        новосибирск екатеринбург казань киев минск""",
    "jour": """journal journ j proceedings proc transactions trans review rev letters lett
        bulletin bull annals ann quarterly magazine acta studies research science sciences
        international int society soc conference conf symposium workshop вестник журнал
        известия труды записки вопросы проблемы материалы сборник доклады конференции""",
    "role": """ed eds editor editors edited hrsg пер под ред сост trans translated transl by
        comp compiled translator""",
    "loc": """vol volume v no nos issue iss pp p pages т том вып № с стр s bd heft nr art part
        pt ch chapter suppl supplement""",
    "genre": """thesis dissertation doctoral phd master's masters unpublished report technical
        working paper preprint дис дисс автореф канд докт наук manuscript""",
    "link": """doi url http https retrieved available accessed from режим доступа online
        электронный ресурс""",
    "conj": "and & и und et y",
    "etal": "al др",
    "in": "in в",
}
_DICT: dict[str, str] = {}
for _tag, _text in _WORDS.items():
    for _word in _text.split():
        _DICT.setdefault(_word, _tag)

_CORE = re.compile(r"^[^\w&№]*(.*?)[^\w&№]*$")
_SHAPE = str.maketrans(
    {**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"},
     **{c: "x" for c in "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя"},
     **{c: "d" for c in "0123456789"}}
)  # fmt: skip
_REPEATS = re.compile(r"(.)\1+")
_YEAR = re.compile(r"(?:1[5-9]\d\d|20\d\d)[a-z]?")
_RANGE = re.compile(r"\d+\s*[-–—]\s*\d+")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|-?е|-?я|-?й)", re.IGNORECASE)
_CYR = re.compile(r"[А-Яа-яЁё]")
_LAT = re.compile(r"[A-Za-z]")
_QUOTE_OPEN = '“„«"‘'
_QUOTE_CLOSE = '”»"’'


def _case(core: str) -> str:
    if not core:
        return "none"
    if core.isdigit():
        return "num"
    if len(core) <= 2 and core[0].isupper() and (len(core) == 1 or core[1].islower()):
        return "init"
    if core.isupper():
        return "upper"
    if core[0].isupper():
        return "cap"
    if core.islower():
        return "lower"
    return "mixed"


def _digits(core: str) -> str:
    if _YEAR.fullmatch(core):
        return "year"
    if _RANGE.fullmatch(core):
        return "range"
    if _ORDINAL.fullmatch(core):
        return "ord"
    count = sum(ch.isdigit() for ch in core)
    return f"n{min(count, 5)}" if count else "none"


@lru_cache(maxsize=1 << 16)
def _base(token: str) -> tuple[str, ...]:
    """The token's own features, without position: also used for its neighbours."""
    core = _CORE.match(token)[1]  # type: ignore[index]
    lower = core.lower()
    first = token[0] if not token[0].isalnum() else ""
    last = token[-1] if not token[-1].isalnum() else ""
    script = "cyr" if _CYR.search(core) else "lat" if _LAT.search(core) else "no"
    shape = _REPEATS.sub(r"\1\1", core.translate(_SHAPE))[:8]
    return (
        f"w={lower[:20]}",
        f"sh={shape}",
        f"c={_case(core)}",
        f"d={_digits(core)}",
        f"p0={first}",
        f"p1={last}",
        f"pp={token[-2:] if len(token) > 1 and not token[-2].isalnum() else ''}",
        f"sc={script}",
        f"dict={_DICT.get(lower, '')}",
        f"len={min(len(core), 8)}",
        f"suf={lower[-3:]}",
    )


_OFFSETS = (-2, -1, 1, 2)


@lru_cache(maxsize=1 << 16)
def _token(token: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The token's own features, and what its neighbours at offsets -2, -1, 1, 2 see of it
    (word, case, digits, closing punctuation and dictionary, tagged by offset)."""
    base = _base(token)
    near = tuple(
        (f"{off}{base[0]}", f"{off}{base[2]}", f"{off}{base[3]}", f"{off}{base[5]}", f"{off}{base[8]}")
        for off in _OFFSETS
    )
    return base, near


#: The position features as constants, so a token's list is built without formatting them.
_POS = tuple(f"pos={k}" for k in range(10))
_SENT = tuple(f"sent={k}" for k in range(7))
_RSENT = tuple(f"rsent={k}" for k in range(5))
_SINCE = tuple(f"since={k}" for k in range(5))
_TOEND = tuple(f"toend={k}" for k in range(5))
_FLAG = {name: (f"{name}=False", f"{name}=True") for name in ("yb", "q", "par")}
_EDGE = {off: f"{off}edge" for off in _OFFSETS}
_CAPS = ("c=cap", "c=init", "c=upper")


def _sentences(tokens: list[Token], bases: list[tuple[str, ...]]) -> tuple[list[int], list[bool]]:
    """For each token, how many sentences (". ", ": " after a word, a year or a range) end
    before it, and whether it ends one."""
    out = []
    ends_at = []
    sentence = 0
    for token, own in zip(tokens, bases, strict=True):
        out.append(sentence)
        text, core = token.text, own[0][2:]
        ends = text.endswith((".", "?", "!")) and (len(core) > 3 or own[3] in ("d=year", "d=range"))
        ends = ends or (text.endswith(":") and len(core) > 1)
        ends_at.append(ends)
        if ends:
            sentence += 1
    return out, ends_at


def sequence_features(tokens: list[Token]) -> list[list[str]]:
    """Features of every token of one reference, in order."""
    n = len(tokens)
    known = [_token(t.text) for t in tokens]
    bases = [k[0] for k in known]
    sentences, ends_at = _sentences(tokens, bases)
    total = sentences[-1] if sentences else 0
    # tokens to the end of each token's sentence (its boundary is where a field usually ends)
    to_end = [0] * n
    left = 0
    for i in range(n - 1, -1, -1):
        left = 0 if ends_at[i] else left + 1
        to_end[i] = left
    out: list[list[str]] = []
    quoted = parens = year = False
    since = caps = 0  # tokens since the last sentence or clause end; capitalised words in a row
    closer = "^"  # the punctuation that closed the last clause (".", ":", ",", ";", ")")
    yb, q, par = _FLAG["yb"], _FLAG["q"], _FLAG["par"]
    for i, token in enumerate(tokens):
        text = token.text
        if text[0] in _QUOTE_OPEN:
            quoted = True
        if text[0] == "(":
            parens = True
        own = bases[i]
        sentence = sentences[i]
        feats = [
            "bias",
            *own,
            _POS[10 * i // n],
            _SENT[min(sentence, 6)],
            _RSENT[min(total - sentence, 4)],
            yb[year],
            q[quoted],
            par[parens],
            _SINCE[min(since, 4)],
            _TOEND[min(to_end[i], 4)],
            "closer=" + closer,
            f"caps={min(caps, 3)}|{own[2]}",
        ]
        if i == 0:
            feats.append("first")
        if i == n - 1:
            feats.append("last")
        for k, off in enumerate(_OFFSETS):
            j = i + off
            if 0 <= j < n:
                feats.extend(known[j][1][k])
            else:
                feats.append(_EDGE[off])
        if i:
            before = bases[i - 1]
            feats.append(f"pw|w={before[0]}|{own[0]}")
            feats.append(f"pp1|c={before[5]}|{own[2]}")
        out.append(feats)
        last = text[-1]
        if last in _QUOTE_CLOSE or text.rstrip(".,;:")[-1:] in _QUOTE_CLOSE:
            quoted = False
        if ")" in text:
            parens = False
        year = year or own[3] == "d=year"
        if ends_at[i] or last in ",;)":
            since, closer = 0, last
        else:
            since += 1
        caps = caps + 1 if own[2] in _CAPS else 0
    return out
