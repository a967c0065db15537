"""Page chrome of web copies: what a news or government site adds around a report.

Applied only where the text came from a web page: a saved .html/.mhtml, or a .txt/.md
that shows at least two different chrome signals (a clerk pasted from a browser). Never
to Word bodies, where "来源：区统计局2023年统计公报" is content. Every line or part of
a line dropped here is returned, so the importer can list it.
"""

from __future__ import annotations

import re

# Whole lines that are site furniture. Anchored and short on purpose.
_CHROME_LINES = [
    re.compile(r"^[【\[]?\s*(打印本页|打印|关闭窗口|关闭|回到顶部|返回顶部|返回首页|收藏本页|加入收藏|纠错)\s*[】\]]?$"),
    re.compile(r"^([【\[]\s*(打印|关闭|收藏|纠错|字体|字号|大|中|小)[^】\]]{0,12}[】\]]\s*){2,}$"),
    re.compile(r"^(发布日期|发布时间|来源|浏览次数|点击数|阅读次数|信息来源|字号|文章来源|作者|时间)\s*[:：].{0,60}$"),
    re.compile(r"^[（(【\[]?\s*(责任编辑|编辑|校对|审核|责编)\s*[:：].{0,20}[）)】\]]?$"),
    re.compile(r"^(分享到|分享至|扫一扫|微信扫一扫|手机扫码|手机版|用手机看).{0,30}$"),
    re.compile(r"^(当前位置|您现在的位置|您的位置|你的位置|所在位置)\s*[:：].{0,80}$"),
    re.compile(r"^(首页|网站首页)\s*[>›»/].{0,80}$"),
    re.compile(r"^(上一篇|下一篇|上一条|下一条)\s*[:：].{0,80}$"),
    re.compile(r"^.{0,40}(版权所有|ICP备|网站标识码|公网安备|Copyright|©).{0,60}$", re.IGNORECASE),
    re.compile(r"^(网站地图|联系我们|无障碍|English|登录|注册)(\s*[|｜丨]\s*\S{1,8})*$"),
    re.compile(r"^.{0,40}[（(]\s*(新华社|人民网|中新社)?\s*记者\s*\S{1,12}\s*摄\s*[）)]$"),
    re.compile(r"^图为.{0,60}[。．]?\s*[（(].{0,20}摄[）)]$"),
    re.compile(r"^(图片来源|图片|视频)\s*[:：].{0,40}$"),
]
# Every pattern above and below needs one of these words: a line without any is no chrome,
# which spares the full check on nearly every line of a real report.
_CHROME_WORDS = re.compile(
    "打印|关闭|顶部|首页|收藏|纠错|【|\\[|发布|来源|浏览|点击|阅读|字号|作者|时间|编辑|校对|审核|责编|分享|扫|手机|位置"
    "|上一|下一|版权|ICP|标识码|公网安备|copyright|©|网站地图|联系我们|无障碍|english|登录|注册|摄|图片|视频"
    "|相关|延伸|推荐|热点|更多|电|本报",
    re.IGNORECASE,
)
# A list of links under one of these headings is a related-article list.
_RELATED_HEADINGS = re.compile(r"^[【\[]?\s*(相关新闻|相关阅读|相关链接|相关文章|延伸阅读|推荐阅读|热点推荐|更多)\s*[】\]]?$")
MAX_RELATED_ITEM = 40
# 新华社北京3月5日电（记者 xxx） — at the start of a paragraph or joined to the title.
# With a named agency it is found anywhere in the line; a bare "北京3月5日电" only at the start.
_WHEN = r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电(\s*[（(][^（）()]{0,30}[）)])?\s*"
_AGENCY_DATELINE = re.compile(r"(新华社|新华网|人民网|中新社|中新网|央视网|本报)\s*[\u4e00-\u9fff]{2,4}" + _WHEN)
_BARE_DATELINE = re.compile(r"^([\u4e00-\u9fff]{2,4}" + _WHEN + r"|本报讯(\s*[（(][^（）()]{0,30}[）)])?\s*)")


def find_dateline(text: str) -> re.Match[str] | None:
    return _AGENCY_DATELINE.search(text) or _BARE_DATELINE.match(text)


# A page's toolbar and breadcrumb split one item a line ("下载" "打印" "【字号：" "加大" "】",
# "首页" ">"), as a newspaper site copies: each line is only one of these words and its brackets.
_TOOLBAR_WORDS = frozenset(
    ["下载", "打印", "全屏", "收藏", "分享", "字号", "字体", "加大", "还原", "减小", "大", "中", "小", "阅读量", "发表时间", "首页", ">", "›", "»", ""]
)


def _toolbar_line(text: str) -> bool:
    return len(text) <= 8 and text.strip("【】[]()（） :：") in _TOOLBAR_WORDS


_NAVIGATION_WORDS = frozenset({"回到顶部", "返回顶部", "返回首页", "打印本页", "关闭窗口", "网站地图", "联系我们"})


def is_navigation(text: str) -> bool:
    """A link label of a web page (never a 发文单位 or a signature)."""
    return text.strip("【】[] ") in _NAVIGATION_WORDS


def _chrome_line(text: str) -> bool:
    if _toolbar_line(text):
        return True
    return len(text) <= 120 and _CHROME_WORDS.search(text) is not None and any(p.match(text) for p in _CHROME_LINES)


def looks_like_web_copy(lines: list[str]) -> bool:
    """At least two different kinds of chrome: pasted from a browser, not typed."""
    kinds: set[int] = set()
    for line in lines[:400] + lines[-200:]:
        text = line.strip()
        if text and _toolbar_line(text):
            kinds.add(-3)
        if not text or len(text) > 120 or _CHROME_WORDS.search(text) is None:
            continue
        for index, pattern in enumerate(_CHROME_LINES):
            if pattern.match(text):
                kinds.add(index)
        if _RELATED_HEADINGS.match(text):
            kinds.add(-1)
        if (found := find_dateline(text)) is not None and found.start() == 0:
            kinds.add(-2)
        if len(kinds) >= 2:
            return True
    return False


def strip_chrome(lines: list[str]) -> tuple[list[str], list[str]]:
    """(lines kept, texts dropped). A dateline is cut from the line it opens or follows."""
    kept: list[str] = []
    dropped: list[str] = []
    in_related = False
    for line in lines:
        text = line.strip()
        if not text:
            in_related = False
            kept.append(line)
            continue
        if in_related and len(text) <= MAX_RELATED_ITEM and not text.endswith("。"):
            dropped.append(text)
            continue
        in_related = False
        if _RELATED_HEADINGS.match(text):
            in_related = True
            dropped.append(text)
            continue
        if _chrome_line(text):
            dropped.append(text)
            continue
        match = find_dateline(text)
        if match and (match.start() == 0 or (match.start() <= 60 and not kept_has_body(kept))):
            dropped.append(match.group(0).strip())
            # The title it was joined to and the text after it become lines of their own.
            kept.extend(part.strip() for part in (text[: match.start()], text[match.end() :]) if part.strip())
            continue
        kept.append(line)
    return kept, dropped


def kept_has_body(kept: list[str]) -> bool:
    """Whether a real paragraph (a sentence) has been kept already: a dateline joined to
    the title comes before any."""
    return any(line.strip().endswith(("。", "！", "？")) for line in kept)
