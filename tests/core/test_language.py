"""The language layer: jieba loading (cache folder, threads), the 政务 dictionary, tokens,
keywords and number + measure-word figures."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.text import language
from core.text.language import USER_DICTIONARY, figures, keywords, tiling, tokens, words
from tests.conftest import PROJECT_ROOT

REQUIRED_TERMS = (
    "两个确立", "四个意识", "四个自信", "两个维护", "第一议题", "三会一课", "五基三化",
    "主题党日", "软弱涣散", "放管服", "最多跑一次", "河长制", "乡村振兴", "基层党建", "党史学习教育",
)  # fmt: skip


def dictionary_lines() -> list[str]:
    return USER_DICTIONARY.read_text(encoding="utf-8").splitlines()


# ----------------------------------------------------------------------------- dictionary


def test_user_dictionary_format_and_size() -> None:
    lines = dictionary_lines()
    assert len(lines) >= 200
    line_format = re.compile(r"^[\u4e00-\u9fff]{2,16} \d+ (?:n|nz|vn|v|l|i)$")
    assert [line for line in lines if not line_format.match(line)] == []
    terms = [line.split()[0] for line in lines]
    assert len(terms) == len(set(terms)), "duplicate terms"
    assert set(REQUIRED_TERMS) <= set(terms)


@pytest.mark.parametrize("term", REQUIRED_TERMS)
def test_terms_of_art_stay_whole(term: str) -> None:
    assert term in words(f"认真落实{term}要求")
    assert term in words(f"深入推进{term}，")


def test_without_the_dictionary_jieba_would_cut_these_terms() -> None:
    # The dictionary earns its place: stock jieba splits them (checked with a fresh Tokenizer).
    import jieba

    stock = jieba.Tokenizer()
    stock.tmp_dir = language.cache_dir()
    cut = stock.lcut("严格落实第一议题制度，坚持三会一课，推进五基三化，开展主题党日")
    assert "第一议题" not in cut and "三会一课" not in cut and "五基三化" not in cut


# ----------------------------------------------------------------------------- tokens


def test_tokens_include_dictionary_words_inside_longer_words() -> None:
    result = tokens("全面从严治党，加强人才队伍建设。")
    for expected in ("全面从严治党", "从严治党", "从严", "治党", "人才队伍建设", "人才", "队伍", "建设"):
        assert expected in result
    assert "，" not in result and "。" not in result


def test_tokens_find_a_word_cut_apart_around_a_lone_character() -> None:
    assert words("持续压实党建工") == ["持续", "压实", "党", "建工"]
    assert "党建" in tokens("持续压实党建工")


def test_tokens_are_normalised() -> None:
    assert tokens("ＡＢＣ１２３ 党建") == ["abc123", "党建"]
    assert tokens("——（）、“”《》 ％") == []


# Every token of every line of the five seeds, one line per token, a NUL after each line:
# the digest before issue 28's indexing work (a library's index must not change under it).
SEED_TOKENS_SHA256 = "0c108247ef6ed4931cc168db8c937ff652a30c99b2efecf94d6b9ee76e9f648f"


def test_tokens_on_the_seeds_are_the_tokens_from_before() -> None:
    import hashlib

    from tests.conftest import SEED_NAMES, SEEDS_DIR, require_seeds

    require_seeds()
    digest, count = hashlib.sha256(), 0
    for name in sorted(SEED_NAMES.values()):
        for line in (SEEDS_DIR / name).read_text(encoding="utf-8").splitlines():
            line_tokens = tokens(line)
            count += len(line_tokens)
            digest.update("\n".join(line_tokens).encode("utf-8") + b"\x00")
    assert count == 15846
    assert digest.hexdigest() == SEED_TOKENS_SHA256


_WORDS_ALPHABET = "党建人才乡村振兴干部组织学习建设的了，。、：“”（）《》——%％.+-#&_ab1Ａ２\u3000 \n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_WORDS_ALPHABET + string.digits, max_size=60))
def test_words_are_the_cut_without_whitespace_and_punctuation(text: str) -> None:
    # The definition, spelled out: jieba's cut of the normalised text (long blocks in pieces),
    # keeping the pieces that hold a letter, a digit or "_".
    pieces = language._bounded_pieces(language.normalise(text))
    expected = [w for piece in pieces for w in language.cut(piece) if re.search(r"\w", w)]
    assert words(text) == expected


def test_tiling_covers_a_word_with_dictionary_words() -> None:
    assert tiling("队伍建设") == ["队伍", "建设"]
    assert tiling("从严治党") == ["从严", "治党"]
    assert tiling("党") is None


# ----------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("及时跟进学习讲话精神48次。", ["48次"]),
        ("38项任务已完成27项", ["38项", "27项"]),
        ("完成率100％，同比提高2.5个百分点", ["100％", "2.5个百分点"]),
        ("完成投资3.5亿元，带动就业1,200人", ["3.5亿元", "1,200人"]),
        ("召开第xx次党代会，开展活动**多人次", ["第xx次", "**多人次"]),
        ("培训党员二十余人，走访XX户", ["二十余人", "XX户"]),
        ("新建人才驿站3个、××个示范点", ["3个", "××个"]),
    ],
)
def test_figures_found(text: str, expected: list[str]) -> None:
    found = figures(text)
    assert [f.text for f in found] == expected
    assert all(text[f.start : f.end] == f.text for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "2022年是党的二十大召开之年",  # a year, not a count
        "坚决做到两个维护，深刻领悟两个确立",  # terms of art, not figures
        "学习贯彻十九届六中全会精神",  # a meeting name, not a count
        "7月1日召开大会",  # a date
        "1.加强思想建设",  # an item number
        "推进“十四五”规划",
        "一是加强学习",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_figure_parts() -> None:
    ordinal, placeholder, money = figures("第3批，xx项，3.5亿元")
    assert (ordinal.number, ordinal.unit, ordinal.ordinal, ordinal.placeholder) == ("3", "批", True, False)
    assert (placeholder.number, placeholder.placeholder) == ("xx", True)
    assert (money.number, money.unit) == ("3.5", "亿元")


# ----------------------------------------------------------------------------- keywords


def test_keywords_rank_rare_words_first_and_skip_filler() -> None:
    text = "全面推行河长制，加强河长制工作，加强建设，加强建设，推进建设。"
    rare = {"河长制": 8.0, "建设": 1.0}
    result = keywords(text, k=3, idf=lambda w: rare.get(w, 2.0))
    assert [w for w, _ in result] == ["河长制", "建设", "全面推行"]  # 16/N, 3/N, 2/N
    assert result[0][1] > result[1][1]
    assert all(w not in language.STOP_WORDS for w, _ in keywords(text, k=10))


def test_keywords_with_the_general_idf() -> None:
    result = keywords("严格落实三会一课制度，认真开展主题党日活动，三会一课常态化。", k=2)
    assert result[0][0] == "三会一课"
    assert keywords("", k=5) == [] and keywords("加强工作", k=5) == []


# ----------------------------------------------------------------------------- loading


def run_fresh_python(code: str, home: Path, temp: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new interpreter: jieba not yet loaded, its own BAOGAO_HOME and TMPDIR."""
    env = {**os.environ, "BAOGAO_HOME": str(home), "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cache_is_kept_in_the_user_cache_folder_not_the_temp_folder(tmp_path: Path) -> None:
    home, temp = tmp_path / "home", tmp_path / "temp"
    temp.mkdir()
    code = """
        from core.text import language
        language.ensure_loaded()
        print(language.words("落实第一议题制度"))
    """
    first = run_fresh_python(code, home, temp)
    assert first.returncode == 0, first.stderr
    assert "第一议题" in first.stdout
    assert first.stderr == ""  # jieba's loading chatter stays out of the CLI
    caches = list((home / "cache").glob("words-*.bin"))  # the compact dictionary (core.text.segmenter)
    assert len(caches) == 1 and caches[0].stat().st_size > 1_000_000
    assert list(temp.iterdir()) == []
    second = run_fresh_python(code, home, temp)  # loads from the cache
    assert second.returncode == 0 and second.stdout == first.stdout


def test_background_load_does_not_block_and_reports_when_done(tmp_path: Path) -> None:
    code = """
        import threading
        from core.text import language
        done = []
        finished = threading.Event()
        def on_done(error):
            done.append(error)
            finished.set()
        thread = language.start_background_load(on_done)
        print("loaded-right-away", language.is_loaded())
        assert language.start_background_load() is thread  # one load, not two
        assert finished.wait(60) and language.wait_loaded(60)
        print("done", done, language.is_loaded())
    """
    result = run_fresh_python(code, tmp_path / "home", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["loaded-right-away False", "done [None] True"]


def test_threads_racing_the_first_load_all_see_the_user_dictionary(tmp_path: Path) -> None:
    # Without one lock around load + user dictionary, a thread could cut with jieba's
    # dictionary before 三会一课 was added.
    code = """
        import threading
        from core.text import language
        results = []
        start = threading.Barrier(6)
        def work():
            start.wait()
            results.append("三会一课" in language.words("坚持三会一课制度"))
        threads = [threading.Thread(target=work) for _ in range(6)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(results)
    """
    result = run_fresh_python(code, tmp_path / "home", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str([True] * 6)


def test_load_failure_is_a_chinese_message(tmp_path: Path) -> None:
    code = """
        from pathlib import Path
        from core.text import language
        language.USER_DICTIONARY = Path("no-such-dictionary.txt")
        try:
            language.ensure_loaded()
        except language.LanguageError as exc:
            print(exc)
        print(language.is_loaded())
    """
    result = run_fresh_python(code, tmp_path / "home", tmp_path)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first.startswith("无法加载中文分词词典：读取词典文件失败") and first.endswith("请重新安装本程序。")
    assert second == "False"
