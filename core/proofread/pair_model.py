"""Rule 11 of :mod:`core.proofread.slips`: a learned score for two loose characters.

Rules 5–9 each name one sign that two loose characters (jieba cut each alone, the pair no word
and no pair published reports write) are the debris of a slip: 该|造 → 改造. Many slips show
several weak signs and no strong one (职|则 → 职责, 考|和 → 考核, 新|步|发 → 步伐). This rule
weighs the signs together — and what official text says of them (rule 12's counts: how often it
writes the correction, the two characters side by side, the correction beside a neighbour) — in
a logistic model over the features below, trained by
scripts/train_pair_model.py on slips planted at random in the seed reports the way pinyin input
makes them (positives) against every such candidate in published report text (negatives), with
the threshold set where it accepts only a few in a hundred of the published text's candidates.
The weights are data (resources/proofread/pair_model.toml), not code.

Only corrections that change one character to one that sounds alike (n/ng, z/zh blurred, any
tone) or looks alike, and that a report would write, are scored; the caller's filters (a series,
a parallel pattern, a coined term written twice, a quotation) still apply.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from core.proofread import data, official_counts
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import GRAMMAR, NUMERALS, REPORT_COMMON, starts_longer_word

# The features, in the order of the weights in pair_model.toml.
FEATURE_NAMES = (
    "correction_frequency",  # log(1 + jieba's count of the corrected word)
    "correction_in_reports",  # log(1 + how often published reports use it)
    "gain",  # log-probability the corrected word gains over the two characters
    "written_frequency",  # log(1 + jieba's count of the changed character alone)
    "kept_frequency",  # log(1 + jieba's count of the kept character alone)
    "same_sound_and_tone",
    "same_sound",
    "sounds_near",  # n/ng, z/zh, c/ch, s/sh made one
    "same_series",  # of one phonetic series, or drawn alike
    "written_is_function_word",
    "kept_is_function_word",
    "correction_is_function_word",
    "collocated",  # reports write the correction beside the word before or after
    "loose_before",  # a one-character piece right before
    "loose_after",  # ... right after
    "run_start",  # the pair opens its run of Han characters
    "run_end",
    "starts_longer_word",  # the pair begins a longer dictionary word (无房 of 无房户)
    "our_word",  # the correction is one of our 政务 words
    "numeral",  # a numeral written or put in
    "second_changed",  # the second character is the one changed
    "correction_official",  # log(1 + how often official text writes the corrected word)
    "pair_official",  # log(1 + how often official text writes the two characters side by side)
    "correction_beside",  # log(1 + how often official text writes the correction beside a neighbour)
)


@dataclass(frozen=True)
class PairModel:
    weights: tuple[float, ...]  # the bias, then one weight per feature (standardised)
    means: tuple[float, ...]
    scales: tuple[float, ...]
    threshold: float

    def score(self, features: Iterable[float]) -> float:
        total = self.weights[0]
        for weight, value, mean, scale in zip(self.weights[1:], features, self.means, self.scales, strict=True):
            total += weight * (value - mean) / scale
        return total


@cache
def model() -> PairModel | None:
    """The trained model (pair_model.toml), or None when it is not there."""
    path = data.shipped_dir() / "pair_model.toml"
    if not path.exists():
        return None
    table = data._toml(path, office=False)
    if tuple(table.get("features", ())) != FEATURE_NAMES:  # type: ignore[arg-type]
        return None  # trained on other features: not to be trusted
    return PairModel(
        tuple(float(w) for w in table["weights"]),  # type: ignore[union-attr]
        tuple(float(m) for m in table["means"]),  # type: ignore[union-attr]
        tuple(float(s) for s in table["scales"]),  # type: ignore[union-attr]
        float(table["threshold"]),  # type: ignore[arg-type]
    )


def features(lexicon: Lexicon, pieces: list[str], i: int, word: str) -> list[float] | None:
    """The features of putting ``word`` for the loose pair pieces[i], pieces[i + 1]; None when
    ``word`` changes other than one character to one that sounds or looks alike."""
    span = pieces[i] + pieces[i + 1]
    changed = [(a, b) for a, b in zip(span, word, strict=True) if a != b]
    if len(changed) != 1:
        return None
    written, put = changed[0]
    shapes = lexicon.shapes
    same_series = put in shapes.similar.get(written, ()) or put in shapes.series.of(written)
    near = lexicon.sounds_near(written, put)
    if not (near or same_series):
        return None
    second = span[1] != word[1]
    kept = span[0] if second else span[1]
    if kept in GRAMMAR or set(span) & NUMERALS:
        return None  # a function word or a numeral stands as written (重担|在|肩, XX|余|期)
    if put in GRAMMAR and data.report_word_counts()(word) < REPORT_COMMON:
        return None  # a function word put in only where reports write the word often (疫|后 is no 以后)
    before = pieces[i - 1] if i > 0 else ""
    after = pieces[i + 2] if i + 2 < len(pieces) else ""
    pairs = data.report_collocations()
    collocated = bool(before and f"{before} {word}" in pairs) or bool(after and f"{word} {after}" in pairs)
    gain = lexicon.log_probability(word) - lexicon.log_probability(span[0]) - lexicon.log_probability(span[1])
    table = official_counts.counts()
    return [
        math.log1p(lexicon.frequency(word)),
        math.log1p(data.report_word_counts()(word)),
        gain,
        math.log1p(lexicon.frequency(written)),
        math.log1p(lexicon.frequency(kept)),
        float(lexicon.sounds_alike(written, put, tone=True)),
        float(lexicon.sounds_alike(written, put, tone=False)),
        float(near),
        float(same_series),
        float(written in GRAMMAR),
        float(kept in GRAMMAR),
        float(put in GRAMMAR),
        float(collocated),
        float(len(before) == 1 and before not in GRAMMAR),
        float(len(after) == 1 and after not in GRAMMAR),
        float(not before),
        float(not after),
        float(starts_longer_word(lexicon, span)),
        float(word in lexicon.known),
        float(written in NUMERALS or put in NUMERALS),
        float(second),
        math.log1p(table.word(word)) if table else 0.0,
        math.log1p(table.pair(span[0], span[1])) if table else 0.0,
        math.log1p(table.beside(word, before, after)) if table else 0.0,
    ]


# What a pair before a loose function word must score above the threshold: such a pair is as
# often a set pattern (尽|展|其|才) as a slip (作|初|了).
BEFORE_GRAMMAR_MARGIN = 2.0


def scored_correction(
    lexicon: Lexicon, pieces: list[str], i: int, candidates: Iterable[str], margin: float = 0.0
) -> tuple[str, str] | None:
    """Rule 11: of ``candidates`` for the loose pair at pieces[i], the one the model scores
    highest, when that score passes the threshold by ``margin``; with how it was told ("音近"
    or "形近")."""
    trained = model()
    if trained is None:
        return None
    best: tuple[float, str] | None = None
    for word in candidates:
        if len(word) != 2:
            continue
        values = features(lexicon, pieces, i, word)
        if values is None:
            continue
        score = trained.score(values)
        if score >= trained.threshold + margin and (best is None or score > best[0]):
            best = (score, word)
    if best is None:
        return None
    word = best[1]
    written, put = next((a, b) for a, b in zip(pieces[i] + pieces[i + 1], word, strict=True) if a != b)
    return word, "音近" if lexicon.sounds_near(written, put) else "形近"
