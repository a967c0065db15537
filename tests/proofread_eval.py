"""The proofreading evaluation, shared by benchmarks/bench_proofreading.py and the tests.

Cases are our own report sentences (tests/fixtures/proofread/dev.txt and held.txt), each with
one planted slip written ``{wrong→right}``. A case is *caught* when a finding overlaps the
planted span, and *named* when applying that finding's 一键修正 gives the right sentence. The
right sentence is a clean control; so are our clean paragraphs (clean.txt), the hand-written
samples and the five real seed reports: any finding of a text check there is a false alarm
(the seeds' masks xx/XX/** and their long sentences are true findings and not counted).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.checks import run_checks
from core.checks.proofreading import PROOFREADING_CHECKS
from core.draft.model import Report, Section
from core.proofread.sounds import plain_syllable
from core.text.findings import Finding, fixed_text
from core.text.textslots import iter_slots

if TYPE_CHECKING:
    from core.proofread.lexicon import Lexicon

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "proofread"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
CLASSES = {
    "typo": "错别字与易混词",
    "de": "的/地/得",
    "formulation": "规范表述与其中的数字",
    "punct": "标点",
    "doubled": "重复字词",
}
# Checks whose findings on clean text are false alarms (structure checks read the outline,
# placeholder and long-sentence findings on the seeds are true).
TEXT_CHECKS = (*PROOFREADING_CHECKS, "repeated_char", "halfwidth_punct", "unpaired")
_PLANTED = re.compile(r"\{(.*?)→(.*?)\}")


@dataclass(frozen=True)
class Case:
    kind: str
    wrong: str
    right: str
    start: int  # the planted span in ``wrong``
    end: int
    line: int


def load_cases(name: str | Path) -> list[Case]:
    """The cases of ``name`` in tests/fixtures/proofread, or of the file at a path given as such."""
    cases = []
    path = name if isinstance(name, Path) else FIXTURES / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, sentence = line.split("\t")
        match = _PLANTED.search(sentence)
        if kind not in CLASSES or match is None:
            raise ValueError(f"{path}:{number}: expected 类别<TAB>…{{错→对}}…")
        head, tail = sentence[: match.start()], sentence[match.end() :]
        wrong, right = match.group(1), match.group(2)
        cases.append(
            Case(kind, head + wrong + tail, head + right + tail, len(head), len(head) + len(wrong), number)
        )
    return cases


def paragraph_report(paragraphs: Iterable[str]) -> Report:
    report = Report(kind="work_report", title="")
    report.sections = [Section(heading="", body=list(paragraphs))]
    return report


def text_findings(report: Report) -> list[Finding]:
    return [f for f in run_checks(report) if f.check in TEXT_CHECKS]


@dataclass
class ClassScore:
    planted: int = 0
    caught: int = 0
    named: int = 0
    missed: list[Case] = field(default_factory=list)


@dataclass
class Score:
    classes: dict[str, ClassScore]
    control_chars: int
    control_alarms: list[tuple[str, Finding]]

    @property
    def planted(self) -> int:
        return sum(c.planted for c in self.classes.values())

    @property
    def caught(self) -> int:
        return sum(c.caught for c in self.classes.values())


def score_cases(cases: list[Case]) -> Score:
    """Run the checks once over all wrong sentences and once over all right ones."""
    classes = {kind: ClassScore() for kind in CLASSES}
    wrong_report = paragraph_report(c.wrong for c in cases)
    by_index: dict[int, list[Finding]] = {}
    for finding in text_findings(wrong_report):
        by_index.setdefault(finding.index, []).append(finding)
    for index, case in enumerate(cases):
        score = classes[case.kind]
        score.planted += 1
        hits = [f for f in by_index.get(index, []) if f.start < case.end and case.start < f.end]
        if hits:
            score.caught += 1
            if any(fixed_text(case.wrong, f) == case.right for f in hits):
                score.named += 1
        else:
            score.missed.append(case)
    right_report = paragraph_report(c.right for c in cases)
    alarms = [(cases[f.index].right, f) for f in text_findings(right_report)]
    return Score(classes, sum(len(c.right) for c in cases), alarms)


def clean_paragraphs() -> list[str]:
    lines = (FIXTURES / "clean.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def clean_reports() -> Iterator[tuple[str, Report]]:
    """(name, report) for every clean text we hold: ours, the samples and the seeds."""
    from core.importing.importer import parse_text
    from tests.golden.samples import SAMPLES

    yield "clean.txt", paragraph_report(clean_paragraphs())
    for kind, build in SAMPLES.items():
        yield f"sample:{kind}", build()
    for path in sorted(SEEDS.glob("0*.txt")):
        yield f"seed:{path.name[:3]}", parse_text(path.read_text(encoding="utf-8")).report


def report_chars(report: Report) -> int:
    return sum(len(slot.text) for slot in iter_slots(report))


def seed_sentences() -> list[str]:
    """The sentences of the five real seed reports (without the masked ones: xx, **)."""
    sentences = []
    for name, report in clean_reports():
        if name.startswith("seed:"):
            for slot in iter_slots(report):
                sentences += [s for s in re.split(r"(?<=[。；！？])", slot.text) if _PLAIN_SENTENCE.fullmatch(s)]
    return sentences


_PLAIN_SENTENCE = re.compile(r"[^xX*]{12,80}")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
# A character an input method offers for its syllable: one jieba saw at least this often alone.
IME_CHARACTER = 500


def _planted_at_random(
    seed: int, count: int, draw: Callable[[random.Random, str, set[str]], tuple[int, str, str] | None]
) -> list[Case]:
    """``count`` slips, at most one in each of the seeds' sentences taken in a random order:
    ``draw`` picks (offset, word, slip) in a sentence, or None, and never a slip already planted
    (a report that writes one twice has coined it)."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    rng.shuffle(sentences)
    cases: list[Case] = []
    planted: set[str] = set()
    for sentence in sentences:
        found = draw(rng, sentence, planted)
        if found is None:
            continue
        at, word, slip = found
        planted.add(slip)
        wrong = sentence[:at] + slip + sentence[at + len(word) :]
        cases.append(Case("typo", wrong, sentence, at, at + len(word), len(cases) + 1))
        if len(cases) == count:
            break
    return cases


