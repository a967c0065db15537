"""The compact segmenter cuts exactly as stock jieba with our user dictionary does.

Stock jieba is loaded here (a fresh ``jieba.Tokenizer`` with ``load_userdict``, as the app
did before the compact copy) and compared word for word on the five seeds, on hostile text
and on generated strings; its dictionary is compared entry by entry.
"""

from __future__ import annotations

import functools
import logging
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.text import language, segmenter
from core.text.language import USER_DICTIONARY
from tests.conftest import SEED_NAMES, SEEDS_DIR, require_seeds


@functools.cache
def stock() -> object:
    import jieba

    jieba.setLogLevel(logging.CRITICAL)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(language.cache_dir())
    tokenizer.initialize()
    tokenizer.load_userdict(str(USER_DICTIONARY))
    return tokenizer


def stock_cut(text: str, hmm: bool = True) -> list[str]:
    return list(stock().cut(text, HMM=hmm))  # type: ignore[attr-defined]


def seed_lines() -> list[str]:
    require_seeds()
    lines: list[str] = []
    for name in SEED_NAMES.values():
        lines += (SEEDS_DIR / name).read_text(encoding="utf-8").splitlines()
    return lines


def test_same_words_as_stock_jieba_on_every_line_of_the_seeds() -> None:
    lines = seed_lines()
    assert len(lines) > 100 and sum(map(len, lines)) > 20_000
    differing = [line for line in lines if language.cut(line) != stock_cut(line)]
    assert differing == []
    without_hmm = [line for line in lines if language.cut(line, hmm=False) != stock_cut(line, hmm=False)]
    assert without_hmm == []


def test_same_words_on_the_seeds_as_one_text() -> None:
    # Whole texts: spaces, line breaks and full-width punctuation between the blocks.
    require_seeds()
    for name in SEED_NAMES.values():
        text = (SEEDS_DIR / name).read_text(encoding="utf-8")
        assert language.cut(text) == stock_cut(text)


def test_the_dictionary_holds_jiebas_words_frequencies_and_total() -> None:
    ours = language.dictionary()
    reference = stock()
    words = [(w, f) for w, f in reference.FREQ.items() if f > 0]  # type: ignore[attr-defined]
    assert len(ours) == len(words)
    assert ours.total == reference.total  # type: ignore[attr-defined]
    assert list(ours.items()) == words  # same words, same frequencies, jieba's order
    assert ours.frequency("三会一课") == 2000 and ours.get("三会一课") == 2000  # our dictionary's entry
    # jieba keeps prefixes with frequency 0 ("三会一" for 三会一课): not words here.
    assert reference.FREQ["三会一"] == 0 and "三会一" not in ours and ours.frequency("三会一") == 0  # type: ignore[attr-defined]
    assert ours.get("三会一", 7) == 7


HOSTILE = [
    "",
    " ",
    "\r\n\r\n",
    "abc123 DEF_ghi",
    "2023年1月1日召开第xx次会议，参会人员30余人。",
    "党" * 250,
    "乡村振兴" * 60,
    "一二三四五六七八九十" * 12,
    "C++与C#、.NET，5G+、100%、A-B",
    "\u3000\u3000各位代表：\u00a0现在，我代表市人民政府作工作报告。",
    "𠀀𠀁𪚥（扩展区汉字）和emoji😀",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_same_words_on_unusual_text(text: str) -> None:
    assert language.cut(text) == stock_cut(text)
    assert language.cut(text, hmm=False) == stock_cut(text, hmm=False)


_ALPHABET = "党建人才乡村振兴干部组织学习建设工作推进落实全面从严治党基层一二三的了和与，。、：；“”（）ab1 \n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + string.digits, max_size=60))
def test_same_words_on_generated_text(text: str) -> None:
    assert language.cut(text) == stock_cut(text)
    assert language.cut(text, hmm=False) == stock_cut(text, hmm=False)


# Characters jieba's HMM knows well, barely, and not at all (no emission: its floor), with
# letters, digits and the marks its own splitting keeps apart ("3.5%", "A1").
_HMM_ALPHABET = "党建人才乡村振兴干部组织学习的了和与是在有不这一二三十百鑫淼犇龘靐齉爩𠀀ab1.%，。 "


def hmm_words(text: str) -> list[str]:
    out: list[str] = []
    segmenter.HiddenWords().cut(text, out)
    return out


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_HMM_ALPHABET + string.digits, min_size=1, max_size=40))
def test_hidden_words_are_jiebas_hmm_words(text: str) -> None:
    import jieba.finalseg

    assert hmm_words(text) == list(jieba.finalseg.cut(text))


