"""Optional recogniser: a user's own transformers token classifier, from a local folder.

For the languages without a built-in model (German, Italian, Spanish, Polish, Russian … get
only the gazetteer) or for a larger English model than the shipped one. The folder must hold a
model saved with `save_pretrained` (AutoModelForTokenClassification) and a fast tokenizer; its
`id2label` uses BIO or BIOES tags over PER/ORG/LOC/MISC or OntoNotes names (PERSON, GPE, NORP …),
which are mapped like the spaCy models' labels. Nothing is ever downloaded: loading uses
`local_files_only=True`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import numpy as np

from presslens.errors import PresslensError
from presslens.local_models import load_token_classifier

#: word pieces per window; long texts are read in overlapping windows
MAX_PIECES = 256
#: pieces two neighbouring windows share, so every word is read with some context on both sides
STRIDE = 64
#: tags that extend the open name (B and S open one, E and S close it)
_INSIDE = ("I", "E")


class TransformersRecognizer:
    """`(start, end, label)` name spans of texts from a local token-classification model."""

    def __init__(self, path: str | Path, label_map: dict[str, str], labels: Iterable[str]) -> None:
        folder = Path(path)
        self._torch, self.tokenizer, self.model = load_token_classifier(folder, "entities")
        self.tags = tag_table(self.model.config.id2label, label_map, set(labels))
        if not any(label for _, label in self.tags):
            raise PresslensError(f"entities: no label of {folder} names PER, ORG, LOC or MISC")
        # the tokenizer's limit may be unset (a huge number); the position table is not
        positions = getattr(self.model.config, "max_position_embeddings", MAX_PIECES) - 2
        self.window = min(MAX_PIECES, self.tokenizer.model_max_length, positions)
        self.stride = min(STRIDE, self.window // 4)

    def __call__(self, texts: Iterable[str]) -> list[list[tuple[int, int, str]]]:
        return [self._spans(text) if text.strip() else [] for text in texts]

    def _spans(self, text: str) -> list[tuple[int, int, str]]:
        encoded = self.tokenizer(text, return_offsets_mapping=True, truncation=True,
                                 max_length=self.window, stride=self.stride,
                                 return_overflowing_tokens=True, padding=True,
                                 return_tensors="pt")
        offsets = encoded.pop("offset_mapping").tolist()
        encoded.pop("overflow_to_sample_mapping", None)
        with self._torch.no_grad():
            logits = self.model(**encoded).logits.numpy()
        words = word_tags([encoded.word_ids(w) for w in range(len(offsets))], offsets,
                          logits.argmax(axis=-1))
        return decode(words, self.tags)


def tag_table(id2label: dict[Any, str], label_map: dict[str, str],
              labels: set[str]) -> list[tuple[str, str | None]]:
    """Per output column, (BIO/BIOES prefix, presslens label or None for O and unknown types)."""
    table: list[tuple[str, str | None]] = [("O", None)] * len(id2label)
    for column, name in id2label.items():
        if name == "O":
            continue
        # "B-PER", "I-GPE", "S-ORG"; bare types ("PER", "NORP") are IO tags: a run of one type
        # is one name
        prefix, _, kind = name.partition("-") if name[1:2] == "-" else ("I", "", name)
        label = label_map.get(kind, kind)
        table[int(column)] = (prefix, label if label in labels else None)
    return table


def word_tags(word_ids: list[list[int | None]], offsets: list[list[list[int]]],
              predicted: np.ndarray) -> list[tuple[int, int, int]]:
    """(start, end, predicted column) per word, in text order, from overlapping windows.

    A word's column is its first piece's, taken from the window where that piece has the most
    context on both sides; its extent is the union of its pieces' character offsets.
    """
    words: dict[int, list[int]] = {}  # word id -> [start, end, column, centrality]
    for w, ids in enumerate(word_ids):
        n = len(ids)
        seen: set[int] = set()
        for position, word in enumerate(ids):
            if word is None:
                continue
            start, end = offsets[w][position]
            centrality = min(position, n - 1 - position)
            entry = words.get(word)
            if entry is None:
                words[word] = [start, end, int(predicted[w][position]), centrality]
            else:
                entry[0], entry[1] = min(entry[0], start), max(entry[1], end)
                if word not in seen and centrality > entry[3]:
                    entry[2], entry[3] = int(predicted[w][position]), centrality
            seen.add(word)
    return [(s, e, column) for s, e, column, _ in (words[k] for k in sorted(words))]


def decode(words: list[tuple[int, int, int]],
           tags: list[tuple[str, str | None]]) -> list[tuple[int, int, str]]:
    """Name spans from tagged words: B/S (or a type change) opens a span, I/E of the same type
    extends it, O or an unknown type closes it."""
    spans: list[list[Any]] = []
    open_label: str | None = None
    for start, end, column in words:
        prefix, label = tags[column]
        if label is None:
            open_label = None
        elif prefix in _INSIDE and label == open_label:
            spans[-1][1] = end
        else:
            spans.append([start, end, label])
            open_label = label
        if prefix in ("E", "S"):
            open_label = None
    return [(s, e, label) for s, e, label in spans]
