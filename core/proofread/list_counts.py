"""A number that counts the items listed beside it, not as many as there are.

The items were added or dropped and the number left, or the number mistyped (婚姻、殡葬、地名、
慈善五项服务; “责任、管理、服务、利益”三个共同体). Three shapes of list:

* a quoted list, or quoted names side by side (“提升年”“增效年”“强化年”三个年活动), then its
  count: only a measure word counts it — 大 may count what the slogan heads (“改作风、提效能、
  促发展、护稳定”八大行动), and 位 a rank;
* a count, then its items in brackets (“四不放行”（不扫码登记、……）, 三化（绿化、美化、亮化）);
* a plain list of names, then its count and what they are (获批全域旅游示范区、……、食品安全示范县
  五块省级“金字招牌”). Here the list's extent is a guess, so only a list of like items is read —
  no figures or counts in them, none three times longer than another, the word before the number
  no verb (提出十项举措 counts the 举措) and no word of the dictionary running through the number
  (铁人三项, 两位数) — and a count in Chinese numerals, then a measure word or 大 and the noun it
  counts; in figures only after a closed list (古寨、韩桥、凌桥、棉花5个卫生院): after 等, figures
  count things in statistics (新增A、B等5个). With 等 the list may be open, so only a count below
  the items listed is wrong. The list starts after the clause's last verb (完成|花田、前湖).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from core.draft.ordinals import cn_to_int, int_to_cn
from core.proofread.hits import HAN_RUN, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.particle_words import ASPECT, only_a_verb

SOURCE = "数目与所列项目一致"
_MEASURES = "个项条种支"
_CN = "〇零一二三四五六七八九十两"
# (Not the last of several quoted items joined by 、 or 和: “执行年”和“争创……、争当……”三项活动.)
_QUOTED_LIST_THEN_COUNT = re.compile(rf"(?<![”、和与及])“(?P<items>[^“”‘’，。；：！？（）]{{3,80}})”(?P<number>[二两三四五六七八九十])(?=[{_MEASURES}])")
# Quoted names side by side, then their count (“提升年”“增效年”“强化年”三个年活动); as with one
# quoted list, only a measure word counts them: 大 may count what they head.
_QUOTED_NAMES_THEN_COUNT = re.compile(
    rf"(?<![”、和与及])(?P<items>“[^“”‘’，。；：！？]{{2,30}}”(?:(?:、|和|与|及)?“[^“”‘’，。；：！？]{{2,30}}”)+)"
    rf"(?P<number>[二两三四五六七八九十])(?=[{_MEASURES}])"
)
# Before a list in brackets: a measure word, 大, 不 (“四不放行”), or the character every item ends
# with (“六型”（政治型、思路型……）, 三化（绿化、美化、亮化））. Items with figures are ranks or
# amounts (前三位(个数第2位、投资总额第3位)), not things counted.
_COUNT_THEN_LIST = re.compile(
    rf"(?<![{_CN}])(?P<number>[二两三四五六七八九十])(?P<unit>[\u4e00-\u9fff])[^，。；：！？、“”（）()]{{0,8}}”?[（(](?P<items>[^（）()“”，。；：0-9]{{3,80}})[）)]"
)
# A plain list: items between 顿号 back to the clause's start, the count, its measure word (or 大)
# and the first character of what is counted. Brackets are masked out first (县（市、区）).
_PLAIN_LIST_THEN_COUNT = re.compile(
    r"(?P<items>[^，。；：！？,.;:!?“”‘’\"'（）()\n、]+(?:、[^，。；：！？,.;:!?“”‘’\"'（）()\n、]+)+)"
    rf"(?<![{_CN}第])(?P<number>[二两三四五六七八九十]|(?<![0-9.．])[2-9](?![0-9]))(?P<unit>[个项种类块条支级重]|大)(?=[\u4e00-\u9fff“])"
)
_BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")
# A quotation inside an item is part of it (“聆诵四种精神”实景导读活动); masked so that its marks
# neither end the item nor count.
_QUOTED = re.compile(r"“[^“”]*”|‘[^‘’]*’")
# An item that holds a figure or a count of its own (三项制度, 13个指标) is no name in a list.
_COUNTED_ITEM = re.compile(rf"[0-9０-９]|[{_CN}][个项大条种类次届位名家级批]")
# A last item joined by 和 (任务安排、精细服务和经费结算) is two, where both halves are words of two
# characters or more (社会和谐 is one); a template's placeholder stands for characters (xx路和xx北路).
_LAST_JOINER = re.compile(r"(?<=[\u4e00-\u9fffxX×＊*]{2})(?:以及|直至|直到|和|及|与)(?=[\u4e00-\u9fffxX×＊*]{2})")
_ENDS_JOINED = re.compile(r"(?:以及|直至|直到|和|及|与)$")
# Items of a plain list this many times longer than the shortest are not alike: the list's start
# is not where the clause starts.
_LIKE_ITEMS = 3
_AFTER_PLACE = ("之后", "之前", "以来", "以后", "以上", "以下", "之间", "之中")
# A level counted by 级 is an administrative one (区、镇、村; 省级、市级; 国家、省、市).
_LEVEL_NAME = 3
_LEVEL_ENDINGS = frozenset("省市县区镇乡村街级组户州盟旗")
_LEVEL_WORDS = frozenset({"国家", "中央", "地方", "社区", "街道", "部门", "单位", "个人"})


def _names_a_level(item: str) -> bool:
    return len(item) <= _LEVEL_NAME and (item[-1] in _LEVEL_ENDINGS or item in _LEVEL_WORDS)

# After the measure word: the number is an amount (5个以上, 三项左右), not how many are listed.
_AMOUNT = re.compile("以上|以下|左右|上下|多|余")


def _listed(items: str) -> int:
    parts = items.split("、")
    if len(parts) < 2 or any(len(part) < 2 for part in parts):
        return 0  # 县（市、区）: characters naming kinds, not things counted
    return len(parts) - 1 + len(_LAST_JOINER.split(parts[-1], maxsplit=1))


def _hit(at: int, written: str, listed: int, items: str) -> Hit:
    counted = "两" if listed == 2 else int_to_cn(listed)
    return Hit(
        at,
        at + 1,
        counted,
        f"这里列出了{counted}项（{items}），数目却写作“{written}”：数目应与所列各项一致。",
        f"核对所列各项；如确是{counted}项，改为“{counted}”。",
        SOURCE,
    )


def _value(numeral: str) -> int:
    return cn_to_int(numeral.replace("两", "二"))


def _counts_characters(text: str, after_number: int) -> bool:
    """Does the number count the characters of what is listed (八个字, 十六字方针), not its items?"""
    return text.startswith("字", after_number) or text.startswith("个字", after_number)


def _quoted_names_counted(text: str) -> Iterator[Hit]:
    for match in _QUOTED_NAMES_THEN_COUNT.finditer(text):
        names = re.findall(r"“([^“”]*)”", match.group("items"))
        written = match.group("number")
        if len(names) != _value(written):
            yield _hit(match.start("number"), written, len(names), "、".join(f"“{name}”" for name in names))


def counts_against_lists(text: str) -> Iterator[Hit]:
    """A quoted list then its count, quoted names side by side then theirs, or a count then its
    items in brackets."""
    yield from _quoted_names_counted(text)
    for pattern in (_QUOTED_LIST_THEN_COUNT, _COUNT_THEN_LIST):
        for match in pattern.finditer(text):
            listed = _listed(match.group("items"))
            written = match.group("number")
            unit = match.groupdict().get("unit")
            if unit and unit not in _MEASURES + "大不" and not all(item.endswith(unit) for item in match.group("items").split("、")):
                continue
            if _counts_characters(text, match.end("number")):
                continue  # “巩固、增强、提升、畅通”八个字: the characters are counted, not the items
            if listed < 2 or listed == _value(written):
                continue
            yield _hit(match.start("number"), written, listed, match.group("items"))


def _one_item_split(items: list[str]) -> bool:
    """Does a 顿号 seem to part one item (政府信息公开行政复议、行政诉讼情况 among items that end
    in 情况): an item without the ending most share, right before one with it?"""
    endings = Counter(item[-2:] for item in items)
    ending, shared = endings.most_common(1)[0]
    return shared >= 3 and any(
        not first.endswith(ending) and second.endswith(ending) for first, second in pairwise(items)
    )


# The rest of the clause after a count and its unit.
_CLAUSE_REST = re.compile(r"[^，。；：！？]*")


def counts_against_plain_lists(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """A plain list of like names, then a count that is not how many are listed."""
    masked = _QUOTED.sub(lambda match: "〃" * len(match.group()), _BRACKETED.sub(lambda match: "□" * len(match.group()), text))
    for match in _PLAIN_LIST_THEN_COUNT.finditer(masked):
        items = match.group("items").split("、")
        written, unit = match.group("number"), match.group("unit")
        count = int(written) if written.isdigit() else _value(written)
        at = match.start("number")
        # 等 ends the list, though a word may follow it (A、B等岳阳政协五大品牌): it may be open.
        open_list = "等" in items[-1]
        if written.isdigit() and (open_list or unit not in _MEASURES + "块类"):
            continue  # 新增A、B等5个: figures count things in statistics, mostly more than named
        items[-1] = items[-1].split("等", 1)[0] if open_list else items[-1]
        if only_a_verb(items[0], lexicon) and lexicon.words(items[0]) == [items[0]]:
            continue  # 培育、引进新品种: verbs that share what follows, not names counted
        items[0] = _after_last_verb(items[0], lexicon)
        if any(len(item) < 2 or "□" in item or "〃" in item or _COUNTED_ITEM.search(item) for item in items):
            continue  # a quotation in an item may name several things (“医车电数游”是指……)
        if unit == "级" and not all(_names_a_level(item) for item in items):
            # 提升五年行动、省市县美丽乡村示范村三级联创: 级 counts the levels named inside;
            # 完成中医院、县医院三级医院创建: 三级 is the hospitals' grade
            continue
        if _ENDS_JOINED.search(items[-1]) or max(map(len, items)) > _LIKE_ITEMS * min(map(len, items)):
            continue
        if masked[at - 1] == "〃":
            continue  # a quoted slogan right before: counts_against_lists reads it
        if masked[at - 1] in "的为":
            # 发展两岸关系、推进祖国和平统一进程的八项主张: the list qualifies what is counted;
            # 以服务首都、联动雄安和推进城市转型、产业转型齐头并进为两个抓手: 以…为 groups it
            continue
        if _AMOUNT.match(text, match.end("unit")) or _counts_characters(text, match.end("number")):
            continue  # 培育、引进新品种5个以上: an amount, not a count of the list
        if count >= 10 and unit == "大":
            continue  # 入选年度十大考古新发现: a ranking's name, not a count of the list
        if "、" in _CLAUSE_REST.match(text, match.end("unit")).group():
            continue  # 完成目标、事故四项指数均下降、战果位居前列: 顿号 part clauses, the count is one's own
        if any(lexicon.frequency(text[at - before : at + after]) for before in range(3) for after in range(2, 6) if before + after >= 3):
            continue  # 铁人三项, 两位数, 八项规定: the number is part of a word
        last = lexicon.words(items[-1])[-1]
        if (last in lexicon.verbs and last not in lexicon.nominal_verbs) or last.endswith(_AFTER_PLACE) or last in ASPECT:
            continue  # 提出|十项举措, 继A、B之后|第四个, 在A、B和C县布置了|7个: the number counts what follows
            # (医疗救助 is a noun)
        if unit == "大" and len(lexicon.words(text[at + 2 : at + 8])[0]) < 2:
            continue  # 三大球: 大 heads a word of its own
        parts = [*items[:-1], *_LAST_JOINER.split(items[-1], maxsplit=1)]
        if any(_MASK.fullmatch(part) for part in parts):
            continue  # 五句话发展思路和**六个县奋斗目标: a masked item may hide a list of its own
        if _of_its_kind(parts, text[match.end("unit") : match.end("unit") + _COUNTED_NOUN]) == count:
            continue  # 办公室、……、企业股、工会5个职能股（室）: the count takes only the items of its kind
        listed = len(items)
        joined = listed - 1 + len(_LAST_JOINER.split(items[-1], maxsplit=1))
        if open_list:
            wrong = count < listed
        elif joined > listed:
            # 低保、特困人员、孤儿基本生活与残疾人两项补贴: after 和 the count may be the last
            # item's own (残疾人的两项补贴); only more than all listed is wrong for certain.
            wrong = count > joined
        else:
            wrong = count != listed and not (count == listed - 1 and _one_item_split(items))
        if wrong:
            shown = "、".join([_without_verb(items[0], lexicon), *items[1:]])
            yield _hit(at, written, listed if open_list else joined, shown)


# A placeholder the publisher put for a name (**, ××, XX).
_MASK = re.compile(r"[*＊×xX]{2,}")
# The characters after the count's unit that name what is counted, at most.
_COUNTED_NOUN = 8


def _of_its_kind(items: list[str], counted: str) -> int | None:
    """How many ``items`` end with a character of the noun counted (股 or 室 of 职能股（室）), when
    some but not all do; else None."""
    noun = re.split(r"[，。；：！？、]", counted, maxsplit=1)[0]
    kinds = set("".join(HAN_RUN.findall(noun)))
    matching = sum(1 for item in items if item[-1:] in kinds)
    return matching if 0 < matching < len(items) else None


def _after_last_verb(item: str, lexicon: Lexicon) -> str:
    """The first item from where the clause's verb ends (投资600余万元完成|花田): what comes before
    it is no part of the list."""
    pieces = lexicon.words(item)
    for i in range(len(pieces) - 2, -1, -1):
        piece = pieces[i]
        if len(piece) >= 2 and piece in lexicon.verbs and piece not in lexicon.nominal_verbs:
            rest = "".join(pieces[i + 1 :])
            return rest if len(rest) >= 2 else item
    return item


def _without_verb(item: str, lexicon: Lexicon) -> str:
    """The first item without the verb that opens the clause (获批|全域旅游示范区), to name it."""
    pieces = lexicon.words(item)
    for i, piece in enumerate(pieces[:-1]):
        if len(piece) >= 2 and piece in lexicon.verbs:
            rest = pieces[i + 1 :]
            return "".join(rest[1:] if rest[0] == "了" and len(rest) > 1 else rest)
    return item
