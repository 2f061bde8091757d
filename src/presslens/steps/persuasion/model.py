"""The shipped persuasion model: pruned linear weights in .npz, everything else in JSON.

No pickle: a model is a set of named sparse weight matrices (features x outputs, float16 values)
plus biases, Platt calibration pairs and thresholds, so loading runs no code from the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "persuasion"
#: 2: the frames head reads TF-IDF rows (`frames.idf` in weights.npz)
#: 3: a `span` head (is this token inside a persuasive span, whatever the technique) and a span
#:    decoding per language in `span_decoding`
FORMAT_VERSION = 3


@dataclass(slots=True)
class LinearHead:
    """Sparse weights, a bias per output and Platt scaling (a, b) so p = sigmoid(a*z + b)."""

    weights: sparse.csr_matrix  # n_features x n_outputs
    bias: np.ndarray
    platt_a: np.ndarray
    platt_b: np.ndarray

    def decision(self, X: sparse.csr_matrix) -> np.ndarray:
        product = X @ self.weights  # sparse x sparse stays sparse: densify the small result
        if sparse.issparse(product):
            product = product.toarray()
        return np.asarray(product, dtype=np.float64) + self.bias

    def probability(self, X: sparse.csr_matrix) -> np.ndarray:
        """Calibrated probability of each output for each row."""
        return _sigmoid(self.platt_a * self.decision(X) + self.platt_b)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))


def pack_head(name: str, weights: np.ndarray, bias: np.ndarray, platt: np.ndarray,
              keep: int) -> dict[str, np.ndarray]:
    """Arrays that store one head, keeping the `keep` largest weights of each output.

    `weights` is n_outputs x n_features (scikit-learn's coef_ layout). Small weights of hashed
    n-grams are mostly noise, and pruning them is what keeps the model a few MB.
    """
    rows, cols, values = [], [], []
    for output, row in enumerate(weights):
        if keep < row.size:
            top = np.argpartition(-np.abs(row), keep)[:keep]
        else:
            top = np.arange(row.size)
        top = top[row[top] != 0]
        rows.append(top)
        cols.append(np.full(top.size, output))
        values.append(row[top])
    return {
        f"{name}.features": np.concatenate(rows).astype(np.int32),
        f"{name}.outputs": np.concatenate(cols).astype(np.int16),
        f"{name}.values": np.concatenate(values).astype(np.float16),
        f"{name}.shape": np.array([weights.shape[1], weights.shape[0]], dtype=np.int64),
        f"{name}.bias": np.asarray(bias, dtype=np.float32),
        f"{name}.platt": np.asarray(platt, dtype=np.float32),
    }


def unpack_head(arrays: dict[str, np.ndarray], name: str) -> LinearHead:
    n_features, n_outputs = (int(v) for v in arrays[f"{name}.shape"])
    weights = sparse.csr_matrix(
        (arrays[f"{name}.values"].astype(np.float32),
         (arrays[f"{name}.features"].astype(np.int64), arrays[f"{name}.outputs"].astype(np.int64))),
        shape=(n_features, n_outputs))
    platt = arrays[f"{name}.platt"].astype(np.float64)
    return LinearHead(weights, arrays[f"{name}.bias"].astype(np.float64), platt[0], platt[1])


@dataclass(slots=True)
class PersuasionModel:
    """Everything the step needs: heads for paragraphs, tokens, genre and frames, and thresholds."""

    meta: dict
    paragraph: LinearHead  # first stage: n-grams and cues of one paragraph
    context: LinearHead  # second stage: first-stage scores in the article's context, calibrated
    tagger: LinearHead  # which technique a token belongs to (labels the spans)
    genre: LinearHead
    frames: LinearHead
    frame_idf: np.ndarray  # idf of every n-gram column, for the frames' TF-IDF rows
    span: LinearHead  # where the spans are: one column per group of languages (span_columns)

    @property
    def languages(self) -> list[str]:
        return self.meta["languages"]

    def technique_thresholds(self, language: str | None) -> np.ndarray:
        table = self.meta["technique_thresholds"]
        return np.array(table.get(language or "", table["*"]), dtype=np.float64)

    def span_column(self, language: str | None) -> int:
        """The span head's column for `language` (English has its own, from the 2020 corpus)."""
        columns = self.meta["span_columns"]
        return int(columns.get(language or "", columns["*"]))

    def span_decoding(self, language: str | None) -> dict[str, float]:
        """`low`, `high`, `gap` and `ratio` of the span decoding for `language`."""
        table = self.meta["span_decoding"]
        return dict(table.get(language or "", table["*"]))


def save_model(directory: Path, meta: dict, arrays: dict[str, np.ndarray]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(directory / "weights.npz", **arrays)
    (directory / "model.json").write_text(json.dumps({"format": FORMAT_VERSION, **meta}, indent=1,
                                                     ensure_ascii=False) + "\n", encoding="utf-8")


def load_model(directory: Path = MODEL_DIR) -> PersuasionModel:
    """Read a model folder written by training/train_persuasion.py."""
    meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT_VERSION:
        raise ValueError(f"persuasion model format {meta.get('format')!r} is not {FORMAT_VERSION}")
    with np.load(directory / "weights.npz", allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files}
    heads = (unpack_head(arrays, name)
             for name in ("paragraph", "context", "tagger", "genre", "frames"))
    return PersuasionModel(meta, *heads, arrays["frames.idf"].astype(np.float64),
                           unpack_head(arrays, "span"))
