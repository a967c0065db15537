"""的/地/得: 认真的落实 → 认真地落实, 开展的有声有色 → 开展得有声有色.

Worked on jieba's pieces of each clause, with word classes from :mod:`core.proofread.data`
(wordlists.toml) and jieba's dictionary (verbs). The rules live by the particle they put right —
:mod:`~core.proofread.particle_adverbial` (→ 地), :mod:`~core.proofread.particle_complement`
(→ 得), :mod:`~core.proofread.particle_attribute` and :mod:`~core.proofread.particle_frames` (→ 的) — over what
:mod:`~core.proofread.particle_words` says of the words around the particle; this module runs
them over each clause:

* 地 or 得 → 的 — an adjective + 地/得 + a noun that is no verb (有效地机制, 良好地氛围, 热烈地掌声,
  热烈得掌声): wordlists.toml adjectives and jieba's, jieba's nouns official text never writes after 地/得;
  and 地 or 得 in the object of a verb, before a noun phrase to the clause's end (提供了坚强地组织
  保障, 营造良好地思想舆论环境);
* 的 → 地 — any word but a pronoun + 的 + a verb + 了/着 (出色的完成了: a predicate), or an
  adjective + 着 (紧张的忙碌着);
* 的 → 地 — an adverbial (认真, 积极, 扎扎实实) + 的 + a verb that goes on to an object or
  an aspect particle (落实各项政策, 化解了), or ends a clause after 要/将/必须…; but not when a
  verb such as 进行/给予/得到 before it makes the whole a noun phrase (进行深入的研究, 得到了认真的
  落实; also past more attributes, or after 和 joining a noun phrase), nor when X is the last
  of a list of attributes or the predicate of a short clause qualifying a noun (约束有力的预算制度,
  树立科学的执政理念: a verb, an adjective or a degree word before X), nor when the phrase
  opens the clause as its subject (合理的收入分配制度是……), nor when the verb and the next
  word are one noun (有效的监督机制);
* 的 → 得 — a verb + 的 + only a complement to the clause's end (完成的较好, 推进的不够扎实,
  or a degree word and any adjective: 迈的更沉稳),
  but not in a comparison (比预想的好: what is compared against);
* 得 → 地 — an adverbial + 得 + a verb (认真得落实), but not 积极得多; any word but a verb
  + 得 + a verb + 了/着 (较好得完成了: a complement follows its verb, it does not precede one);
* 的 → 得 — opening a clause, where 得 makes a verb with the next character (，的到了: 得到); and
  的|到 before what official text writes after 得到 (基础设施的到新改善), or before any word official
  text writes after 得到 as often as after 到 (妙招的到大家好评: published text has 的|到 only in 的到账);
* 得 → 的 — right before a number (下达得2025年目标: a complement never begins with one); 地 → 的
  right before a share (为调整预算地98.4%);
* 的 → 得 — a one-character verb + 的 + a potential complement ending the clause or a list item
  (顶的上, 招的来、留得住);
* 的 → 得 — a character cut loose before 的 that makes a common verb with 得, then 了 (取的了,
  获的了: 取得, 获得), or anything, where official text writes that verb far more often than the
  character alone before 的 (取的重大突破);
* 得 → 的 — an adjective + 得 right before a quotation or title (优异得“抗疫答卷”: the quoted
  noun it qualifies);
* 地 → 的 — before the support one wins, the object of 争取/得到 (争取上级部门地支持);
* 地 or 得 → 的 — a list item beside one that qualifies a noun with 的, its own head a noun
  (饱满地热情、昂扬的斗志);
* 地 or 得 → 的 — where official text, counted (context_words), writes 的 between the word before
  and the word after and hardly ever 地 or 得 (强大地信心, 乡村振兴得重要抓手);
* 的 → 地 — a verb of saying ending its clause after an adjective or a set phrase (满心欢喜的说：);
* any of the three for another — where official text writes the other in the runs of three and four
  characters around it far more often (:mod:`~core.proofread.particle_runs`: 稳中提质地良好局面,
  不折不扣的完成);
* 地 → 的 — where a word right beside it leaves no adverbial reading
  (:mod:`~core.proofread.particle_frames`): a frame's noun or a span of time after it (地基础上,
  地同时，, 充满挑战地一年), 所 and its verb, a quantity, a phrase closed by 下, a loose
  one-character adjective or 党 before it, nouns listed after it (思想自觉、政治自觉).
"""

from __future__ import annotations

import re

