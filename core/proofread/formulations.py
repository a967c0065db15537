"""规范表述: fixed formulations, names of meetings and documents, and the numbers in them.

* a wrong form listed in formulations.toml (新时代中国特色社会主义思想 without 习近平,
  以习近平为核心的党中央);
* a near miss of a long canonical name — a character changed that sounds or looks like the
  right one (《中国共产党纪律处分条列》), or one or two dropped or added inside it (习近平新时代
  中国特色社会思想); a changed character unlike the right one makes another name (《…宪法》 and
  《…刑法》, 乡村治理体系和治理能力现代化, 中国特色社会主义法治体系), not a slip;
* a long name with its words in another order (从严全面治党, 牢记初心、不忘使命) or with a word
  of three or four characters left out inside it (习近平新时代中国特色思想);
* an abbreviation that is written in quotes (“三农”工作) standing without them;
* Arabic digits in a fixed name (党的20大, 十九届6中全会, “14五”, 3会1课): GB/T 15835—2011
  4.2.3 writes such names in Chinese numerals;
* names of meetings and plans as :mod:`core.proofread.meetings` reads them (二十届二次全会,
  plenums out of order or with one skipped, a plan or congress the sentence's year contradicts);
* ○ (a circle) used as the zero of a year (二○二○年): the numeral is 〇 — :func:`find_zero_circles`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from functools import cache

from core.draft.ordinals import cn_to_int, int_to_cn
from core.proofread import data
from core.proofread.confusables import apply_rules
from core.proofread.hits import Hit, drop_overlaps
from core.proofread.meetings import meeting_slips
from core.proofread.sounds import readings

NUMBER_SOURCE = "GB/T 15835—2011《出版物上数字用法》4.2.3"
ZERO_SOURCE = "GB/T 15835—2011《出版物上数字用法》（汉字数字“〇”）"
MIN_FUZZY = 8  # shorter names differ from ordinary phrases by one character too easily
_ANCHOR = 4
# Marks a near miss may not add: a quotation mark inside a name (“稳字当头、稳中求进”工作总基调)
# is the writer's quoting, not a slip in the name.
_PUNCTUATION = re.compile(r"[，。；：！？、,.;:!?\s“”‘’《》（）]")
_CN = "〇零一二三四五六七八九十两"
_DIGITS = "0123456789０１２３４５６７８９"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings only)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


_INITIAL = re.compile(r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])")


def _slip_like(a: str, b: str, same_initial: bool) -> bool:
    """Do the two characters sound alike (main reading, no tone; with ``same_initial`` also the
    same initial, as an input method's abbreviated pinyin offers 道路 and 道理 for "dl") or
    look alike?"""
    table = readings()
    ra, rb = table.plain(a), table.plain(b)
    if ra is not None and rb is not None:
        if ra == rb:
            return True
        initial_a, initial_b = _INITIAL.match(ra), _INITIAL.match(rb)
        if not same_initial:
            initial_a = None
        if initial_a and initial_b and initial_a.group() == initial_b.group():
            return True
    return b in data.shapes().alternatives(a)


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    spans, at = [], text.find(word)
    while at != -1:
        spans.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _hit(start: int, end: int, wrong: str, item: data.Formulation) -> Hit:
    note = item.note or f"规范写法是“{item.canonical}”。"
    return Hit(
        start, end, item.canonical, f"“{wrong}”不规范：{note}", f"改为“{item.canonical}”。", item.source
    )


_SPACES = re.compile(r"\s+")


def _preceded_by(text: str, start: int, pattern: re.Pattern[str] | None) -> bool:
    """Do the words before ``start`` match ``pattern``, with the stray spaces a copy from a PDF or
    a web page leaves inside them ignored (以习 近平新时代…)?"""
    return pattern is not None and bool(pattern.search(_SPACES.sub("", text[max(0, start - 12) : start])))


def _wrong_forms(text: str, item: data.Formulation, exact: list[tuple[int, int]]) -> Iterator[Hit]:
    for wrong in item.wrong:
        for start, end in _occurrences(text, wrong):
            if _overlaps(exact, start, end):
                continue
            if _preceded_by(text, start, item.not_before):
                continue
            if item.only_before is not None and not item.only_before.match(text, end):
                continue
            yield _hit(start, end, wrong, item)


# A series of at least this many items, none longer than this, is one of words.
_SERIES_ITEMS = 3
_SERIES_WORD = 4


def _commas_in_series(text: str, item: data.Formulation) -> Iterator[Hit]:
    """A fixed series written with 逗号 between its items (创新，协调，绿色，开放，共享): items of
    a series are words, and words in a series take 顿号 (GB/T 15834—2011 4.5.3.1)."""
    items = item.canonical.split("、")
    if len(items) < _SERIES_ITEMS or any(len(word) > _SERIES_WORD for word in items):
        return  # two items, or clauses (疫情要防住、经济要稳住): a comma may part them
    for start, end in _occurrences(text, item.canonical.replace("、", "，")):
        yield Hit(
            start,
            end,
            item.canonical,
            f"“{text[start:end]}”的各项之间应用顿号：并列的词语之间用“、”。",
            f"改为“{item.canonical}”。",
            "GB/T 15834—2011《标点符号用法》4.5.3.1",
        )


def _adds_a_word(piece: str, canonical: str) -> bool:
    """Is ``piece`` the name with a whole word put inside it (习近平新时代中国特色社会主义经济思想:
    经济)? That names another thing; a slip adds a stray or doubled character."""
    if len(piece) - len(canonical) < 2:
        return False
    head = 0
    while head < len(canonical) and piece[head] == canonical[head]:
        head += 1
    added = piece[head : head + len(piece) - len(canonical)]
    return piece[: head] + piece[head + len(added) :] == canonical and data.report_word_counts()(added) > 0


_ASPECT_PARTICLES = "了着过"


def _adds_an_aspect_particle(piece: str, canonical: str) -> bool:
    """Is ``piece`` the name with 了, 着 or 过 put after its verb (全面建成了小康社会)? That is
    the name used in a sentence about what was done, not a slip."""
    return len(piece) == len(canonical) + 1 and any(
        piece[at] in _ASPECT_PARTICLES and piece[:at] + piece[at + 1 :] == canonical for at in range(1, len(piece) - 1)
    )


def _near_misses(text: str, item: data.Formulation, exact: list[tuple[int, int]]) -> Iterator[Hit]:
    canonical = item.canonical
    size = len(canonical)
    if size < MIN_FUZZY:
        return
    title = canonical.startswith("《")
    # A title one character off may be another title (《…刑法》, 《…宪法》): one slip at most.
    allowed = 1 if size < 12 or title else 2
    head, tail = canonical[:_ANCHOR], canonical[-_ANCHOR:]
    windows: set[tuple[int, int]] = set()
    for start, _ in _occurrences(text, head):
        windows.update((start, start + length) for length in range(size - allowed, size + allowed + 1))
    for _, end in _occurrences(text, tail):
        windows.update((end - length, end) for length in range(size - allowed, size + allowed + 1))
    candidates = []
    for start, end in windows:
        if start < 0 or end > len(text) or _overlaps(exact, start, end):
            continue
        piece = text[start:end]
        if set(_PUNCTUATION.findall(piece)) - set(_PUNCTUATION.findall(canonical)):
            continue
        if title and not (piece.startswith("《") and piece.endswith("》")):
            continue
        distance = _distance(piece, canonical)
        if not 0 < distance <= allowed:
            continue
        if len(piece) == size:
            # A changed character that neither sounds nor looks like the right one is another
            # word, not a slip: 乡村治理体系和治理能力现代化, 中国特色社会主义法治体系.
            changed = [(a, b) for a, b in zip(piece, canonical, strict=True) if a != b]
            if not all(_slip_like(a, b, same_initial=not title) for a, b in changed):
                continue
        elif distance != abs(len(piece) - size):
            continue  # characters dropped or added, and others changed too: another phrase
        elif piece[0] != canonical[0] or piece[-1] != canonical[-1]:
            # A name cut at an end is a shorter phrase of its own (乡村|治理体系和治理能力现代化,
            # 社会主义核心价值|体系); a slip drops characters inside the name.
            continue
        elif _adds_a_word(piece, canonical) or _adds_an_aspect_particle(piece, canonical):
            continue
        candidates.append((distance, abs(len(piece) - size), start, end))
    taken: list[tuple[int, int]] = []
    for _, _, start, end in sorted(candidates):
        if not _overlaps(taken, start, end):
            taken.append((start, end))
            yield _hit(start, end, text[start:end], item)


# A name this long (its Han characters) is no other phrase with its characters in another order;
# one this long is no common short form with a word of three or four characters left out inside
# it (供给侧|结构性|改革 of eight is written 供给侧改革 in published reports).
MIN_RESHAPED = 6
MIN_SHORTENED = 10
_HAN = re.compile(r"[\u4e00-\u9fff]")


@cache
def _shape_of(canonical: str) -> tuple[int, frozenset[str], str, int]:
    """A name's Han characters counted, its characters, sorted and the sum of their code points."""
    return len(_HAN.findall(canonical)), frozenset(canonical), "".join(sorted(canonical)), sum(map(ord, canonical))


class _WindowSums:
    """For a text: its characters, and where each window of a given length starts by the sum of
    its code points (worked out once per length, for all the names of that length)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.characters = frozenset(text)
        self.prefix = [0, *itertools.accumulate(map(ord, text))]
        self.by_length: dict[int, dict[int, list[int]]] = {}

    def starts(self, size: int, total: int) -> list[int]:
        found = self.by_length.get(size)
        if found is None:
            found = self.by_length[size] = {}
            prefix = self.prefix
            for start in range(len(self.text) - size + 1):
                found.setdefault(prefix[start + size] - prefix[start], []).append(start)
        return found.get(total, [])


def _reordered(
    text: str, item: data.Formulation, exact: list[tuple[int, int]], sums: _WindowSums
) -> Iterator[Hit]:
    """The name's characters in another order (从严全面治党, 牢记初心、不忘使命, 创新、绿色、协调、
    开放、共享): words of a fixed formulation swapped, which no other phrase is."""
    canonical = item.canonical
    size = len(canonical)
    han, characters, wanted, total = _shape_of(canonical)
    if han < MIN_RESHAPED or not characters <= sums.characters:
        return
    for start in sums.starts(size, total):  # only these can hold its characters
        piece = text[start : start + size]
        swapped = piece != canonical and "".join(sorted(piece)) == wanted
        if swapped and piece.replace("的", "") == canonical.replace("的", ""):
            continue  # “两个确立”决定性意义的领悟: only 的 moved, the name as it is
        if swapped and any(piece == canonical[k:] + canonical[k:k] + canonical[:k] for k in range(1, size)):
            continue  # 小康社会全面建成: the name's two halves swapped read as a sentence
        if swapped and not _overlaps(exact, start, start + size) and piece not in item.accepted:
            yield _hit(start, start + size, piece, item)


def _shortened(text: str, item: data.Formulation, exact: list[tuple[int, int]]) -> Iterator[Hit]:
    """The name with a word of three or four characters left out inside it (习近平新时代中国特色
    思想): it still starts and ends as the name does. One or two characters are the near misses'."""
    canonical = item.canonical
    if _shape_of(canonical)[0] < MIN_SHORTENED:
        return
    for start, _ in _occurrences(text, canonical[:2]):
        for dropped in (3, 4):
            end = start + len(canonical) - dropped
            piece = text[start:end]
            if end > len(text) or not piece.endswith(canonical[-2:]) or _overlaps(exact, start, end):
                continue
            # Not an item of a series with its 顿号 (稳增长、|调结构、惠民生): a shorter list is no slip.
            inside = [at for at in range(2, len(canonical) - dropped - 1) if "、" not in canonical[at : at + dropped]]
            if any(piece == canonical[:at] + canonical[at + dropped :] for at in inside) and not any(
                piece in form for form in item.accepted
            ):
                yield _hit(start, end, piece, item)


