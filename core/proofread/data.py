"""The proofreading rules and word lists: shipped data, plus the office's own additions.

Shipped (``resources/proofread/``, read-only): ``misspellings.txt`` (常见别字),
``confusables.toml`` (易混词 with their context rules), ``formulations.toml`` (规范表述),
``words.txt`` (政务 words jieba's dictionary lacks), ``wordlists.toml`` (the word classes the
的/地/得 and doubling rules use),
``report_vocabulary.txt`` and ``local_report_words.txt`` (words 机关 reports write), and what
scripts/build_report_bigrams.py counted in published reports: ``report_bigrams.txt`` (lone
characters written side by side), ``report_words.txt`` (how often a word is used) and
``report_collocations.txt`` (two words side by side). The tables of characters drawn alike are
read by :mod:`core.proofread.shapes`.

The office's own (per-user folder ``proofread/``, written by the clerk or by 加入本单位词表,
:mod:`core.proofread.office`):
``本单位词表.txt`` — names and terms that are always right (a place, a project, a person);
``本单位别字表.txt`` — more misspellings, same format as the shipped list;
``本单位表述.toml`` — more formulations, same format as the shipped file.
A damaged office file is skipped (its problem is listed by :func:`problems`), never fatal.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Callable, Collection, Container, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.base.paths import config_dir
from core.base.resources import resources_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

log = logging.getLogger(__name__)

OFFICE_FOLDER = "proofread"
OFFICE_WORDS = "本单位词表.txt"
OFFICE_MISSPELLINGS = "本单位别字表.txt"
OFFICE_FORMULATIONS = "本单位表述.toml"

# 依据 codes used in misspellings.txt, spelled out for the clerk.
SOURCES = {
    "现汉": "《现代汉语词典》（第7版）",
    "成语": "《现代汉语词典》（第7版）成语条目",
    "规范": "《现代汉语规范词典》（第4版）及中央文件的规范用法",
    "异形词": "《第一批异形词整理表》（GF 1001—2001）",
    "本单位": "本单位别字表",
}

_lock = threading.Lock()
_problems: list[str] = []


def shipped_dir() -> Path:
    return resources_dir() / "proofread"


def office_dir() -> Path:
    return config_dir() / OFFICE_FOLDER


def problems() -> list[str]:
    """Office files that could not be read, each in a sentence for the clerk."""
    with _lock:
        return list(_problems)


def _note_problem(path: Path, reason: str) -> None:
    message = f"校对词表“{path}”没有读入（{reason}），已按未设置处理。请改正或删去这个文件。"
    log.warning(message)
    with _lock:
        if message not in _problems:
            _problems.append(message)


def _lines(path: Path, office: bool) -> list[str]:
    """Non-empty lines that are not # comments; an unreadable office file counts as empty."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        if office:
            return []
        raise
    except (OSError, UnicodeDecodeError) as exc:
        if not office:
            raise
        _note_problem(path, "不是 UTF-8 文本" if isinstance(exc, UnicodeDecodeError) else str(exc))
        return []
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def shipped_lines(name: str) -> list[str]:
    """The lines of a list the app ships (resources/proofread/NAME), without comments."""
    return _lines(shipped_dir() / name, office=False)


def _toml(path: Path, office: bool) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        if office:
            return {}
        raise
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        if not office:
            raise
        _note_problem(path, f"格式有误：{exc}")
        return {}


# --------------------------------------------------------------------------- misspellings


@dataclass(frozen=True)
class Misspelling:
    wrong: str
    right: str
    source: str  # in words, e.g. 《现代汉语词典》（第7版）


def _read_misspellings(path: Path, office: bool) -> list[Misspelling]:
    entries = []
    for number, line in enumerate(_lines(path, office), 1):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 2 or not parts[0] or not parts[1] or parts[0] == parts[1]:
            if office:
                _note_problem(path, f"第{number}条应为“错误写法<Tab>正确写法<Tab>依据”")
                continue
            raise ValueError(f"{path}: bad line {line!r}")
        code = parts[2] if len(parts) > 2 and parts[2] else ("本单位" if office else "现汉")
        entries.append(Misspelling(parts[0], parts[1], SOURCES.get(code, code)))
    return entries


