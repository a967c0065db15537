"""core.proofread.body_lists: a comma between two bodies' names that a 顿号 lists."""

from __future__ import annotations

import pytest

from core.proofread.body_lists import comma_between_bodies
from core.proofread.lexicon import Lexicon


def mended(text: str, lexicon: Lexicon) -> str:
    for hit in sorted(comma_between_bodies(text, lexicon), key=lambda h: -h.start):
        text = text[: hit.start] + (hit.fix or "") + text[hit.end :]
    return text


@pytest.mark.parametrize(
    "right",
    [
        "乡党委、政府高度重视食品安全工作。",  # the whole clause one body's name
        "在区委、区政府的坚强领导下，全区经济平稳运行。",  # a preposition's frame goes on past the comma
        "受南京市委、市政府的选派，他到西部挂职。",
        "对县委政法委、珠岙镇等14个单位开展巡察。",
        "由国土、工商等有关部门和17个乡镇组成领导小组。",  # bodies named short
        "认真贯彻中央、省委和市委关于加强人大工作的部署。",
        "听取区财政局、区国税局、各镇街二季度财税工作汇报。",  # a verb takes them, 、 goes on
        "开展调查研究，为党委、政府决策提供参考。",  # 为's frame goes on to the noun after both
        "在各地区、各部门积极努力下，工作取得成效。",  # 在……下 closes the frame past the second name
    ],
)
def test_a_comma_between_bodies_is_a_dunhao(right: str, lexicon: Lexicon) -> None:
    wrong = right.replace("、", "，", 1)
    assert mended(wrong, lexicon) == right


@pytest.mark.parametrize(
    "clean",
    [
        "领导小组下设办公室，党政办公室作为责任部门，落实各项任务。",  # after a verb: the next clause's subject
        "抄送：市审计局，区委、区人大。",  # GB/T 9704 parts the bodies of 抄送 with commas
        "各位领导，同志们：现将工作报告如下。",  # a salutation
        "学院领导，副处级以上干部，学术委员会委员参加会议。",  # 干部 names no body
        "会上，市政府办公室通报了有关情况。",  # 会上 is no body
        "全县建成村级活动场所，乡镇综合文化站全部达标。",  # 场所 names no body; a clause of its own after the verb
        "坚持党委领导，政府负责，社会协同。",  # verbs' phrases
        "总局有关司局，各省、自治区、直辖市市场监管部门有关负责同志参加会议。",  # 各 opens another group
        "述职报告会在学术报告厅，医院党政领导参加。",  # 在's frame ends at the comma
        "领导小组下设办公室，办公室和各成员单位分工负责。",  # the name said again opens the next clause
    ],
)
def test_no_comma_between_bodies_is_found_where_none_is_listed(clean: str, lexicon: Lexicon) -> None:
    assert comma_between_bodies(clean, lexicon) == []
