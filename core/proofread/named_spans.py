"""Does a guessed slip stand in a name? Reports name many places, firms, works and people.

The sound-and-shape rules of :mod:`core.proofread.slips` guess at spans no dictionary knows; in
local reports many such spans are names, and a name is meant character by character whatever
common word it sounds like. :func:`names_something` says the span is one when it

* comes right before what names a route or a work (集大原高铁, 中武段, 罗泾港区), or a firm, a
  street, a village, an estate, a venue, a variety or a project (双帆蓄电池, 尚品国际, 晨阳大街,
  大李各庄, 郦水花园, 驻海部队, 诚鑫能源, 由良柑橘, 靓彩节, 大律社区, 石柱峰景区, 方氏眼镜), a firm's
  full name (一汇贸易有限公司) or an issuing office's code (淄政字〔2024〕13号);
* is the tail of a town's name (贤|庠镇), a township's name before its unit (木场乡2023年度, 黄泥乡
  党委), an organ's abbreviated name (县文广|旅局), another place's name before 县 or 市 (靖州县), a
  river or hill named with a rare character (澴河), or a unit listed or spoken for (县、乡; 在我县);
* is a name in a byline (（曾静）), a variety's number (南粳5055), a person's name after a title or
  a space that follows words, before a leader's title or heading a visiting party (镇长王业宽,
  龚正省长, 童学军一行), or follows a name's middle dot — not a span after 向 or 于 opening a clause
  (向大诲报告), nor one before a head official text writes after the correction (光伏扶嬪电站);
* is an item of a list of names closed by what they are (超聚变、郑州合晶等企业; 威宁、德江机场), a
  name among people's names (执行主席：巩文生、杨晓兵、江晓利) or an end of a route (久治至马尔康……高速公路).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.proofread import official_counts
from core.proofread.hits import FIRM_NAME_REST, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.slips import OFFICE_ENDINGS, SURNAMES

_HAN = re.compile(r"[\u4e00-\u9fff]")
# An item of a list this common is an everyday word, not a name (教育、科枝项目; 制追业、服务业等企业;
# 管理、保章、服务; 渗透、颠复、分裂: 渗透 is seen 834 times): a list of them is no list of names.
EVERYDAY_WORD = 500


def names_something(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Does the guessed slip ``hit`` stand in a name in the paragraph ``text`` (see the module)?"""
    written = text[hit.start : hit.end]
    return (
        _NAMED_WORK.match(text, hit.end) is not None
        or (_before_name_head(text, hit.end, lexicon) and not _phrase_with_head(text, hit))
        or FIRM_NAME_REST.match(text, hit.end) is not None
        or _DOCUMENT_NUMBER.match(text, hit.end) is not None
        or _tail_of_place_name(text, hit, lexicon)
        or _abbreviated_organ(text, hit, lexicon)
        or _township_name(text, hit)
        or _village_group(text, hit)
        or _place_before_its_unit(text, hit, lexicon)
        or _rare_named_landform(written, hit.fix, lexicon)
        or _rare_place_travelled_to(written, hit.fix, lexicon)
        or _unit_of_our(text, hit.start)
        or _units_listed(text, hit.start, hit.end)
        or _BYLINE.fullmatch(text, hit.start - 1) is not None
        or _numbered_variety(text, hit.end)
        or given_name(text, hit.start)
        or _full_name(text, hit.start, hit.end)
        or (hit.start > 0 and text[hit.start - 1] in _NAME_JOINERS)  # 钱塘门户•星城客厅, 4·7
        or _heads_a_party(text, hit.start, hit.end)
        or _before_a_meeting_act(text, hit.start, hit.end)
        or _in_list_of_names(text, hit.start, hit.end, lexicon)
        or _end_of_route(text, hit.start, hit.end)
        or _in_list_of_persons(text, hit.start, hit.end)
        or _listed_among_named_places(text, hit.start, hit.end)
        or _listed_among_townships(text, hit.start, hit.end)
        or _named_in_brackets_after_count(text, hit.start, hit.end)
        or _landform_before_its_site(text, hit)
    )


# A hill, a lake or a river named before its scenic area or park (石柱峰景区, 白龙潭公园): the
# character is the landform's, however the words after it sound (峰景区 → 风景区).
_LANDFORM_CHARACTERS = frozenset("山峰岭湖河江溪洞岩泉湾潭谷")
_SITE_AFTER_LANDFORM = re.compile(r"景区|风景区|风景名胜区|公园|森林公园|湿地|水库|旅游区|度假区|保护区")