@cache
def misspellings() -> tuple[Misspelling, ...]:
    """The shipped list, then the office's; a later entry for the same wrong form wins."""
    merged: dict[str, Misspelling] = {}
    for entry in _read_misspellings(shipped_dir() / "misspellings.txt", office=False):
        merged[entry.wrong] = entry
    for entry in _read_misspellings(office_dir() / OFFICE_MISSPELLINGS, office=True):
        merged[entry.wrong] = entry
    return tuple(merged.values())


# --------------------------------------------------------------------------- words


@cache
def shipped_words() -> frozenset[str]:
    """政务 words jieba lacks (words.txt)."""
    return frozenset(w.split()[0] for w in _lines(shipped_dir() / "words.txt", office=False))


def known_words() -> frozenset[str]:
    """政务 words jieba lacks, and the office's own words: right wherever they stand."""
    return _known_words_in(office_dir())


@cache
def _known_words_in(folder: Path) -> frozenset[str]:
    return shipped_words() | _office_words_in(folder)


def office_words() -> frozenset[str]:
    """The office's own words (本单位词表), read once per office folder."""
    return _office_words_in(office_dir())


@cache
def _office_words_in(folder: Path) -> frozenset[str]:
    return frozenset(w.split()[0] for w in _lines(folder / OFFICE_WORDS, office=True))