from core.proofread import data
from core.proofread.hits import FIRM_NAME_REST, MAX_RUN, TITLE_SPAN, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.particle_adverbial import (
    de_after_predicate_word,
    de_before_ba,
    de_before_forward,
    de_before_saying,
    de_before_verb_and_object,
    de_to_di,
    listed_adverbials_before_verb,
    parallel_adverbials,
)
from core.proofread.particle_attribute import (
    attribute_de_by_counts,
    de_before_noun,
    de_before_number,
    de_before_shi,
    de_in_object_of_getting,
    di_after_light_verb,
    di_after_noun,
    di_after_quote,
    di_before_document_kind,
    di_before_quote,
    di_before_received_support,
    di_in_object_of_preposition,
    di_inside_frame,
    di_to_de,
    di_to_de_after_phrase,
    di_to_de_before_head,
    di_to_de_in_object,
    parallel_attributes,
)
from core.proofread.particle_complement import (
    de_cutting_a_de_word,
    de_to_de,
    dedao,
    misplaced_de,
    parallel_complements,
    potential_complement,
)
from core.proofread.particle_frames import (
    di_before_frame_noun,
    di_before_listed_nouns,
    di_beside_fixed_words,
    di_in_object_of_outcome,
)
from core.proofread.particle_runs import particle_slips_by_runs
from core.proofread.particle_words import (
    CLAUSE,
    with_adjective_and_di_apart,
    with_adverbials_joined,
    with_reduplicated_apart,
    with_verb_and_de_apart,
)

_OPENERS = ("“", "‘", "《", "（", "(")


# Items of one list, each a noun, 的 and a verb (教学规范的落实、教学目标的达成): the verbs are named as
# things, the 的 before each right. Not after an adverbial or an adjective (及时的检查、修正和补充;
# 平稳的运行: 地), nor before what is no verb (管的过多过死: 得).
_ITEMS_READ_BACK = 2
_NOMINALISED_ITEM = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,8})的(?P<verb>[\u4e00-\u9fff]{2,4})(?=[、，。；]|$)")


def _among_nominalised_verbs(text: str, at: int, lexicon: Lexicon) -> bool:
    """Is the 的 at ``at`` that of a noun and a verb, in a list whose items beside are of that shape?"""
    lists = data.wordlists()

    def nominal(word: str) -> bool:
        return not (
            word in lexicon.verbs
            or word in lexicon.adverbs
            or word in lexicon.adjectives
            or word in lists["adverbials"]
            or word in lists["adjectives"]
            or word in lists["prepositions"]
        ) or word in lexicon.nominal_verbs or word in lists["compound_heads"]

    def noun_then_verb(match: re.Match[str] | None) -> bool:
        if match is None or match["verb"] not in lexicon.verbs:
            return False
        words = lexicon.words(match["noun"])
        # A noun, or a compound opening with one (无障碍|家居|改造): what is done, named.
        return all(nominal(word) for word in words) or (len(words[0]) >= 2 and nominal(words[0]))

    clause_start = max(text.rfind(mark, 0, at) for mark in "、，。；：！？\n") + 1
    item = _NOMINALISED_ITEM.search(text, clause_start)
    if item is None or item.end("noun") != at:
        return False
    # The words right before 的, after what takes the list (立足于|教学质量的提高): nouns, none of them a
    # word that may say how (全面, 平稳: 党的建设全面地加强).
    tail: list[str] = []
    for word in reversed(lexicon.words(text[clause_start:at])):
        if (word in lexicon.verbs and word not in lexicon.nominal_verbs) or word in lexicon.adverbs or word in lists["prepositions"]:
            break
        tail.insert(0, word)
    if not (tail and all(nominal(word) for word in tail)) or item["verb"] not in lexicon.verbs:
        return False
    # The items beside, past a 顿号 or a comma (……任务的推进，……改造的实施，……工作的深入).
    after = min((found for found in (text.find(mark, at) for mark in "、，") if found != -1), default=-1)
    neighbours = [_NOMINALISED_ITEM.match(text, after + 1) if after != -1 and after - at <= 5 else None]
    end = clause_start - 1
    for _ in range(_ITEMS_READ_BACK):  # an item before may be cut oddly (教|就|工作的加强): two are read
        if end < 0 or text[end] not in "、，":
            break
        earlier = max(text.rfind(mark, 0, end) for mark in "、，。；：！？\n") + 1
        neighbours.append(_NOMINALISED_ITEM.fullmatch(text, earlier, end))
        end = earlier - 1
    return any(noun_then_verb(match) for match in neighbours)