def _landform_before_its_site(text: str, hit: Hit) -> bool:
    """Does the guess change a landform's character that a scenic area or park follows?"""
    written = text[hit.start : hit.end]
    return hit.fix is not None and any(
        a != b and a in _LANDFORM_CHARACTERS and _SITE_AFTER_LANDFORM.match(text, hit.start + at + 1) is not None
        for at, (a, b) in enumerate(zip(written, hit.fix, strict=False))
    )


# A count of things, then their names listed in brackets (文化广场2个（李家、北晁）, 示范村三个（东庄、西庄）).
_COUNT_THEN_NAMES = re.compile(r"[0-9０-９一二三四五六七八九十两]+[个处家所座条户名项][（(](?P<names>[^（）()，。；]*、[^（）()，。；]*)[）)]")


def _named_in_brackets_after_count(text: str, start: int, end: int) -> bool:
    """Does the span stand among the names of the things a count counts, listed in brackets after
    it? Those are the names of places, units or people, as written."""
    return any(
        match.start("names") <= start and end <= match.end("names") and "、" in match.group("names")
        for match in _COUNT_THEN_NAMES.finditer(text, max(0, start - 80), min(len(text), end + 80))
    )


# Routes and works are named after the places they join (中吉乌铁路, 集大原高铁, 西成铁路, 罗泾港区):
# a span this close before such a word is a list of place names, not a slip.
_NAMED_WORK = re.compile(
    r"[\u4e00-\u9fff]{0,2}?(?:铁路|高铁|城际|高速|公路|国道|段|港区|机场|大桥|隧道|运河|灌区)"
)


# What follows a name of a firm, a street, a village, an estate or a troop (双帆蓄电池, 龙田医药,
# 尚品国际, 晨阳大街, 通兴西路, 大李各庄, 市头村, 郦水花园, 鑫城壹号, 嘉园一期, 驻海部队) or a
# place with its county in brackets (涧河（新安段）): a span right before it is a name.
# Also a firm's trade (诚鑫能源, 大塚食品, 佳晟制衣, 兰天科技, 荣合电子), a variety (由良柑橘), a
# festival (靓彩节) or a plot of a plan (前金团块): on 129,000 characters of local reports the
# first of these dropped 5 false alarms, each a name; on 77,000 more the rest dropped 4.
_NAME_HEAD = re.compile(
    r"(?:国际|集团|公司|股份|实业|医药|电器|电力|蓄电池|酒店|康养|大街|大道|[东西南北中]路|路|街|村|各庄|庄"
    r"|花园|家园|小区|广场|[一二三四五]期|壹号|部队|军警|女校|中心小学|中心校|中学|小学|幼儿园|医院|论坛|智库|客厅|（"
    r"|能源|食品|制衣|服饰|纺织|机械|药业|置业|商贸|传媒|物流|柑橘|蜜橘|脐橙"
    r"|科技|电子|节能|新材料|化工|生物|精密|智能|片区|地块|团块"
    r"|社区|街道|景区|合作社|农场|林场|牧场|眼镜|家具|建材|陶瓷|乳业|茶业|酒业|节"  # 节 after 节能: the first match is taken
    r"|中心(?![工大任组])|驿站"  # an office or a station by its short name (城运中心, 蜂享驿站; not 中心工作, 中心大局, 中心组)
    r"|大剧院|剧院|剧场|大礼堂|礼堂|会堂|体育馆|体育场|纪念馆|博物馆|美术馆|文化馆|大厦|宾馆"  # venues (尹桂芳大剧院, 水之灵剧场)
    r"|人民法庭|法庭|派出所|司法所|卫生院"  # offices named by their place (故市人民法庭)
    r"|寺|阁|故城|古城|古镇|古寨|古村落|古村|遗址"  # sites (奉国寺, 茗清阁, 路县故城, 长碛古寨: provincial and county reports)
    r"|抽水蓄能|水电站|电站|电厂|水库|枢纽|桥"  # works (云阳建全抽水蓄能电站, 双槐电厂, 澛港桥)
    r"|(?:现代|高新|经济|生态|农业|工业|科技|循环|临港|综合)?产业园区?|(?:现代|高新|经济|生态|农业|工业|科技|临港|综合)园区"  # 阜合现代产业园区
    r"|字〔|发〔|函〔|办〔|字\[|发\[)"  # a document number: 淄政字〔2024〕13号
)


