"""A common word with one character slipped where jieba's cut hides it: one of the commonest
words, wherever jieba cut the text (:func:`common_word_slips`, below), and a word whose second
character jieba read with the complement after it, the slipped first left loose (任|定为 → 认定为:
:func:`word_cut_by_its_complement`).

One of the commonest words with one character slipped, wherever jieba cut the text (区人大功作
联络处: jieba reads 大功|作, 规上工夜总产值: 上工|夜, and the slip rules, which work on its pieces, see
a word and a loose character, no debris).

Every two characters of a run of Han characters that are no word are looked up by their sound (the
lexicon's sound index: the commonest word of each sound); a window is flagged when

* that word is one of the commonest (COMMON_WORD_SEEN in jieba's counts or in official text's):
  工作, 工业, 其中, 努力 — a clerk types them daily, and a slip in them is what a leader sees first;
* one character of it differs, of the very same syllable and tone: the input method's next
  candidate (功 for 工), not a numeral (十个, 两项: counts typed on purpose) nor a name's;
* official text never writes the two characters side by side (禁|入 is a word of laws);
* the run cut again with the word put in holds it as a word, official text writes it beside the
  word before or after (NEIGHBOUR_EVIDENCE: 人大|工作, 的|努力 — a coinage, 含智量, or a name,
  庆成宫, has no such company), and the run is more probable by MIN_GAIN under jieba's counts.
"""

from __future__ import annotations

from collections.abc import Iterator

from core.proofread import data, official_counts
from core.proofread.hits import HAN_RUN, MAX_RUN, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import GRAMMAR, NUMERALS

# A word jieba or official text counts this often is one of the commonest (工作 66,000, 努力 8,900).
COMMON_WORD_SEEN = 5000
# The run with the word put in must be this much more probable (e^6 ≈ 400 times).
MIN_GAIN = 6.0
# Official text writes the word beside a neighbour this often (人大 工作 11, 的 努力 53).
NEIGHBOUR_EVIDENCE = 10


def common_word_slips(text: str, lexicon: Lexicon, source: str) -> Iterator[Hit]:
    """Two characters, no word, that sound like one of the commonest words one character away."""
    table = official_counts.counts()
    pairs = data.report_pairs()
    for run in HAN_RUN.finditer(text):
        written = run.group()
        if len(written) > MAX_RUN:
            continue
        score: float | None = None
        for at in range(len(written) - 1):
            window = written[at : at + 2]
            if lexicon.frequency(window) or window in pairs or set(window) & NUMERALS:
                continue
            key = lexicon.sound_key(window)
            word = lexicon.sound_index.get(key) if key is not None else None
            if word is None or len(word) != 2 or word in lexicon.names:
                continue
            changed = [(a, b) for a, b in zip(window, word, strict=True) if a != b]
            if len(changed) != 1 or not lexicon.sounds_alike(*changed[0], tone=True) or set(word) & NUMERALS:
                continue
            seen = max(lexicon.frequency(word), table.word(word) if table is not None else 0)
            if seen < COMMON_WORD_SEEN:
                continue
            if table is not None and table.pair(window[0], window[1]):
                continue  # 禁|入: official text writes the two characters side by side
            mended = written[:at] + word + written[at + 2 :]
            if not _written_beside_neighbour(mended, at, word, lexicon, table):
                continue
            if score is None:
                score = _log_probability(written, lexicon)
            if _log_probability(mended, lexicon) - score < MIN_GAIN:
                continue
            yield _slip(run.start() + at, window, word, f"读音相同的“{word}”", source)


def _written_beside_neighbour(
    mended: str, at: int, word: str, lexicon: Lexicon, table: official_counts.ContextCounts | None
) -> bool:
    """Does the run cut again with ``word`` put in at ``at`` hold it as a word, and does official
    text write it beside the word before or after it there (人大 工作, 的 努力) at least
    NEIGHBOUR_EVIDENCE times? A coinage (含智量 → 含质量) or a name (庆成宫) has no such company."""
    start = max(0, at - 4)
    words = lexicon.words(mended[start : at + 6])
    offset = start
    for k, piece in enumerate(words):
        if offset == at and piece == word:
            if table is None:
                return True
            before = words[k - 1] if k else ""
            after = words[k + 1] if k + 1 < len(words) else ""
            return table.company(word, before, after) >= NEIGHBOUR_EVIDENCE
        offset += len(piece)
    return False


def _slip(start: int, window: str, word: str, meant: str, source: str) -> Hit:
    """The finding for two characters, no word, that stand for ``word`` (``meant`` says how it is like them)."""
    return Hit(
        start,
        start + 2,
        word,
        f"“{window}”不是词语，{meant}是常用词，可能是错别字。",
        f"如是“{word}”，改为“{word}”；如是专名或本单位用语，可加入本单位词表。",
        source,
    )


def _log_probability(run: str, lexicon: Lexicon) -> float:
    return sum(lexicon.log_probability(piece) for piece in lexicon.words(run))


# The second character of a word jieba read with the character after it, as a verb and its
# complement or preposition (任|定为, 踊|现出): the slipped first character is left loose.
_JOINED_AFTER = frozenset("为出到在成于入起给")
# The word the slip stands for is this common in jieba's counts (认定 1,464, 涌现 1,514), and the run
# with it put in more probable by this much (e^3 ≈ 20 times: 任 is a common character alone).
CUT_WORD_SEEN = 500
CUT_GAIN = 3.0


def word_cut_by_its_complement(text: str, lexicon: Lexicon, source: str) -> Iterator[Hit]:
    """任|定为 → 认定为, 踊|现出 → 涌现出: a loose character, then a piece of two whose second is a
    complement (为, 出, 到 …), where a character of the same syllable and tone, or drawn alike, makes
    a common word with the piece's first; no word as written, official text never writes the loose
    character before the piece, and the run with the word put in is more probable by CUT_GAIN."""
    table = official_counts.counts()
    for run in HAN_RUN.finditer(text):
        written = run.group()
        if len(written) > MAX_RUN:
            continue
        pieces = lexicon.words(written)
        offset = 0
        score: float | None = None
        for i, piece in enumerate(pieces[:-1]):
            at, offset = offset, offset + len(piece)
            joined = pieces[i + 1]
            if len(piece) != 1 or piece in GRAMMAR or piece in NUMERALS or len(joined) != 2 or joined[1] not in _JOINED_AFTER:
                continue
            if lexicon.frequency(piece + joined[0]) or lexicon.frequency(piece + joined) or (table is not None and table.pair(piece, joined)):
                continue
            if i and len(pieces[i - 1]) == 1 and pieces[i - 1] not in GRAMMAR:
                continue  # among loose characters: a terse coinage, not a slip's debris
            alike = (*lexicon.same_syllable(piece), *lexicon.shapes.look_alike.get(piece, ()))
            words = [c + joined[0] for c in alike if c not in GRAMMAR]
            words = [w for w in words if lexicon.frequency(w) >= CUT_WORD_SEEN and w not in lexicon.names]
            if not words:
                continue
            word = max(words, key=lexicon.frequency)
            mended = written[:at] + word + written[at + 2 :]
            if score is None:
                score = _log_probability(written, lexicon)
            cut = lexicon.words(mended)
            if _log_probability(mended, lexicon) - score < CUT_GAIN or not (word in cut or word + joined[1] in cut):
                continue
            yield _slip(run.start() + at, written[at : at + 2], word, f"“{word}”", source)
