"""Optional backend: a user's own fine-tuned transformers token classifier, from a local folder.

The folder must hold a model saved with `save_pretrained` (AutoModelForTokenClassification) and
a fast tokenizer; its `id2label` names techniques of `labels.TECHNIQUES` (optionally with a B-/I-
prefix) and "O". Nothing is ever downloaded: loading uses `local_files_only=True`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from presslens.errors import PresslensError
from presslens.local_models import load_token_classifier
from presslens.steps.persuasion.infer import TechniqueSpan
from presslens.steps.persuasion.labels import TECHNIQUES

#: a token's technique probability must reach this when no threshold is given
DEFAULT_THRESHOLD = 0.5


class TransformersBackend:
    """Technique spans from a local token-classification model."""

    def __init__(self, path: str | Path) -> None:
        folder = Path(path)
        self._torch, self.tokenizer, self.model = load_token_classifier(folder, "persuasion")
        self.columns = _technique_columns(self.model.config.id2label)
        if not self.columns:
            raise PresslensError(f"persuasion: no label of {folder} names a technique")

    def spans(self, paragraphs: list[str], threshold: float | None = None) -> list[TechniqueSpan]:
        cut = DEFAULT_THRESHOLD if threshold is None else threshold
        found: list[TechniqueSpan] = []
        for index, paragraph in enumerate(paragraphs):
            if paragraph.strip():
                found += self._paragraph_spans(index, paragraph, cut)
        return found

    def _paragraph_spans(self, index: int, paragraph: str, cut: float) -> list[TechniqueSpan]:
        encoded = self.tokenizer(paragraph, return_offsets_mapping=True, truncation=True,
                                 return_tensors="pt")
        offsets = encoded.pop("offset_mapping")[0].tolist()
        with self._torch.no_grad():
            logits = self.model(**encoded).logits[0]
        probability = self._torch.softmax(logits, dim=-1).numpy()
        found = []
        for technique, columns in self.columns.items():
            score = probability[:, columns].sum(axis=1)
            # special tokens have empty offsets and never start or extend a span
            inside = [(s, e, p) for (s, e), p in zip(offsets, score) if e > s and p >= cut]
            for start, end, best in _join(inside, paragraph):
                found.append(TechniqueSpan(technique, index, start, end, best))
        return found


def _technique_columns(id2label: dict[Any, str]) -> dict[str, list[int]]:
    columns: dict[str, list[int]] = {}
    for column, label in id2label.items():
        name = label[2:] if label[:2] in ("B-", "I-") else label
        if name in TECHNIQUES:
            columns.setdefault(name, []).append(int(column))
    return columns


def _join(tokens: list[tuple[int, int, float]], text: str) -> list[tuple[int, int, float]]:
    """Tokens separated only by whitespace become one span scored by its best token."""
    spans: list[list[Any]] = []
    for start, end, score in tokens:
        if spans and not text[spans[-1][1]:start].strip():
            spans[-1][1] = end
            spans[-1][2] = max(spans[-1][2], float(score))
        else:
            spans.append([start, end, float(score)])
    return [(int(a), int(b), float(np.float64(c))) for a, b, c in spans]