_SHARED_HIDDEN_WORDS = segmenter.HiddenWords()  # characters of jieba's HMM runs only, in _HMM_ALPHABET[:35]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_HMM_ALPHABET[:35], min_size=1, max_size=segmenter.HMM_RUN_KEPT_CHARS), min_size=1, max_size=4))
def test_a_run_cut_again_from_the_kept_states_gives_the_same_words(texts: list[str]) -> None:
    """One segmenter keeps the states of short runs it has cut: cut again (from the kept
    states) or beside other runs, a run still gives jieba's words."""
    import jieba.finalseg

    hidden = _SHARED_HIDDEN_WORDS
    for text in texts + texts:
        out: list[str] = []
        hidden.cut(text, out)
        assert out == list(jieba.finalseg.cut(text)), text
    kept = hidden._known_states.cache_info()
    assert kept.hits > 0 and kept.currsize <= segmenter.HMM_RUNS_KEPT


def test_hidden_words_on_the_seeds_and_with_force_split_words(monkeypatch: pytest.MonkeyPatch) -> None:
    import jieba.finalseg

    require_seeds()
    for name in SEED_NAMES.values():
        text = (SEEDS_DIR / name).read_text(encoding="utf-8")
        for line in text.splitlines()[:200]:
            if line.strip():
                assert hmm_words(line) == list(jieba.finalseg.cut(line)), line
    assert hmm_words("王小明来了") == list(jieba.finalseg.cut("王小明来了")) == ["王小明", "来", "了"]
    # A word of frequency 0 in a user dictionary is forced apart (jieba's add_word): in characters.
    monkeypatch.setattr(jieba.finalseg, "Force_Split_Words", {"王小明", "来了"})
    assert hmm_words("王小明来了") == list(jieba.finalseg.cut("王小明来了")) == ["王", "小", "明", "来", "了"]


def test_a_user_word_without_frequency_is_refused_with_the_line() -> None:
    with pytest.raises(segmenter.DictionaryFormatError, match="第 2 行缺少词频"):
        segmenter.read_dictionaries(b"a 1 n\n", "三会一课 2000 nz\n两个确立\n".encode(), "x.txt")


def test_later_lines_win_and_every_line_counts_in_the_total() -> None:
    # As jieba's gen_pfdict and add_word: the last frequency stands, the total adds them all.
    freq, total, forced = segmenter.read_dictionaries(
        "党建 10 n\n党建 20 n\n人才 5 n\n".encode(), "人才 7 n\n三会 0 n\n".encode(), "x.txt"
    )
    assert (freq["党建"], freq["人才"], freq["党"], total, forced) == (20, 7, 0, 42, ["三会"])
    compact = segmenter.WordDictionary(segmenter.compact_bytes(freq, total))
    assert list(compact.items()) == [("党建", 20), ("人才", 7)]
    assert "三会" not in compact and "党" not in compact and compact.total == 42


def test_a_damaged_cache_file_is_refused() -> None:
    data = segmenter.compact_bytes({"党建": 3}, 3)
    with pytest.raises(segmenter.DictionaryFormatError):
        segmenter.WordDictionary(b"XXXXXXXX" + data[8:])
    with pytest.raises(ValueError):
        segmenter.WordDictionary(data[:-2])


def test_a_dictionary_read_from_its_file_reads_the_word_order_only_when_asked(tmp_path: Path) -> None:
    # Only a lexicon build needs jieba's order of the words: not kept by the app (issue 28's memory).
    freq, total, _ = segmenter.read_dictionaries("党建 10 n\n人才 5 n\n改革 9000000000 v\n".encode(), b"", "x.txt")
    path = tmp_path / "words.bin"
    path.write_bytes(segmenter.compact_bytes(freq, total))
    loaded = segmenter.WordDictionary.load(path)
    assert loaded._order is None
    assert list(loaded.items()) == [("党建", 10), ("人才", 5), ("改革", 9000000000)]  # over 32 bits kept
    assert loaded.frequency("改革") == 9000000000 and loaded.get("人才") == 5 and loaded.get("人") is None
    # Each word keeps the rank of its frequency among the distinct ones (2 bytes a word).
    assert loaded.ranks.typecode == "H" and list(loaded.rank_counts) == [5, 10, 9000000000]
    assert sorted(loaded.ranks) == [0, 1, 2]
    small = segmenter.WordDictionary(segmenter.compact_bytes({"党建": 10, "人才": 5, "改革": 10}, 25))
    assert list(small.items()) == [("党建", 10), ("人才", 5), ("改革", 10)]
    assert list(small.rank_counts) == [5, 10] and small.count(small.trie["改革"]) == 10
    again = segmenter.WordDictionary.load(path)
    path.write_bytes(path.read_bytes()[:-2])  # cut short under it: refused, not misread
    with pytest.raises(segmenter.DictionaryFormatError):
        list(again.items())
