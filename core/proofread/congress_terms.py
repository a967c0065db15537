"""A congress's spirit carried out beside a formulation first put forward after the next congress
met (以党的十八大精神为指导，高举习近平新时代中国特色社会主义思想伟大旗帜: the thought was named at
the 19th congress, so a sentence carrying out the 18th's spirit as its guide cannot name it). The
years of congresses and plans are :mod:`core.proofread.dated_facts`'; this reads no year, only the
two names side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.draft.ordinals import int_to_cn
from core.proofread.hits import Hit
from core.proofread.meetings import CN_NUMBER, SENTENCE, ordinal_value

SOURCE = "党的全国代表大会报告和中央全会决定提出各个提法的时间"
# Each formulation and the congress in whose term it was first put forward: the 19th congress named
# the thought and the strategy of rural revitalisation (October 2017);
# 两个确立 (the 19th Central Committee's sixth plenum, 2021), 两个结合 and 中国式现代化 (July 2021)
# came in the 19th's term; 新质生产力 (2023) and 进一步全面深化改革 (the 20th's third plenum, 2024) in
# the 20th's.
_PUT_FORWARD_IN_TERM = {
    "习近平新时代中国特色社会主义思想": 19,
    "乡村振兴战略": 19,
    "两个确立": 19,
    "两个结合": 19,
    "中国式现代化": 19,
    "新质生产力": 20,
    "进一步全面深化改革": 20,
}
_FORMULATION = re.compile("|".join(sorted(_PUT_FORWARD_IN_TERM, key=len, reverse=True)))
# A congress whose spirit the sentence carries out or takes as its guide (学习贯彻党的十八大精神,
# 以党的十八大精神为指导); not one it dates from (党的十八大以来).
_GUIDING_CONGRESS = re.compile(
    rf"(?:(?:学习|贯彻|落实|领会)[^，。；]{{0,6}}?|以)党的(?P<n>{CN_NUMBER})大(?=精神|为指导|和|、|及)"
)
_ANY_CONGRESS = re.compile(rf"(?P<n>{CN_NUMBER})大")


def congress_before_its_terms(text: str) -> Iterator[Hit]:
    if "大" not in text:
        return
    for sentence_match in SENTENCE.finditer(text):
        sentence, offset = sentence_match.group(), sentence_match.start()
        terms = [(match.group(), _PUT_FORWARD_IN_TERM[match.group()]) for match in _FORMULATION.finditer(sentence)]
        if not terms:
            continue
        latest_term, latest = max(terms, key=lambda pair: pair[1])
        named = {ordinal_value(match["n"]) for match in _ANY_CONGRESS.finditer(sentence)}
        if any(number is not None and number >= latest for number in named):
            continue  # a later congress named too (党的十八大、十九大精神): the sentence spans both
        for match in _GUIDING_CONGRESS.finditer(sentence):
            number = ordinal_value(match["n"])
            if number is None or number >= latest:
                continue
            fixed = int_to_cn(latest)
            yield Hit(
                offset + match.start("n"),
                offset + match.end("n"),
                fixed,
                f"“{latest_term}”是党的{fixed}大以后提出的，与贯彻“党的{match['n']}大精神”不在同一时期：应为党的{fixed}大（或更晚的）精神，请核对届次。",
                f"改为“{fixed}”，或核对后改正。",
                SOURCE,
            )