def _quote_depth(text: str) -> list[int]:
    """Nesting of “…” and 《…》 before each position."""
    depth, levels = 0, []
    for ch in text:
        levels.append(depth)
        if ch in "“《「":
            depth += 1
        elif ch in "”》」" and depth > 0:
            depth -= 1
    levels.append(depth)
    return levels


def _unquoted(text: str, item: data.Formulation, levels: list[int]) -> Iterator[Hit]:
    for start, end in _occurrences(text, item.canonical):
        if levels[start] > 0:
            continue
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if (before and before in "“‘\"'") or (after and after in "”’\"'"):
            continue  # quoted, if lopsidedly (the unpaired check reports that)
        if _preceded_by(text, start, item.not_before):
            continue  # 作为第一议题: the words in their plain sense, not the name
        yield Hit(
            start,
            end,
            f"“{item.canonical}”",
            f"“{item.canonical}”是简称，应加引号。",
            f"改为“{item.canonical}”（加引号）。",
            item.source,
        )


def _arabic(number: str) -> int:
    return int(number.translate(_FULL_WIDTH_DIGITS))


_DIGIT_OF = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _numeral_value(numeral: str) -> str | None:
    """A Chinese numeral as digits: 十四 → 14, 两 → 2, and one that is no number but a row of
    digits read one by one (八八战略: 88); None for anything else."""
    try:
        return str(cn_to_int(numeral.replace("两", "二").replace("〇", "零")))
    except ValueError:
        digits = numeral.translate(_DIGIT_OF)
        return digits if digits.isdigit() else None