def find_particle_slips(text: str, lexicon: Lexicon) -> list[Hit]:
    hits: list[Hit] = [
        # first: any word rule's finding at the same particle replaces it (``unique`` below)
        *particle_slips_by_runs(text, lexicon),
        *parallel_adverbials(text, lexicon),
        *parallel_complements(text, lexicon),
        *de_before_number(text, lexicon),
        *de_before_shi(text, lexicon),
        *di_after_quote(text, lexicon),
        *di_before_quote(text, lexicon),
        *parallel_attributes(text, lexicon),
        *di_before_received_support(text),
        *de_before_forward(text, lexicon),
        *di_before_frame_noun(text, lexicon),
        *di_in_object_of_outcome(text, lexicon),
    ]
    document_kinds: list[Hit] = []
    for clause in CLAUSE.finditer(text):
        if len(clause.group()) > MAX_RUN or not {"的", "得", "地"} & set(clause.group()):
            continue
        # 大大的|提高: 大大 + 的; 可贵地|经验: 可贵 + 地
        pieces = with_adjective_and_di_apart(with_reduplicated_apart(lexicon.words(clause.group())), lexicon)
        joined = with_adverbials_joined(pieces)  # 有|计划, 一步|一步: read whole by the 地 rules
        hits += di_to_de(clause.group(), clause.start(), joined, lexicon)
        hits += de_before_noun(clause.group(), clause.start(), pieces, lexicon)
        hits += di_after_noun(clause.group(), clause.start(), pieces, lexicon)
        hits += di_inside_frame(clause.group(), clause.start(), pieces, lexicon)
        hits += di_beside_fixed_words(clause.group(), clause.start(), pieces, lexicon)
        hits += di_before_listed_nouns(clause.group(), clause.start(), pieces, lexicon)
        hits += di_in_object_of_preposition(clause.group(), clause.start(), pieces, lexicon)
        document_kinds += di_before_document_kind(clause.group(), clause.start(), pieces, lexicon, text[clause.end() : clause.end() + 1] == "》")
        hits += de_in_object_of_getting(clause.group(), clause.start(), pieces, lexicon)
        hits += di_to_de_in_object(clause.group(), clause.start(), pieces, lexicon)
        hits += di_to_de_after_phrase(clause.group(), clause.start(), pieces, lexicon)
        hits += di_to_de_before_head(clause.group(), clause.start(), pieces, lexicon)
        hits += attribute_de_by_counts(clause.group(), clause.start(), joined, lexicon)
        hits += di_after_light_verb(clause.group(), clause.start(), pieces, lexicon)
        hits += potential_complement(clause.group(), clause.start(), pieces, lexicon)
        hits += de_cutting_a_de_word(clause.start(), pieces, lexicon)
        hits += de_to_di(clause.group(), clause.start(), joined, lexicon)
        cut = text[clause.end() : clause.end() + 1] in _OPENERS
        hits += de_before_verb_and_object(clause.group(), clause.start(), joined, lexicon, cut)
        hits += listed_adverbials_before_verb(clause.group(), clause.start(), joined, lexicon)
        hits += de_before_ba(clause.group(), clause.start(), joined, lexicon)
        hits += de_before_saying(clause.start(), joined, lexicon)
        hits += de_after_predicate_word(clause.start(), joined, lexicon)
        hits += de_to_de(clause.group(), clause.start(), with_verb_and_de_apart(pieces, lexicon), lexicon, cut)
        hits += misplaced_de(clause.group(), clause.start(), pieces, lexicon, cut)
        hits += dedao(clause.start(), pieces)  # last: it names the verb 得到 the others miss
    hits = [hit for hit in hits if not (hit.fix in ("地", "得") and _among_nominalised_verbs(text, hit.start, lexicon))]
    # A firm's name holds its own characters (清华大学华清安地建筑设计公司): its 地 is no particle.
    hits = [hit for hit in hits if not (text[hit.start : hit.end] == "地" and FIRM_NAME_REST.match(text, hit.end))]
    # A title is cited as its issuer wrote it (《全面推进政务公开的实施意见》): not the clerk's to mend —
    # save 地 before the kind of document that ends it (《关于……工作地意见》), which no issuer writes.
    titles = [m.span() for m in TITLE_SPAN.finditer(text)]
    unique = {(h.start, h.end): h for h in hits if not any(start < h.start < end for start, end in titles)}
    unique.update({(h.start, h.end): h for h in document_kinds})
    return sorted(unique.values(), key=lambda h: h.start)