def random_ime_slips(seed: int, count: int, same_tone: bool = True) -> list[Case]:
    """``count`` slips the way pinyin input makes them, planted at random in the seeds' sentences:
    one character of a common word (jieba 100+) put for a common character of the same syllable
    (and tone, when ``same_tone``) where that makes no word — 党员 → 挡员, 提升 → 提生. Not
    hand-picked: recall on them is how the sound rules generalise, beside the planted sets
    written by hand."""
    from core.proofread.lexicon import get_lexicon

    lexicon = get_lexicon()
    assert lexicon is not None
    readings = lexicon.readings
    by_sound: dict[str, list[tuple[str, int]]] = {}
    for code in range(0x4E00, 0x9FA6):
        ch = chr(code)
        freq = lexicon.freq.get(ch, 0)
        reading = readings.toned(ch) if same_tone else readings.plain(ch)
        if freq >= IME_CHARACTER and reading is not None:
            by_sound.setdefault(reading, []).append((ch, freq))

    def draw(rng: random.Random, sentence: str, planted: set[str]) -> tuple[int, str, str] | None:
        at, spans = 0, []
        for piece in lexicon.words(sentence):
            # jieba's own counts: the draw does not move when our word lists grow.
            if _HAN_WORD.fullmatch(piece) and lexicon.freq.get(piece, 0) >= 100:
                spans.append((at, piece))
            at += len(piece)
        if not spans:
            return None
        at, word = rng.choice(spans)
        position = rng.randrange(len(word))
        # The sound the word gives the character (调 in 协调 is tiáo), as a clerk types it.
        toned = lexicon.reading_in(word, position)
        reading = toned if same_tone or toned is None else plain_syllable(toned)
        pool = [(ch, f) for ch, f in by_sound.get(reading or "", []) if ch != word[position]]
        if not pool:
            return None
        # An input method lists the commonest characters first: a slip picks those most.
        other = rng.choices([ch for ch, _ in pool], weights=[f for _, f in pool])[0]
        slip = word[:position] + other + word[position + 1 :]
        if slip in lexicon.freq or slip in planted:
            return None
        return at, word, slip

    return _planted_at_random(seed, count, draw)