def _numbered_form(text: str) -> str:
    """Numerals in Chinese or in digits to one form: 两个确立 and 2个确立 give the same."""

    def to_digits(match: re.Match[str]) -> str:
        return _numeral_value(match.group()) or match.group()

    return re.sub(f"[{_CN}]+", to_digits, text.translate(_FULL_WIDTH_DIGITS))


@cache
def _numbered_names() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern for every fixed name with a Chinese numeral, each numeral also as digits;
    and each name under its :func:`_numbered_form`."""
    by_form: dict[str, str] = {}
    pieces = []
    for name in sorted(data.numbered_names(), key=len, reverse=True):
        parts, position = [], 0
        for match in re.finditer(f"[{_CN}]+", name):
            parts.append(re.escape(name[position : match.start()]))
            numeral = match.group()
            value = _numeral_value(numeral)
            parts.append(re.escape(numeral) if value is None else f"(?:{re.escape(numeral)}|{value})")
            position = match.end()
        parts.append(re.escape(name[position:]))
        pieces.append("".join(parts))
        by_form.setdefault(_numbered_form(name), name)
    return (re.compile("|".join(pieces)) if pieces else None), by_form


def _digits_in_names(text: str) -> Iterator[Hit]:
    pattern, by_form = _numbered_names()
    if pattern is not None:
        for match in pattern.finditer(text):
            written = match.group()
            canonical = by_form.get(_numbered_form(written))
            if canonical is not None and re.search(r"\d", written):
                yield _number_hit(match.start(), match.end(), written, canonical)
    for regex, build in _NUMBER_RULES:
        for match in regex.finditer(text):
            fixed = build(match)
            if fixed is not None and fixed != match.group():
                yield _number_hit(match.start(), match.end(), match.group(), fixed)


def _number_hit(start: int, end: int, written: str, fixed: str) -> Hit:
    return Hit(
        start,
        end,
        fixed,
        f"固定名称中的数字应使用汉字：“{written}”应写作“{fixed}”。",
        f"改为“{fixed}”。",
        NUMBER_SOURCE,
    )


def _cn(number: str) -> str:
    if number and number[0] in _DIGITS:
        return int_to_cn(_arabic(number))
    return number


_NUM = rf"[0-9０-９]{{1,2}}|[{_CN}]{{1,3}}"
_HAS_DIGIT = re.compile(r"[0-9０-９]")


def _party_congress(match: re.Match[str]) -> str:
    return f"{match['pre']}{_cn(match['n'])}{match['post']}"


def _congress_alone(match: re.Match[str]) -> str:
    return f"{_cn(match['n'])}大"


def _plenary(match: re.Match[str]) -> str | None:
    if not _HAS_DIGIT.search(match.group()):
        return None
    return f"{_cn(match['a'])}届{_cn(match['b'])}中全会"


def _plenaries(match: re.Match[str]) -> str | None:
    """二十届2中、3中全会 → 二十届二中、三中全会: each number of a list of plenums."""
    if not _HAS_DIGIT.search(match.group()):
        return None
    numbers = re.sub(rf"{_NUM}(?=中)", lambda m: _cn(m.group()), match["list"])
    return f"{_cn(match['a'])}届{numbers}全会"


def _session(match: re.Match[str]) -> str | None:
    if not _HAS_DIGIT.search(match.group()):
        return None
    return f"{_cn(match['a'])}届{match['body']}{_cn(match['b'])}次{match['tail']}"


def _numbered_meeting(match: re.Match[str]) -> str:
    return f"第{_cn(match['n'])}{match['what']}"


def _congress_session(match: re.Match[str]) -> str:
    return f"{match['body']}{match['term'] or ''}第{_cn(match['n'])}{match['what']}"


def _local_congress(match: re.Match[str]) -> str:
    return f"{_cn(match['n'])}{match['what']}"


def _five_year_plan(match: re.Match[str]) -> str:
    return f"{_cn(match['n'])}五"


def _volume(match: re.Match[str]) -> str:
    return f"第{_cn(match['n'])}{match['what']}"


# Names of meetings and volumes whose numbers are written in Chinese numerals.
_NUMBER_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]], ...] = (
    (
        re.compile(r"(?P<pre>党的|中共|党的第)(?P<n>[0-9０-９]{1,2})(?P<post>大|次全国代表大会)"),
        _party_congress,
    ),
    (
        re.compile(
            r"(?<![0-9０-９])(?P<n>[0-9０-９]{2})大(?=以来|精神|报告|代表|胜利召开|召开|开幕|闭幕|党章)"
        ),
        _congress_alone,
    ),
    (re.compile(rf"(?P<a>{_NUM})届(?P<b>{_NUM})中全会"), _plenary),
    (re.compile(rf"(?P<a>{_NUM})届(?P<list>(?:{_NUM})中(?:[、和与及至](?:{_NUM})中)+)全会"), _plenaries),
    (
        re.compile(
            rf"(?P<a>{_NUM})届(?P<body>全国人大|全国政协|全国人大常委会|[省市县区]?人大|[省市县区]?政协|人大常委会)"
            rf"(?P<b>{_NUM})次(?P<tail>会议|全体会议)"
        ),
        _session,
    ),
    (
        re.compile(
            r"第(?P<n>[0-9０-９]{1,2})(?P<what>次(?:全国)?代表大会|次党代会|届(?:全国)?人民代表大会|届中央委员会)"
        ),
        _numbered_meeting,
    ),
    # A session of a congress (第十八届人民代表大会第3次会议, 县政协十届第2次会议); not the
    # numbered meetings of a standing body (国务院第12次常务会议), which official text writes in figures.
    (
        re.compile(
            r"(?P<body>人民代表大会|人大|人大常委会|政协)(?P<term>[一二三四五六七八九十]{1,3}届)?"
            r"第(?P<n>[0-9０-９]{1,2})(?P<what>次(?:全体)?会议)"
        ),
        _congress_session,
    ),
    # A local party congress named without 第 (省15次党代会, 市14次党代会).
    (re.compile(r"(?<=[省市县区州旗盟])(?P<n>[0-9０-９]{1,2})(?P<what>次党代会|次党员代表大会)"), _local_congress),
    (re.compile(r"(?<![0-9０-９])(?P<n>1[0-9])五(?=”|规划|时期|期间|末|初|以来)"), _five_year_plan),
    (re.compile(r"(?<=》)第(?P<n>[0-9０-９]{1,2})(?P<what>卷|册|辑)"), _volume),
)


def find_formulation_slips(text: str) -> list[Hit]:
    hits: list[Hit] = []
    sums = _WindowSums(text)
    levels: list[int] | None = None
    for item in data.formulations():
        if item.quoted:
            if item.canonical in text:
                levels = levels or _quote_depth(text)
                hits += _unquoted(text, item, levels)
            hits += _wrong_forms(text, item, [])  # “两个确定” for “两个确立”
            continue
        exact = _occurrences(text, item.canonical)
        for form in item.accepted:
            exact += _occurrences(text, form)
        hits += _wrong_forms(text, item, exact)
        if item.fuzzy:
            hits += _near_misses(text, item, exact)
        hits += _reordered(text, item, exact, sums)
        hits += _shortened(text, item, exact)
        hits += _commas_in_series(text, item)
    hits += _digits_in_names(text)
    hits += meeting_slips(text)
    hits += apply_rules(text, data.office_rules())
    return drop_overlaps(hits)


_ZERO_RUN = re.compile(r"[○〇零一二三四五六七八九十]*○[○〇零一二三四五六七八九十]*")


def find_zero_circles(text: str) -> list[Hit]:
    """二○二○年: ○ is a circle; as the numeral zero it is written 〇."""
    hits = []
    for match in _ZERO_RUN.finditer(text):
        run = match.group()
        if run.strip("○") == "":
            continue  # ○○ alone is a placeholder, reported as one
        fixed = run.replace("○", "〇")
        hits.append(
            Hit(
                match.start(),
                match.end(),
                fixed,
                f"“{run}”中的“○”是圆圈符号，作数字零应写作汉字“〇”。",
                f"改为“{fixed}”。",
                ZERO_SOURCE,
            )
        )
    return hits
