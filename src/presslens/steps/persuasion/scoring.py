"""The measures of the persuasion benchmark, written out so training and benchmark agree."""

from __future__ import annotations

import numpy as np


def micro_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    """Micro-F1 over (row, label) pairs of two boolean matrices (the subtask-2/3 measure)."""
    true_positive = float((gold & predicted).sum())
    total = float(gold.sum() + predicted.sum())
    return 2 * true_positive / total if total else 1.0


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
    Gold spans of an article are merged first when they overlap, as the task's scorer expects.
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


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined into maximal ones."""
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]
