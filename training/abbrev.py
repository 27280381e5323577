"""Abbreviated journal titles for the training records, so that the styles which print a
journal's short title (Vancouver "J Am Chem Soc", ACS and Nature "J. Am. Chem. Soc.", RSC)
print one.

The records drawn from the ``.bib`` files name their journals in full ("TUGboat",
"Journal of Applied Psychology"), so a model trained on their renders had scarcely seen an
abbreviated journal, while the lists of the sciences and medicine abbreviate nearly every
one. The abbreviations follow ISO 4's way (the List of Title Word Abbreviations): each
listed word is cut to its stem and a period, articles, prepositions and conjunctions are
dropped, other words stay whole, and a title of one word is not abbreviated. Russian titles
follow GOST R 7.0.12-2011's word cuts ("Вестник" → "Вестн.", "университета" → "ун-та").
The table is ours and short: the title words common in our records and in the sciences.
"""

from __future__ import annotations

import re

from refman.model import Reference

from . import data

_TABLE = """
academy acad. academic acad. acta acta advances adv. american am. analysis anal. analytical anal.
annals ann. annual annu. applied appl. archives arch. association assoc. astronomy astron.
astrophysical astrophys. behavior behav. behaviour behav. biochemistry biochem. biological biol.
biology biol. british br. bulletin bull. canadian can. cell cell chemical chem. chemistry chem.
clinical clin. communication commun. communications commun. comparative comp. computer comput. computing comput.
conference conf. current curr. development dev. economic econ. economics econ. education educ.
engineering eng. environmental environ. european eur. experimental exp. geological geol.
geophysical geophys. history hist. historical hist. human hum. industrial ind. information inf.
inorganic inorg. institute inst. international int. journal j. letters lett. materials mater.
mathematical math. mathematics math. mechanics mech. medical med. medicine med. modern mod.
molecular mol. national natl. nuclear nucl. optical opt. optics opt. organic org. pattern pattern
philosophical philos. physical phys. physics phys. political polit. proceedings proc.
professional prof. psychological psychol. psychology psychol. quarterly q. recognition recognit.
research res. review rev. reviews rev. royal r. science sci. sciences sci. scientific sci.
social soc. society soc. sociology sociol. software softw. statistics stat. series ser. studies stud.
systems syst. technical tech. technology technol. theoretical theor. transactions trans.
administration adm. advanced adv. affairs aff. agricultural agric. anthropology anthropol.
archaeology archaeol. artificial artif. atmospheric atmos. biophysical biophys. botany bot.
cancer cancer cardiology cardiol. catalysis catal. classical class. climate clim.
collection collect. computational comput. crystallography crystallogr. design des.
developmental dev. diseases dis. dynamics dyn. ecology ecol. electrical electr.
electrochemical electrochem. electronic electron. electronics electron. environment environ.
evolution evol. evolutionary evol. genetics genet. geography geogr. geology geol.
government gov. graphics graph. immunology immunol. infectious infect. instruments instrum.
intelligence intell. knowledge knowl. language lang. learning learn. legal leg. library libr.
linguistics linguist. literature lit. machine mach. magazine mag. management manag.
marine mar. measurement meas. mechanical mech. memoirs mem. metals met. methods methods
microbiology microbiol. monthly mon. natural nat. nature nat. networks netw. neurology neurol.
neuroscience neurosci. numerical numer. nursing nurs. oncology oncol. oriental orient.
papers pap. pediatrics pediatr. personality pers. pharmacology pharmacol. philosophy philos.
physiology physiol. planetary planet. polymer polym. practice pract. probability probab.
processing process. records rec. religion relig. religious relig. reports rep.
security secur. semiconductor semicond. slavic slav. soviet sov. spectroscopy spectrosc.
statistical stat. structural struct. supplement suppl. surface surf. surgery surg.
theology theol. theological theol. thermal therm. veterinary vet. zoology zool.
вестник вестн. журнал журн. известия изв. университета ун-та университет ун-т академии акад.
наук наук серия сер. московского моск. государственного гос. государственный гос. труды тр.
записки зап. вопросы вопр. проблемы пробл. экономика экон. экономики экон. международные междунар. международных междунар. история ист. истории ист.
научный науч. научные науч. технический техн. общества о-ва общество о-во исследования исслед.
"""
_WORDS = dict(zip(_TABLE.split()[::2], _TABLE.split()[1::2], strict=True))
_ARTICLES = frozenset("a an the der die das la le les".split())
_DROPPED = _ARTICLES | frozenset("of and & for in on at to und des de et".split())
_SERIAL = frozenset({"article-journal", "article-magazine", "paper-conference"})
_WORD = re.compile(r"\S+")
_PARTS = re.compile(r"^([(\[]*)(.*?)([)\]]*[,.:;]*)$")


def abbreviation(title: str) -> str | None:
    """``title`` abbreviated, or None where no word of it is in the table or it is one word."""
    words = _WORD.findall(title)
    if len(words) < 2:
        return None
    out: list[str] = []
    cut = False
    for word in words:
        opening, core, closing = _PARTS.match(word).groups()  # type: ignore[union-attr]
        closing = closing.rstrip(",;")  # ISO 4 drops commas; a period or colon stays
        short = _WORDS.get(core.casefold())
        if short is None:
            if core.casefold() not in (_DROPPED if out else _ARTICLES):
                out.append(f"{opening}{core}{closing}")
            continue
        cut = cut or short != core.casefold()
        short = short[0].upper() + short[1:] if core[:1].isupper() else short
        out.append(f"{opening}{short}{closing.lstrip('.') if short.endswith('.') else closing}")
    return " ".join(out) if cut else None


def with_short_titles(records: list[Reference], salt: str) -> list[Reference]:
    """Half the articles and conference papers (by a hash of ``salt`` and the record) whose
    journal or proceedings title has an abbreviation, given it as ``container-title-short``;
    the others as they were (a book's title is not abbreviated in a chapter's reference)."""
    out = []
    for ref in records:
        serial = ref.type in _SERIAL and ref.container_title
        short = abbreviation(ref.container_title) if serial else None
        if short and data.share(f"{salt}:{ref.id}|{ref.title or ''}", 128):
            ref = ref.model_copy(update={"container_title_short": short})
        out.append(ref)
    return out
