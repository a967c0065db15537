"""The proofreading lexicon kept in the cache folder (issue 28's memory): read back, it is the
lexicon a build makes; a damaged, foreign or out-of-date file is never used."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.base.paths import cache_dir
from core.proofread import data, lexicon
from core.proofread.lexicon import Lexicon


def _same(a: Lexicon, b: Lexicon) -> None:
    assert a.sound_index.arrays() == b.sound_index.arrays()
    assert a.near_index.items() == b.near_index.items()
    assert a.idiom_masks.items() == b.idiom_masks.items()
    for name in lexicon.WORD_CLASSES:
        assert sorted(getattr(a, name).keys()) == sorted(getattr(b, name).keys())
    assert a.known == b.known and a.total == b.total and a.freq is b.freq


def _the_file() -> Path:
    files = sorted(cache_dir().glob("lexicon-*.bin"))
    assert len(files) == 1
    return files[0]


def test_the_file_written_by_a_build_reads_back_as_the_same_lexicon() -> None:
    built = lexicon.load_or_build()  # a fresh per-user folder: built, and the file written
    path = _the_file()
    read = lexicon.lexicon_from_bytes(path.read_bytes(), built.freq)
    assert read is not None
    _same(read, built)
    _same(lexicon.load_or_build(), built)
    # What the rules ask of it, by hand: 凝心?力 finds 凝心聚力; 专相 sounds near 专项.
    assert read.idioms_like("凝心据力", 2) == ("凝心聚力",)
    assert read.sound_key("实施") == built.sound_key("实施") and read.sound_index.get(read.sound_key("实施")) == "实施"
    assert read.near_index[read.near_key("专相")] == ("转向", "专线", "专项")
    assert "渠县" in read.names and "机制" not in read.names


def test_a_damaged_file_is_built_again_and_replaced() -> None:
    built = lexicon.load_or_build()
    path = _the_file()
    path.write_bytes(path.read_bytes()[:1000])  # cut short
    again = lexicon.load_or_build()
    _same(again, built)
    assert lexicon.lexicon_from_bytes(_the_file().read_bytes(), built.freq) is not None
    import marshal

    parts = list(marshal.loads(_the_file().read_bytes()))
    parts[6] = (b"not a trie" * 10,) * len(lexicon.WORD_CLASSES)  # read by marshal, refused by marisa
    _the_file().write_bytes(marshal.dumps(tuple(parts)))
    with pytest.raises(RuntimeError):
        lexicon.lexicon_from_bytes(_the_file().read_bytes(), built.freq)
    _same(lexicon.load_or_build(), built)
    assert lexicon.lexicon_from_bytes(_the_file().read_bytes(), built.freq) is not None


def test_another_version_or_other_syllable_numbers_are_not_used() -> None:
    built = lexicon.load_or_build()
    blob = lexicon.lexicon_bytes(built)
    import marshal

    parts = list(marshal.loads(blob))
    parts[0] = lexicon.FILE_FORMAT + 1
    assert lexicon.lexicon_from_bytes(marshal.dumps(tuple(parts)), built.freq) is None
    parts = list(marshal.loads(blob))
    parts[1] = tuple(reversed(parts[1]))  # the syllables numbered otherwise than in this process
    assert lexicon.lexicon_from_bytes(marshal.dumps(tuple(parts)), built.freq) is None


def test_the_office_word_list_names_another_file(tmp_path: Path) -> None:
    built = lexicon.load_or_build()
    before = lexicon.file_name(built.freq)
    words = data.office_dir() / data.OFFICE_WORDS
    words.parent.mkdir(parents=True, exist_ok=True)
    words.write_text("新质生产力示范区\n", encoding="utf-8")
    data.forget()
    try:
        after = lexicon.file_name(built.freq)
        assert after is not None and after != before
        lexicon.load_or_build()
        assert _the_file().name == after  # the old one removed
    finally:
        words.unlink()
        data.forget()


def test_the_report_vocabulary_names_another_file(monkeypatch: pytest.MonkeyPatch) -> None:
    # The blurred-sound index keeps the 机关 vocabulary's words: another vocabulary, another lexicon.
    built = lexicon.load_or_build()
    before = lexicon.file_name(built.freq)
    monkeypatch.setattr(data, "report_vocabulary", lambda: frozenset({"答复", "馆藏"}))
    assert lexicon.file_name(built.freq) not in (None, before)


def test_words_by_key_keeps_each_keys_words_in_the_order_given() -> None:
    from core.proofread.sounds import WordsByKey, idiom_masks, idioms_like

    index = WordsByKey([(7, "专项"), (3, "意义"), (7, "转向"), (3, "一一"), (9, "专线")])
    assert index.get(7) == ("专项", "转向")
    assert index.get(3) == ("意义", "一一")
    assert index[9] == ("专线",)
    assert index.get(5) == () and index.get(5, ("无",)) == ("无",)
    with pytest.raises(KeyError):
        index[4]
    assert index.items() == [(3, ("意义", "一一")), (7, ("专项", "转向")), (9, ("专线",))]
    assert len(index) == 3
    again = WordsByKey.from_arrays(*index.arrays())
    assert again.items() == index.items()
    keys, ids, words = index.arrays()
    with pytest.raises(ValueError):
        WordsByKey.from_arrays(keys, ids[:-4], words)  # one id missing
    masks = idiom_masks(["实事求是", "实事就是", "abcd"])  # letters are no idiom
    assert idioms_like(masks, "实事救是", 2) == ("实事求是", "实事就是")
    assert idioms_like(masks, "实事救是", 1) == ()
    assert len(masks) == 7  # 实事?是 is shared
    assert index.replaced({7: ("专线",), 1: ("一",)}).items() == [(1, ("一",)), (3, ("意义", "一一")), (7, ("专线",)), (9, ("专线",))]