# Venues, offices and sites named by a place or a phrase of any length (水之灵剧场, 故市人民法庭, 原廖皇寺).
_VENUE_OR_OFFICE = re.compile(r"大剧院|剧院|剧场|大礼堂|礼堂|会堂|体育馆|体育场|人民法庭|法庭|派出所|司法所|卫生院|寺|庙|祠|塔")


# The tail of a town's or an estate's name, where the character before is loose (贤|庠镇, 九|星城):
# a guess that keeps that last character names the place after another word (乡镇, 新城).
_TOWN_ENDINGS = frozenset("镇乡城")




# What follows an issuing office's code in a document number (三政字〔2024〕96号, 县政办发[2023]5号):
# the code is a name, whatever its characters sound like.
_DOCUMENT_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{0,3}[〔\[［（(][0-9]{4}[〕\]］）)]"
    r"|[\u4e00-\u9fff]{0,2}[发字函][0-9XxＸ×*]{2,}号"  # the year masked or run on: 建财社发XX14号
)


# A name in brackets closing a paragraph: the writer's or the photographer's credit (（曾静）).
_BYLINE = re.compile(r"[（(](?:记者|通讯员|文|图)?[\u4e00-\u9fff]{2,4}[）)]\s*")


# A number right after a name, with no unit after it, or 号: a variety's or a model's number
# (南粳5055当家, 武运粳23号), not a count.
_NUMBER_AFTER_NAME = re.compile(r"[0-9]{2,}")


_COUNT_UNITS = frozenset("万亿千百余多个件项家户人名元吨亩米年月日天周时次批所座条场期轮种类处栋套辆台部篇张本份宗起例支头只株棵块间段公千%％.．")


def _numbered_variety(text: str, end: int) -> bool:
    found = _NUMBER_AFTER_NAME.match(text, end)
    if found is None:
        return False
    after = text[found.end() : found.end() + 1]
    return after == "号" or after not in _COUNT_UNITS


def _units_listed(text: str, start: int, end: int) -> bool:
    """Does the span end or begin with a place's unit listed with another by a 顿号 (医共体县、乡差异
    化发展: 县、乡)? The unit is an item of its own, not debris of a slip."""
    return (
        (text[end : end + 1] == "、" and text[end - 1] in _PLACE_UNITS and text[end + 1 : end + 2] in _PLACE_UNITS)
        or (start > 0 and text[start - 1] == "、" and text[start] in _PLACE_UNITS and text[start - 2 : start - 1] in _PLACE_UNITS)
    )


def _unit_of_our(text: str, start: int) -> bool:
    """Does the span begin with the unit of 我县, 本市 (在我县呈加速扩散态势): that character
    is the place the writer speaks for, not debris of a slip."""
    return start > 0 and text[start] in _PLACE_UNITS and text[start - 1] in "我本"


def _before_name_head(text: str, at: int, lexicon: Lexicon) -> bool:
    """Does a word that follows a name (大街, 蓄电池, 村) begin at ``at``? A one-character one only
    when it begins no word with the next character (强化|街道, 发展|村集体 are no names)."""
    head = _NAME_HEAD.match(text, at)
    if head is None:
        # One character of the name may come between before a venue, an office or a site (水之|灵|剧场, 原廖|皇|寺).
        return _HAN.match(text, at) is not None and _VENUE_OR_OFFICE.match(text, at + 1) is not None
    if head.group() == "（":
        # A name's bracket (…（集团）, （新安段）), not a figure or a formula in brackets
        # (同比持评（100）, 二氧化流（SO2）).
        return _HAN.match(text, at + 1) is not None
    if len(head.group()) > 1:
        return True
    return not lexicon.begins_word(text[at : at + 2])


# Official text writes the corrected word right before the word that follows a name this often
# (扶贫|电站 10: 光伏扶嬪电站 is 扶贫电站 misspelt, no power station's name).
_PHRASE_WITH_HEAD = 5


def _phrase_with_head(text: str, hit: Hit) -> bool:
    """Is the corrected word one official text writes before the head that follows the span?"""
    head = _NAME_HEAD.match(text, hit.end)
    table = official_counts.counts()
    return head is not None and hit.fix is not None and table is not None and table.pair(hit.fix, head.group()) >= _PHRASE_WITH_HEAD


