"""The measures of the persuasion benchmark, written out so training and benchmark agree."""

from __future__ import annotations

import numpy as np


def micro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    """Micro-F1 over (row, label) pairs of two boolean matrices (the subtask-2/3 measure)."""
    true_positive = float((gold & predicted).sum())
    total = float(gold.sum() + predicted.sum())
    return 2 * true_positive / total if total else 1.0


#: candidate probability cuts of the threshold search
THRESHOLD_GRID = tuple(np.round(np.arange(0.04, 0.80, 0.02), 2)) + (1.01,)


def micro_thresholds(probability: np.ndarray, gold: np.ndarray, passes: int = 2) -> list[float]:
    """Per-label cuts (columns of `probability`) that maximise micro-F1 over all (row, label)
    pairs: one shared cut first, then each label's cut in turn (coordinate ascent over
    THRESHOLD_GRID). Fed with out-of-fold scores, never with held-out ones.

    A cut that maximises each label's own F1 is far too low for the micro measure: a rare
    technique predicted on every paragraph that might hold it adds more false pairs than true
    ones. 1.01 switches a label off; a label with no positive example is always off.
    """
    def score(cut: np.ndarray) -> float:
        return micro_f1(gold, probability >= cut)

    shared = max(THRESHOLD_GRID[:-1], key=lambda c: score(np.full(gold.shape[1], c)))
    cut = np.where(gold.any(axis=0), shared, 1.01)
    for _ in range(passes):
        for j in np.flatnonzero(gold.any(axis=0)):
            best, best_cut = -1.0, cut[j]
            for candidate in THRESHOLD_GRID:
                cut[j] = candidate
                value = score(cut)
                if value > best + 1e-9:
                    best, best_cut = value, candidate
            cut[j] = best_cut
    return [float(c) for c in cut]


def macro_f1(gold: list[str], predicted: list[str], labels: tuple[str, ...]) -> float:
    """Macro-F1 over the labels that occur in gold or predictions (the subtask-1 measure)."""
    scores = []
    for label in labels:
        g = np.array([x == label for x in gold])
        p = np.array([x == label for x in predicted])
        if g.any() or p.any():
            scores.append(2 * float((g & p).sum()) / float(g.sum() + p.sum()))
    return float(np.mean(scores)) if scores else 0.0


def span_f1(gold: dict[str, list[tuple[int, int]]],
            predicted: dict[str, list[tuple[int, int]]]) -> dict[str, float]:
    """Span identification with partial credit, the SemEval-2020 Task 11 SI formula.

    Precision sums, over predicted spans s and gold spans t of the same article, |s ∩ t| / |s|
    and divides by the number of predicted spans; recall does the same with |t| and gold spans.
    The spans of an article (gold and predicted) are merged first where they overlap, as the
    task's scorer does with its `-m` option: it merges two spans when their sets of character
    offsets intersect, so spans that only touch (`[0, 5)` and `[5, 9)`) stay two spans.
    """
    precision_sum = recall_sum = 0.0
    n_predicted = n_gold = 0
    for article in set(gold) | set(predicted):
        g = merge(gold.get(article, []))
        p = merge(predicted.get(article, []))
        n_gold += len(g)
        n_predicted += len(p)
        for s_start, s_end in p:
            for t_start, t_end in g:
                overlap = min(s_end, t_end) - max(s_start, t_start)
                if overlap > 0:
                    precision_sum += overlap / (s_end - s_start)
                    recall_sum += overlap / (t_end - t_start)
    precision = precision_sum / n_predicted if n_predicted else 0.0
    recall = recall_sum / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def calibration_error(gold: np.ndarray, probability: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: over equal-width probability bins, the gap between the mean
    score and the share of positives, weighted by the bin's size."""
    gold, probability = np.asarray(gold, dtype=float).ravel(), np.asarray(probability).ravel()
    if not probability.size:
        return 0.0
    which = np.minimum((probability * bins).astype(int), bins - 1)
    error = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            error += inside.sum() * abs(probability[inside].mean() - gold[inside].mean())
    return float(error / probability.size)


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined into maximal ones; spans that only touch stay apart (the
    SemEval scorer joins spans that share a character, and `[0, 5)`, `[5, 9)` share none)."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]