def random_homophone_words(seed: int, count: int) -> list[Case]:
    """``count`` real words put for real words of the same sound, planted at random in the seeds'
    sentences: a two-character word the reports use (report_words.txt) with one character put for
    one of the same syllable and tone that makes another dictionary word, one the reports never
    write — 攻关 → 公关, 矛盾 → 茅盾. The slip is a word, so only its context tells."""
    from core.proofread import data
    from core.proofread.lexicon import get_lexicon

    lexicon = get_lexicon()
    assert lexicon is not None
    report_count = data.report_word_counts()

    def draw(rng: random.Random, sentence: str, planted: set[str]) -> tuple[int, str, str] | None:
        at, options = 0, []
        for piece in lexicon.words(sentence):
            if len(piece) == 2 and _HAN_WORD.fullmatch(piece) and report_count(piece) >= 3:
                for position, ch in enumerate(piece):
                    for other in lexicon.same_syllable(ch):
                        slip = piece[:position] + other + piece[position + 1 :]
                        if lexicon.freq.get(slip, 0) >= 20 and not report_count(slip) and slip not in planted:
                            options.append((at, piece, slip))
            at += len(piece)
        return rng.choice(options) if options else None

    return _planted_at_random(seed, count, draw)


# The particle slips random_particle_slips plants: (particle written, particle meant, what the
# words around must be), each named as the bench prints it.
PARTICLE_SLIPS = {
    "地→的（状语）": ("地", "的"),
    "得→的（补语）": ("得", "的"),
    "得→地（补语）": ("得", "地"),
    "的→地（定语）": ("的", "地"),
}
_SENTENCE = re.compile(r"[^。；！？\n]{10,80}[。；！？]")


def text_sentences(texts: Iterable[str]) -> list[str]:
    """The sentences of ``texts`` of 11 to 81 characters, in order."""
    return [s.strip() for text in texts for s in _SENTENCE.findall(text)]


def random_particle_slips(sentences: list[str], seed: int, name: str, count: int) -> list[Case]:
    """``count`` 的/地/得 slips of the kind ``name`` (PARTICLE_SLIPS) planted at random, one in
    each of ``sentences`` taken in a random order that raises no particle finding as written:
    地 after an adverbial of two characters or more before a verb written 的; 得 after a verb
    written 的 or 地; 的 between an adjective and a noun that is no verb written 地. Real
    sentences and slips no one chose: recall on them is how the particle rules generalise."""
    from core.proofread.lexicon import get_lexicon
    from core.proofread.particles import find_particle_slips

    lexicon = get_lexicon()
    assert lexicon is not None
    meant, written = PARTICLE_SLIPS[name]
    rng = random.Random(seed)
    order = list(sentences)
    rng.shuffle(order)
    cases: list[Case] = []
    for sentence in order:
        pieces = lexicon.words(sentence)
        at = 0
        for i, piece in enumerate(pieces):
            if piece == meant and 0 < i < len(pieces) - 1 and _particle_slot(meant, pieces[i - 1], pieces[i + 1], lexicon):
                break
            at += len(piece)
        else:
            continue
        if find_particle_slips(sentence, lexicon):
            continue  # the sentence as published already alarms (or holds a slip of its own)
        wrong = sentence[:at] + written + sentence[at + 1 :]
        cases.append(Case("de", wrong, sentence, at, at + 1, len(cases) + 1))
        if len(cases) == count:
            break
    return cases


def _particle_slot(meant: str, before: str, after: str, lexicon: Lexicon) -> bool:
    """Do the words ``before`` and ``after`` make ``meant`` the particle a slip can be planted on?"""
    if meant == "地":
        return after in lexicon.verbs and len(before) >= 2
    if meant == "得":
        return before in lexicon.verbs
    return after in lexicon.nouns and after not in lexicon.verbs and len(before) >= 2 and before in lexicon.adjectives