def _tail_of_place_name(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Is the guess two characters ending in 镇, 乡 or 城, kept by the correction, right after a
    character that makes no word with what follows (贤|庠镇 → 乡镇, 九|星城 → 新城)?"""
    written = text[hit.start : hit.end]
    return (
        len(written) == 2
        and written[-1] in _TOWN_ENDINGS
        and hit.fix is not None
        and hit.fix[-1] == written[-1]
        and hit.start > 0
        and _HAN.match(text[hit.start - 1]) is not None
        and not lexicon.begins_word(text[hit.start - 1 : hit.start + 1])
    )


# Characters before a guess cut to see the word it follows; a word this common right before it is
# no piece of an abbreviation (文广 42 in 县文广|旅局 is; 城乡 2,316 is not).
_ORGAN_REACH = 4


_WHOLE_WORD_BEFORE_ORGAN = 1000


# After a township's unit (木场乡2023年, 石门镇人民政府, 黄泥乡党委): the two characters before it
# are the township's name, whatever common word they sound like (牧场).
# A township heading a news item as the one that acts (增福镇召开……会议) is named so too, and one
# naming its own school, clinic or station (晋庙铺镇中心小学, 石门乡卫生院).
_AFTER_TOWNSHIP = re.compile(
    r"[乡镇](?:[0-9０-９，。、；：）)]|人民政府|人民代表大会|人大|党委|政府|纪委|$"
    r"|中心小学|中心校|中学|小学|幼儿园|中心卫生院|卫生院|派出所|司法所|财政所|便民服务中心|综合文化站|敬老院"
    r"|召开|举行|举办|组织开展|开展|启动|印发|出台|成立|扎实推进|全力|多措并举)"
)
# A village's group (村民小组) named after the village (晓坪村大言冲组): the characters before 组.
_VILLAGE_BEFORE = re.compile(r"村[\u4e00-\u9fff]{0,3}$")


def _township_name(text: str, hit: Hit) -> bool:
    return hit.end - hit.start == 2 and _AFTER_TOWNSHIP.match(text, hit.end) is not None


def _village_group(text: str, hit: Hit) -> bool:
    ends_group = text[hit.end - 1 : hit.end] == "组" or text[hit.end : hit.end + 1] == "组"
    return ends_group and _VILLAGE_BEFORE.search(text, max(0, hit.start - 4), hit.start) is not None


def _abbreviated_organ(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Is the guess two characters ending in an organ's last character, which the correction
    changes, right after another Han character (县文广|旅局 → 旅居, 县资|规局 → 规矩)? Then it ends
    the abbreviated name of an organ, made of one character of each word of its full name — not
    right after a verb, whose object it is (参加|旁厅|庭审 is 旁听), nor after a common word whole
    (缩小城乡|差局 is 差距: an abbreviation's characters stand loose, 县|资|规局)."""
    written = text[hit.start : hit.end]
    before = text[max(0, hit.start - 2) : hit.start]
    words_before = lexicon.words(text[max(0, hit.start - _ORGAN_REACH) : hit.start])
    return (
        len(written) == 2
        and written[-1] in OFFICE_ENDINGS
        and hit.fix is not None
        and hit.fix[-1] != written[-1]
        and hit.start > 0
        and _HAN.match(text[hit.start - 1]) is not None
        and not (len(before) == 2 and before in lexicon.verbs and before not in lexicon.nouns)
        and not (words_before and len(words_before[-1]) >= 2 and lexicon.frequency(words_before[-1]) >= _WHOLE_WORD_BEFORE_ORGAN)
    )


_PLACE_UNITS = frozenset("省市县区州旗盟镇乡")


# The provinces (国务院公布的省级行政区), by the name written before 省.
_PROVINCES = frozenset(
    {"河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南"}
    | {"湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾"}
)


def _place_before_its_unit(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """靖州县 → 荆州: a guess that makes the name of another place, right before the unit that
    names a place (县, 市, 镇): one place's name, not another's mistyped. Not before 省, whose
    names are few and known: 安微省 is no province (安徽省)."""
    if hit.fix is None:
        return False
    written = text[hit.start : hit.end]
    if hit.fix.endswith("省") and written.endswith("省"):
        return written[:-1] in _PROVINCES
    if hit.fix not in lexicon.names:
        return False
    unit = text[hit.end : hit.end + 1]
    if unit == "省":
        return written in _PROVINCES
    return unit in _PLACE_UNITS


# A river, lake or hill named with a character jieba has hardly seen (澴河, 浉河, 氿湖): pinyin
# input lists common characters first, so no slip of sound puts it there.
_LANDFORMS = frozenset("河江湖溪山岭")


_RARE_CHARACTER = 50
# Coming to, going to or staying in a place named by one character (来溧, 赴甬, 驻邕): a county's or a
# city's abbreviation when the character is one jieba has hardly seen on its own.
_TRAVEL = frozenset("来赴抵返离驻")


def _rare_place_travelled_to(written: str, fix: str | None, lexicon: Lexicon) -> bool:
    return (
        fix is not None
        and len(written) == 2
        and written[0] in _TRAVEL
        and fix[1:] != written[1:]
        and lexicon.frequency(written[1]) < _RARE_CHARACTER
    )


def _rare_named_landform(written: str, fix: str | None, lexicon: Lexicon) -> bool:
    return (
        fix is not None
        and len(written) == 2
        and written[1] in _LANDFORMS
        and written[0] != fix[0]
        and lexicon.frequency(written[0]) < _RARE_CHARACTER
    )


# Surnames that are also common words alone (高, 林, 马, 金), or rarer (靳, 鲍): a name only after
# a title or a space, where slips.SURNAMES may stand anywhere.
_MORE_SURNAMES = frozenset(
    "卢蒋余于叶程苏丁任田石白严金万方付戴高林马牛毛江武史常康乔贺赖龙阮葛覃莫洪庞章柳翟殷申焦左向易骆肖尤"
    "霍韦邢祁闫岳凌柴盛屈邬穆褚耿裴滕伍冉聂麦纪桂欧喻饶谷温甘蓝鲁"
    "靳鲍樊俞符舒蒲缪娄晏詹栾颜卓蔺巩瞿戚涂鞠仇虞辛房"
)


_NAME_JOINERS = "•·・"
# Rarer surnames too, where a title says a name follows (检察长应勇, 市领导文建中, 主席施业盛); not
# read elsewhere, where 文, 应, 全, 明 are as often a word's first character.
_SURNAMES_AFTER_TITLES = SURNAMES | _MORE_SURNAMES | frozenset(
    "应文施匡包池乐单边车管卜艾姬邝尚连廉景吉闵宁官岑解丰习幸伏宫华齐谈宗计项居仲伊宿甄游路湛练刁芦全"
    "梅荣查席粟隆明敖苗阳容桑卫储屠窦楚冷诸臧郦濮鄢谌雍宣封相毕郎安孙和"
    "弓晋冀佟寇揭邸蔚暴綦扈逯郜阚亢訾竺"
)

# Surnames that are far more often a preposition opening a clause (向, 于).
_PREPOSITION_SURNAMES = frozenset("向于")


def _full_name(text: str, start: int, end: int) -> bool:
    """Does the span start with a surname right after a space (审计局局长 郑创平) or a title
    (镇长王业宽), or with a common surname right before a leader's title (龚正省长), or open a
    clause right before one (宝雨书记、杨灏区长带头讲授: a given name)? A signature line or a
    title names a person."""
    if text.startswith(_LEADERS, end) and (text[start] in SURNAMES or start == 0 or text[start - 1] in _CLAUSE_OPENERS):
        return True
    if text[start] in SURNAMES and any(text.startswith(_AFTER_A_NAME, name_end) for name_end in (end, end + 1)):
        return True  # 郑义站长, 郑明|策同志: a name of two or three characters before the word for the person
    if start > 0 and text[start - 1] in " \u3000\t" and text[:start].rstrip(" \u3000\t").endswith(_TITLES):
        return True  # a signature line (市长 巩建波): the name follows the title and a space, whatever the surname
    if text[start] not in SURNAMES and text[start] not in _MORE_SURNAMES:
        return False
    # After a space that follows words (局长 郑创平), not a list's number (⒈ 严阁森林: 严格).
    spaced = start > 1 and text[start - 1] in " \u3000\t" and _HAN.match(text[: start].rstrip(" \u3000\t")[-1:] or " ") is not None
    return spaced or text.endswith(_TITLES, 0, start)


# A visiting party named after its leader (童学军一行深入罗岭镇): the name's characters, up to three,
# right before 一行.
_PARTY_OF = re.compile(r"[\u4e00-\u9fff]?一行(?:[到来赴深前莅调视考慰走参一]|$)")


def _heads_a_party(text: str, start: int, end: int) -> bool:
    """Does the span stand in a person's name of two or three characters, opening its clause or
    after a title, right before 一行 (童学军一行, 市委书记童学军一行)?"""
    follow = _PARTY_OF.match(text, end)
    if follow is None:
        return False
    name_end = end + follow.group().index("一行")
    return name_end - start <= 3 and (start == 0 or text[start - 1] in _CLAUSE_OPENERS or text.endswith(_TITLES, 0, start))


# What a person does at a meeting, said right after the name (尤权宣布, 崔化杰主持).
_MEETING_ACT = re.compile(r"(?:主持|宣布|致辞|讲话|作报告|作了|指出|强调|表示|介绍|主讲|发言|出席|列席|参加|陪同|带队|宣读|通报|传达)")


def _before_a_meeting_act(text: str, start: int, end: int) -> bool:
    """Does the span stand in a name of two or three characters right before what a person does at
    a meeting: opening its clause, its first a surname (，尤权宣布：; 崔化杰主持), or after a title,
    whatever the surname (县委副书记干静出席)?"""
    for name_start in (start, start - 1):
        if name_start < 0:
            continue
        after_title = text.endswith(_TITLES, 0, name_start)
        if not after_title and not _is_surname(text[name_start]):
            continue
        opens = name_start == 0 or text[name_start - 1] in _CLAUSE_OPENERS or after_title
        for name_end in (name_start + 2, name_start + 3):
            if opens and name_end >= end and _MEETING_ACT.match(text, name_end):
                return True
    return False


# What a clause opens after (a name before a title there is no word of a phrase: 宝雨书记).
_CLAUSE_OPENERS = "，、；：。！？（“ \u3000\t"


# Titles and other words for a person that a name follows (所长黄芳芳, 同志王丽丽, 运动员何珊珊).
_LEADERS = (
    *("书记", "主任", "所长", "县长", "区长", "市长", "镇长", "乡长", "局长", "处长", "科长", "部长", "厅长"),
    *("省长", "州长", "旗长", "盟长", "主委", "董事长", "总经理"),
)


_TITLES = (
    *_LEADERS,
    *("同志", "委员", "代表", "院长", "校长", "站长", "队长", "组长", "村长", "主席", "经理"),
    *("运动员", "教练员", "教练", "选手", "教师", "老师", "医生", "记者", "学生", "同学", "党员"),
    *("村民", "居民", "冠军", "志愿者"),
    *("成员", "常委", "秘书长", "检察长", "庭长", "会长", "理事长", "行长"),
    "领导",  # 区领导霍忠华
    *("特派员", "工程师", "农艺师", "技术员", "研究员", "教授", "律师", "法官", "检察官", "民警", "辅警", "网格员", "护士", "专家"),
    *("负责人", "科员", "巡视员", "调研员"),
)


# What follows a person's name and says who the person is (郑义站长, 郑明策同志).
_AFTER_A_NAME = (*_LEADERS, "同志", "站长", "院长", "校长", "队长", "主席")


def _is_surname(character: str) -> bool:
    return character in SURNAMES or character in _MORE_SURNAMES


def given_name(text: str, start: int) -> bool:
    """Does ``text[start]`` follow a surname that follows a title or a word for a person, or
    stands apart (县长 卢继成, 运动员何珊珊), or end a three-character name after a title, or is it
    the surname of a name right after a title (检察长应勇)?"""
    if start >= 2 and _is_surname(text[start - 2]) and _HAN.match(text[start - 1]) and text.endswith(_TITLES, 0, start - 2):
        return True  # the last of a three-character name after a title (副主席王惠|萍等领导)
    if text[start : start + 1] in _SURNAMES_AFTER_TITLES and text.endswith(_TITLES, 0, start):
        return True  # the name itself, its surname first, right after the title (检察长应勇, 市领导文建中)
    if start < 1 or not _is_surname(text[start - 1]):
        return False
    if text.endswith(_TITLES, 0, start - 1):
        return True
    # Standing apart, but not a preposition opening its clause (，向大诲报告: 向大会报告), nor a unit
    # after a figure (62万|人人: 万 is no surname there).
    return (start < 2 or not (_HAN.match(text[start - 2]) or text[start - 2].isdigit())) and text[start - 1] not in _PREPOSITION_SURNAMES


# A list closed by 等 and what its items are (超聚变、郑州合晶、华为安驰等企业; 威宁、德江机场): the items
# are the names of those things, whatever their characters sound like.
_KINDS_OF_NAMED = r"(?:企业|公司|集团|品牌|项目|园区|景区|景点|机场|港口|码头|高速公路|铁路|高铁|电站|水库|医院|学校|高校|院校|龙头企业|市场主体|示范点|示范村|基地)"
_NAMES_KIND = re.compile(rf"等?{_KINDS_OF_NAMED}")
# After 等 a short qualifier may come before the kind (新蓝天、珠海国佳等亿元级企业); there the kinds
# of publication close a list of names too (白银文学、威宁诗刊等报刊), though they also follow
# everyday words (党报党刊).
_NAMES_KIND_AFTER_ETC = re.compile(rf"等[\u4e00-\u9fff]{{0,4}}?(?:{_KINDS_OF_NAMED}|报刊|刊物|媒体|栏目)")


# The longest list item of a name, and the longest such list read back from 等.
_LONGEST_LISTED_NAME = 8


_LONGEST_LIST = 60


def _in_list_of_names(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Does the span stand in an item of a list of names, closed by 等 (or by the last item's kind,
    威宁、德江机场) and a word saying what they are?"""
    kind = _NAMES_KIND.match(text, end)
    if kind is not None and kind.group()[0] != "等" and start > 0 and text[start - 1] == "、":
        # the last item, its kind right after it (威宁、德江机场) — not after an everyday word (教育、科枝项目)
        before = re.search(r"[\u4e00-\u9fff]+$", text[: start - 1])
        return before is not None and lexicon.frequency(before.group()) < EVERYDAY_WORD
    at = end
    while at < len(text) and at - end <= _LONGEST_LIST and text[at] not in "等，；：。！？（）“”《》":
        at += 1
    if not (at < len(text) and text[at] == "等" and _NAMES_KIND_AFTER_ETC.match(text, at)):
        return False
    item_start = start
    while item_start > 0 and text[item_start - 1] not in "、，；：。（“和及与等":
        item_start -= 1
    if end - item_start > _LONGEST_LISTED_NAME:
        return False
    # the span is one of several items: a 、 before its own item or between it and 等
    if not ((item_start > 0 and text[item_start - 1] == "、") or "、" in text[end:at]):
        return False
    # ... and none of the others is an everyday word (制追业、服务业等企业: a list of trades)
    list_start = item_start
    while list_start > 0 and text[list_start - 1] not in "，；：。（“" and item_start - list_start <= _LONGEST_LIST:
        list_start -= 1
    items = re.split("[、和及与]", text[list_start:at])
    own = text[item_start:end]
    return not any(item != own and lexicon.frequency(item) >= EVERYDAY_WORD for item in items)


# A route written from one place to another (久治至马尔康、郎木寺至汶川等高速公路): both ends are places.
_ROUTE_KINDS = re.compile(r"(?:高速公路|高速|铁路|高铁|城际|公路|国道|省道|航线|班列|段)")


def _end_of_route(text: str, start: int, end: int) -> bool:
    """Is the span one end of a route, X至Y, the route's kind following within the sentence?"""
    if text.startswith("至", end):
        other_end = end + 1
    elif start and text[start - 1] == "至":
        other_end = end
    else:
        return False
    rest = text[other_end : other_end + _LONGEST_LIST]
    stop = re.search(r"[，；。：]", rest)
    return _ROUTE_KINDS.search(rest[: stop.start() if stop else len(rest)]) is not None


def _item_bounds(text: str, start: int, end: int, openers: str) -> tuple[int, int]:
    """Where the list item holding ``text[start:end]`` is set off: the mark before it (one of
    ``openers``, -1 for none) and the mark after it (len(text) for none)."""
    left = max(text.rfind(mark, 0, start) for mark in openers)
    right = min((at for at in (text.find(mark, end) for mark in "、，；。）") if at >= 0), default=len(text))
    return left, right


# A person's name: two or three characters, the first a surname.
_PERSON_ITEM = re.compile(r"[\u4e00-\u9fff]{2,3}")
# Names listed beside the span's item, at least (执行主席：巩文生、杨晓兵、江晓利).
_LISTED_PERSONS = 2
_LONGEST_PERSON = 3


def _in_list_of_persons(text: str, start: int, end: int) -> bool:
    """Does the span stand in an item of a list of people's names (执行主席：巩文生、杨晓兵、江晓利):
    items of two or three characters parted by 顿号, its neighbours opening with a surname?"""
    left, right = _item_bounds(text, start, end, "、，：；。（ ")
    item = text[left + 1 : right]
    if not _PERSON_ITEM.fullmatch(item) and text[left : left + 1] == "、" and end - left - 1 <= _LONGEST_PERSON:
        # The last item runs on into the predicate (……、林以玑分别参加): its first characters are the name.
        item = item[:_LONGEST_PERSON]
    if not _PERSON_ITEM.fullmatch(item) or "、" not in text[left : left + 1] + text[right : right + 1]:
        return False
    # Its neighbours in the list (any surname may open the item itself: 巩文生).
    before = re.split("[、，：；。]", text[max(0, left - 30) : left])[-_LISTED_PERSONS - 1 :] if left > 0 else []
    after = re.split("[、，；。]", text[right + 1 : right + 31])[: _LISTED_PERSONS + 1]
    names = [p for p in before + after if _PERSON_ITEM.fullmatch(p) and _is_surname(p[0])]
    return len(names) >= _LISTED_PERSONS


# Townships listed with 顿号 (吕山乡、虹星桥镇、夹浦镇): an item ending in 乡, 镇 or 街道 among others that
# do is a township's name, whatever its first characters sound like.
_TOWNSHIP_ITEM = re.compile(r"[\u4e00-\u9fff]{1,5}(?:乡|镇|街道)")


def _listed_among_townships(text: str, start: int, end: int) -> bool:
    left, right = _item_bounds(text, start, end, "、，：；。（")
    own = text[left + 1 : right]
    if not _TOWNSHIP_ITEM.match(own) or "、" not in text[left : left + 1] + text[right : right + 1]:
        return False
    item_end = _TOWNSHIP_ITEM.match(own).end() + left + 1
    if item_end < end:
        return False  # the unit ends the item before the guess does
    neighbours = [text[max(0, left - 6) : left], text[right + 1 : right + 7]]
    return any(re.search(r"[\u4e00-\u9fff]{2}(?:乡|镇|街道)$", n) for n in neighbours[:1]) or any(
        _TOWNSHIP_ITEM.match(n) is not None for n in neighbours[1:]
    )


# An item's neighbours in a 顿号 list that end in a name's head (馨运公寓、银河经典苑、五星大厦): the
# item among them is a name too (久玖住房), whatever its characters sound like.
_ENDS_IN_NAME_HEAD = re.compile(rf"(?:{_NAME_HEAD.pattern})$")
_NAMED_NEIGHBOURS = 2


def _listed_among_named_places(text: str, start: int, end: int) -> bool:
    left, right = _item_bounds(text, start, end, "、，：；。（")
    if "、" not in text[left : left + 1] + text[right : right + 1] or right - left - 1 > _LONGEST_LISTED_NAME:
        return False
    segment_start = max(text.rfind(mark, 0, left + 1) for mark in "，：；。（") + 1
    segment_end = min((at for at in (text.find(mark, right) for mark in "，；。）") if at >= 0), default=len(text))
    items = text[segment_start:segment_end].split("、")
    own = text[left + 1 : right]
    # (a name before the head: 五星大厦, not 医院 or 体育场 alone, which are everyday words)
    named = [item for item in items if item != own and (head := _ENDS_IN_NAME_HEAD.search(item)) and head.start() > 0]
    return len(named) >= _NAMED_NEIGHBOURS


# A title, then a surname and one or two characters (常务副县长秦迎军).
_TITLED_NAME = re.compile(
    rf"(?:{'|'.join(sorted(_TITLES, key=len, reverse=True))})([{''.join(sorted(SURNAMES | _MORE_SURNAMES))}][\u4e00-\u9fff]{{1,2}})"
)


def names_introduced(texts: Iterable[str]) -> set[str]:
    """The people a report names after a title (常务副县长秦迎军, 主任唐世华): each surname with the
    one or two characters after it, for the report may name them again without the title."""
    return {name for text in texts for match in _TITLED_NAME.finditer(text) for name in (match[1], match[1][:2])}


def inside_a_name(span: str, names: Iterable[str], texts: Iterable[str]) -> bool:
    """Does ``span`` reach into one of ``names`` where the report writes them (秦迎|军对 of
    秦迎军对今年的工作提出要求): the guess takes in a name's last or first characters."""
    joined = [name + span[k:] for name in names for k in range(1, min(len(name), len(span)) + 1) if name[-k:] == span[:k]]
    joined += [span + name[k:] for name in names for k in range(1, min(len(name), len(span)) + 1) if span[-k:] == name[:k]]
    return any(whole in text for text in texts for whole in joined)
