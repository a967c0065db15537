"""Train resources/proofread/pair_model.toml, the weights of rule 11 (core/proofread/pair_model.py).

    python scripts/train_pair_model.py [--accept SHARE] FOLDER [FOLDER ...]

Positives: slips planted at random in the seed reports' sentences the way pinyin input makes them
(tests/proofread_eval.random_ime_slips, seeds 21–26 of the same tone and 121–126 of any tone;
the benchmark draws its own with other seeds), each scored where the candidate is the word put
right. Negatives: every candidate of every loose pair in published report text — the seed
reports (../shared/seeds) and every ``*.txt`` of each FOLDER (UTF-8 or GB 18030). The text stays
out of the repository; the file keeps only the weights. A logistic regression over standardised
features, the classes weighted equally; the threshold is set so that SHARE (default 0.05) of the
negatives pass it.
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.base.atomic import atomic_write_text  # noqa: E402
from core.proofread import data, pair_model  # noqa: E402
from core.proofread.lexicon import Lexicon, get_lexicon  # noqa: E402
from core.proofread.slip_corrections import candidate_words, report_like  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / "pair_model.toml"
TRAIN_SEEDS = (21, 22, 23, 24, 25, 26)
ROUNDS = 1500
STEP = 0.5
L2 = 0.05
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def loose_pair_candidates(text: str, lexicon: Lexicon) -> list[tuple[int, int, str, list[float]]]:
    """(start, end, word, features) of every correction rule 11 would score in ``text``."""
    found = []
    pairs = data.report_pairs()
    for run in _HAN_RUN.finditer(text):
        pieces = lexicon.words(run.group())
        offsets = [0]
        for piece in pieces:
            offsets.append(offsets[-1] + len(piece))
        for i in range(len(pieces) - 1):
            if len(pieces[i]) != 1 or len(pieces[i + 1]) != 1:
                continue
            span = pieces[i] + pieces[i + 1]
            if lexicon.frequency(span) or span in pairs:
                continue
            for word in {w for w in candidate_words(lexicon, span, True) if len(w) == 2 and report_like(lexicon, w)}:
                values = pair_model.features(lexicon, pieces, i, word)
                if values is not None:
                    found.append((run.start() + offsets[i], run.start() + offsets[i + 2], word, values))
    return found


def _read(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def training_rows(folders: list[Path], lexicon: Lexicon) -> tuple[list[list[float]], list[int]]:
    from tests.proofread_eval import SEEDS, random_ime_slips

    rows: list[list[float]] = []
    labels: list[int] = []
    cases = []
    for seed in TRAIN_SEEDS:
        cases += random_ime_slips(seed, 240) + random_ime_slips(seed + 100, 240, same_tone=False)
    for case in cases:
        right = case.right[case.start : case.end]
        for start, end, word, values in loose_pair_candidates(case.wrong, lexicon):
            if (start, end, word) == (case.start, case.end, right):
                rows.append(values)
                labels.append(1)
    texts = [p for p in sorted(SEEDS.glob("*.txt"))]
    for folder in folders:
        texts += sorted(folder.glob("*.txt"))
    for path in texts:
        for line in _read(path).splitlines():
            for _, _, _, values in loose_pair_candidates(line, lexicon):
                rows.append(values)
                labels.append(0)
    return rows, labels


def train(rows: list[list[float]], labels: list[int], accept: float) -> dict[str, object]:
    size = len(rows[0])
    means = [sum(r[k] for r in rows) / len(rows) for k in range(size)]
    scales = [math.sqrt(sum((r[k] - means[k]) ** 2 for r in rows) / len(rows)) or 1.0 for k in range(size)]
    standard = [[(r[k] - means[k]) / scales[k] for k in range(size)] for r in rows]
    positives = sum(labels)
    weight_of = {1: 1 / positives, 0: 1 / (len(labels) - positives)}
    weights = [0.0] * (size + 1)
    for _ in range(ROUNDS):
        gradient = [0.0] * (size + 1)
        for values, label in zip(standard, labels, strict=True):
            z = weights[0] + sum(w * v for w, v in zip(weights[1:], values, strict=True))
            error = (1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - label) * weight_of[label]
            gradient[0] += error
            for k, v in enumerate(values, 1):
                gradient[k] += error * v
        weights[0] -= STEP * gradient[0]
        for k in range(1, size + 1):
            weights[k] -= STEP * (gradient[k] + L2 * weights[k])
    model = pair_model.PairModel(tuple(weights), tuple(means), tuple(scales), 0.0)
    negatives = sorted(model.score(r) for r, label in zip(rows, labels, strict=True) if label == 0)
    threshold = negatives[min(len(negatives) - 1, int(len(negatives) * (1 - accept)))]
    caught = sum(model.score(r) >= threshold for r, label in zip(rows, labels, strict=True) if label == 1)
    print(f"{positives} planted slips, {len(negatives)} candidates in published text; at the threshold "
          f"{threshold:.3f}: {caught / positives:.0%} of the slips, {accept:.0%} of the published candidates")
    return {"weights": weights, "means": means, "scales": scales, "threshold": threshold}


def main() -> int:
    args = sys.argv[1:]
    accept = 0.05
    if "--accept" in args:
        at = args.index("--accept")
        accept = float(args[at + 1])
        del args[at : at + 2]
    folders = [Path(a) for a in args]
    for folder in folders:
        if not folder.is_dir():
            raise SystemExit(f"“{folder}”不是文件夹。用法：python scripts/train_pair_model.py [--accept 比例] 文件夹 ...")
    lexicon = get_lexicon()
    assert lexicon is not None
    rows, labels = training_rows(folders, lexicon)
    table = train(rows, labels, accept)

    def numbers(values: object) -> str:
        return "[" + ", ".join(f"{v:.6f}" for v in values) + "]"  # type: ignore[union-attr]

    text = (
        "# 校对规则 11（core/proofread/pair_model.py）的权重：由 scripts/train_pair_model.py 生成，勿手改。\n"
        "# 正例：在种子报告句子里按拼音输入随机植入的别字；反例：已发表报告里同样的候选。只存权重，不存原文。\n"
        f"features = [{', '.join(repr(n) for n in pair_model.FEATURE_NAMES)}]\n"
        f"weights = {numbers(table['weights'])}\n"
        f"means = {numbers(table['means'])}\n"
        f"scales = {numbers(table['scales'])}\n"
        f"threshold = {table['threshold']:.6f}\n"
    )
    atomic_write_text(TARGET, text)
    print(f"写入 {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