def inside_known_word(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` lie in one of our 政务 words or the office's (a place called 峻工村,
    the river 九洲江, 水水联运)? Then it is written as meant. The office's list is read as it is now."""
    for word in shipped_words() | office_words():
        at = text.find(word, max(0, start - len(word)), end + len(word))
        while at != -1 and at <= start:
            if end <= at + len(word):
                return True
            at = text.find(word, at + 1, end + len(word))
    return False


# --------------------------------------------------------------------------- report pairs


@cache
def report_pairs() -> Container[str]:
    """Two Han characters that published reports write side by side though the pair is no
    dictionary word (多办 in 多办实事): report_bigrams.txt, made by
    scripts/build_report_bigrams.py. A marisa trie: some 55,000 pairs in a few hundred KB."""
    import marisa_trie

    pairs = (
        line[0] + second for line in _lines(shipped_dir() / "report_bigrams.txt", office=False) for second in line[1:]
    )
    return marisa_trie.Trie(pairs)


def report_words_path() -> Path:
    return shipped_dir() / "report_words.txt"


@cache
def report_word_counts() -> Callable[[str], int]:
    """How often the reports use a dictionary word (report_words.txt, same script): 统筹 is a
    common word of reports though jieba's general counts make it a middling one."""
    import marisa_trie

    entries = []
    for line in _lines(report_words_path(), office=False):
        word, _, count = line.partition(" ")
        entries.append((word, (int(count),)))
    trie = marisa_trie.RecordTrie("<I", entries)

    def count(word: str) -> int:
        found = trie.get(word)
        return found[0][0] if found else 0

    return count


@cache
def word_readings() -> Callable[[str], tuple[str, ...] | None]:
    """How a word reads its polyphonic characters where one is not read its main way (协调 →
    xié tiáo: word_readings.txt, made by scripts/build_word_readings.py), in a marisa trie."""
    import marisa_trie

    entries = []
    for line in _lines(shipped_dir() / "word_readings.txt", office=False):
        word, _, toned = line.partition(" ")
        entries.append((word, toned.encode("utf-8")))
    trie = marisa_trie.BytesTrie(entries)

    def of(word: str) -> tuple[str, ...] | None:
        found = trie.get(word)
        return tuple(found[0].decode("utf-8").split(" ")) if found else None

    return of


@cache
def report_vocabulary() -> Collection[str]:
    """Words 机关 work reports use that 政府工作报告 seldom do (党员, 台账, 轮换, 报送):
    report_vocabulary.txt, by hand, and local_report_words.txt, those that several local reports
    use (答复, 馆藏; scripts/build_local_vocabulary.py). A correction may be one of them. A trie:
    some 2,900 words, kept compact (the app's memory budget has no room for a set of strings)."""
    import marisa_trie

    files = ("report_vocabulary.txt", "local_report_words.txt")
    return marisa_trie.Trie(word for name in files for line in _lines(shipped_dir() / name, office=False) for word in line.split())


@cache
def report_collocations() -> Container[str]:
    """Two words side by side in the reports, as "就业 创业" (report_collocations.txt, same
    script): a correction that makes such a pair with its neighbour fits its context."""
    import marisa_trie

    return marisa_trie.Trie(_lines(shipped_dir() / "report_collocations.txt", office=False))


# --------------------------------------------------------------------------- rule files


@cache
def wordlists() -> dict[str, frozenset[str]]:
    """Named word classes from wordlists.toml: each value a space-separated list."""
    data = _toml(shipped_dir() / "wordlists.toml", office=False)
    return {name: frozenset(str(value).split()) for name, value in data.items()}


@dataclass(frozen=True)
class ContextRule:
    """A word that is wrong in a context: ``pattern`` finds the wrong span; ``before``, if set,
    must match the text just before it (up to 20 characters), ``not_before`` must not."""

    pattern: re.Pattern[str]
    fix: str
    before: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    note: str
    source: str


def _context_rules(data: dict[str, object], path: Path, office: bool) -> list[ContextRule]:
    rules = []
    for number, raw in enumerate(data.get("rule", []) or [], 1):  # type: ignore[union-attr]
        try:
            assert isinstance(raw, dict)
            rules.append(
                ContextRule(
                    pattern=re.compile(str(raw["pattern"])),
                    fix=str(raw["fix"]),
                    before=re.compile(f"(?:{raw['before']})$") if raw.get("before") else None,
                    not_before=re.compile(f"(?:{raw['not_before']})$") if raw.get("not_before") else None,
                    note=str(raw["note"]),
                    source=str(raw.get("source", "本单位规定" if office else "")),
                )
            )
        except (AssertionError, KeyError, re.error) as exc:
            if not office:
                raise ValueError(f"{path}: rule {number}: {exc}") from exc
            _note_problem(path, f"第{number}条规则有误：{exc}")
    return rules


@cache
def confusable_rules() -> tuple[ContextRule, ...]:
    path = shipped_dir() / "confusables.toml"
    return tuple(_context_rules(_toml(path, office=False), path, office=False))


@dataclass(frozen=True)
class Formulation:
    """A fixed formulation in its canonical form, and the wrong forms that stand for it."""

    canonical: str
    wrong: tuple[str, ...]  # literal wrong forms (shortened, altered)
    note: str
    source: str
    fuzzy: bool  # also find near misses (a character changed, dropped or added)
    quoted: bool  # an abbreviation written in quotes (“三农”)
    not_before: re.Pattern[str] | None = None  # a wrong form preceded by this is fine
    # A wrong form counts only when the text right after it matches this (a name's comma form
    # 不忘初心，牢记使命 is wrong before 主题教育, right in a running sentence).
    only_before: re.Pattern[str] | None = None
    # Other forms official documents write too (中央八项规定及实施细则精神): never a near miss.
    accepted: tuple[str, ...] = ()
    # The year of the first report the canonical form binds (全面建成小康社会: 2013, after the
    # 18th congress): a report of an earlier year wrote the form of its day.
    since: int | None = None
    # Words that date a paragraph before ``since`` (党的十六大, “十一五”): there a wrong form is the
    # form of its day, whatever the report's year.
    era: re.Pattern[str] | None = None


def _formulations(path: Path, office: bool) -> list[Formulation]:
    data = _toml(path, office)
    found = []
    for number, raw in enumerate(data.get("formulation", []) or [], 1):  # type: ignore[union-attr]
        try:
            assert isinstance(raw, dict)
            wrong = raw.get("wrong", [])
            accepted = raw.get("accepted", [])
            found.append(
                Formulation(
                    canonical=str(raw["canonical"]),
                    wrong=tuple(str(w) for w in ([wrong] if isinstance(wrong, str) else wrong)),
                    note=str(raw.get("note", "")),
                    source=str(raw.get("source", "本单位规定" if office else "")),
                    fuzzy=bool(raw.get("fuzzy", False)),
                    quoted=bool(raw.get("quoted", False)),
                    not_before=re.compile(f"(?:{raw['not_before']})$") if raw.get("not_before") else None,
                    only_before=re.compile(str(raw["only_before"])) if raw.get("only_before") else None,
                    accepted=tuple(str(a) for a in ([accepted] if isinstance(accepted, str) else accepted)),
                    since=int(raw["since"]) if raw.get("since") is not None else None,
                    era=re.compile(str(raw["era"])) if raw.get("era") else None,
                )
            )
        except (AssertionError, KeyError, ValueError, re.error) as exc:
            if not office:
                raise ValueError(f"{path}: formulation {number}: {exc}") from exc
            _note_problem(path, f"第{number}条有误：{exc}")
    return found


@cache
def formulations_since() -> dict[str, int]:
    """Each dated formulation's wrong forms, with the year of the first report they are wrong in."""
    return {form: item.since for item in formulations() if item.since is not None for form in item.wrong}


@cache
def formulations() -> tuple[Formulation, ...]:
    return (
        *_formulations(shipped_dir() / "formulations.toml", office=False),
        *_formulations(office_dir() / OFFICE_FORMULATIONS, office=True),
    )


@cache
def numbered_names() -> frozenset[str]:
    """Fixed names with Chinese numerals in them (两个确立, 三会一课): never written in digits."""
    return _names_listed("numbered_names")


@cache
def one_number_names() -> frozenset[str]:
    """Numbered names no other number makes a name of (四好农村路, 两个一百年): another number
    before their words is a slip."""
    return _names_listed("one_number_names")


@cache
def formulation_forms() -> frozenset[str]:
    """Every formulation's canonical and accepted forms (the shipped and the office's): a span that
    is one of them is a name of its own, never a slip for another."""
    return frozenset(form for item in formulations() for form in (item.canonical, *item.accepted))


@cache
def quoted_names() -> tuple[str, ...]:
    """The canonical forms of the formulations written in quotes (the shipped and the office's):
    “三高四新”, “两个维护”."""
    return tuple(item.canonical for item in formulations() if item.quoted)


@cache
def core_terms() -> frozenset[str]:
    """Terms whose every word is fixed (乡村振兴战略, 新质生产力): a word of one swapped for a like
    one is a slip (:mod:`core.proofread.term_swaps`)."""
    return _names_listed("core_terms")


@cache
def name_families() -> tuple[tuple[str, ...], ...]:
    """Numbered names written together (增强“四个意识”、坚定“四个自信”、做到“两个维护”), one family a
    line of formulations.toml's ``name_families``, in the order they are listed: beside one of
    them, another's number is fixed."""
    lines = (line.split() for listed in _listed("name_families") for line in listed.splitlines())
    return tuple(tuple(names) for names in lines if len(names) >= 2)


@cache
def campaigns() -> dict[str, str]:
    """The party's campaigns of education by name (“三严三实”) and their kind (专题教育): a line of
    formulations.toml's ``campaigns``, the office's added."""
    lines = (line.rsplit(maxsplit=1) for listed in _listed("campaigns") for line in listed.splitlines())
    return {name: kind for name, kind in (parts for parts in lines if len(parts) == 2)}


def _names_listed(key: str) -> frozenset[str]:
    return frozenset(name for listed in _listed(key) for name in listed.split())


def _listed(key: str) -> Iterator[str]:
    """The text under ``key`` in the shipped formulations.toml, then in the office's."""
    for path, office in (
        (shipped_dir() / "formulations.toml", False),
        (office_dir() / OFFICE_FORMULATIONS, True),
    ):
        yield str(_toml(path, office).get(key, ""))


@cache
def office_rules() -> tuple[ContextRule, ...]:
    """The office's own [[rule]] tables (本单位表述.toml), applied like the 易混词 rules."""
    path = office_dir() / OFFICE_FORMULATIONS
    return tuple(_context_rules(_toml(path, office=True), path, office=True))


def forget() -> None:
    """Forget what was read, so the next use reads the files again (core.proofread.office.reload)."""
    with _lock:
        _problems.clear()
    for loader in (misspellings, _known_words_in, _office_words_in, formulations, formulations_since, formulation_forms, quoted_names, numbered_names, one_number_names, name_families, core_terms, campaigns,
                   office_rules):
        loader.cache_clear()
