"""The segmenter model at run time: a small MLP in pure numpy, then Viterbi over the lines.

Weights live in `models/segmenter/weights.npz` (plain arrays, no pickle) beside `meta.json`;
`training/train_segmenter.py` writes both.
"""

from __future__ import annotations

import json
import threading
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from presslens.document import SEGMENT_LABELS
from presslens.errors import Errors, PresslensError

MODEL_NAME = "segmenter"
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / MODEL_NAME
LABELS = SEGMENT_LABELS  # column order of the model's outputs
NEG_INF = -1e9


def presslens_version() -> str:
    try:
        return version("presslens")
    except PackageNotFoundError:
        return "unknown"


def _check_features(meta: dict) -> None:
    """A model is only valid for the features it was trained on, in the same order."""
    from presslens.steps.segment.features import feature_names

    expected, actual = meta.get("features"), feature_names()
    if expected != actual:
        detail = (f"{len(expected or [])} trained, {len(actual)} computed" if expected is None
                  or len(expected) != len(actual) else
                  f"first difference: {next(a for a, b in zip(expected, actual) if a != b)!r}")
        raise PresslensError(Errors.P031.format(name=MODEL_NAME, detail=detail,
                                                script="train_segmenter.py"))


class SegmenterModel:
    """Standardise → hidden ReLU layers → softmax, then the most likely label sequence."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict) -> None:
        self.meta = meta
        self.mean = arrays["mean"].astype(np.float32)
        self.scale = arrays["scale"].astype(np.float32)
        n_layers = int(arrays["n_layers"])
        self.weights = [arrays[f"W{i}"].astype(np.float32) for i in range(n_layers)]
        self.biases = [arrays[f"b{i}"].astype(np.float32) for i in range(n_layers)]
        # optional second (stacked) stage over the first stage's probabilities in context
        self.stacked = "s2_n_layers" in arrays
        if self.stacked:
            n2 = int(arrays["s2_n_layers"])
            self.s2_mean = arrays["s2_mean"].astype(np.float32)
            self.s2_scale = arrays["s2_scale"].astype(np.float32)
            self.s2_weights = [arrays[f"s2_W{i}"].astype(np.float32) for i in range(n2)]
            self.s2_biases = [arrays[f"s2_b{i}"].astype(np.float32) for i in range(n2)]
        self.log_transitions = arrays["log_transitions"].astype(np.float64)
        # per label, the log transitions into it from each label: the decoder's inner loop
        self._into = self.log_transitions.T.tolist()
        self.log_start = arrays["log_start"].astype(np.float64)
        self.log_prior = arrays["log_prior"].astype(np.float64)
        self.prior_weight = float(arrays["prior_weight"])
        labels = [str(x) for x in arrays["labels"]]
        if tuple(labels) != LABELS:
            raise PresslensError(f"segmenter model labels {labels} do not match {list(LABELS)}")

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> "SegmenterModel":
        weights = directory / "weights.npz"
        meta_path = directory / "meta.json"
        if not weights.exists() or not meta_path.exists():
            raise PresslensError(Errors.P030.format(
                name=MODEL_NAME, path=directory, script="train_segmenter.py"))
        with np.load(weights, allow_pickle=False) as data:
            arrays = {key: data[key] for key in data.files}
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        _check_features(meta)
        return cls(arrays, meta)

    @staticmethod
    def _mlp(x: np.ndarray, mean, scale, weights, biases) -> np.ndarray:
        h = (x.astype(np.float32) - mean) / scale
        last = len(weights) - 1
        for i, (w, b) in enumerate(zip(weights, biases)):
            h = h @ w + b
            if i < last:
                np.maximum(h, 0.0, out=h)
        h = h.astype(np.float64)
        h -= h.max(axis=1, keepdims=True)
        return h - np.log(np.exp(h).sum(axis=1, keepdims=True))

    def first_stage_log_proba(self, features: np.ndarray) -> np.ndarray:
        """The per-line classifier's log class probabilities (before stacking)."""
        return self._mlp(features, self.mean, self.scale, self.weights, self.biases)

    def log_proba(self, features: np.ndarray) -> np.ndarray:
        """Log class probabilities, one row per line, columns in LABELS order."""
        first = self.first_stage_log_proba(features)
        if not self.stacked or len(first) == 0:
            return first
        from presslens.steps.segment.features import stack_features

        stacked = stack_features(features, np.exp(first))
        return self._mlp(stacked, self.s2_mean, self.s2_scale, self.s2_weights, self.s2_biases)

    def decode(self, log_proba: np.ndarray, allowed: np.ndarray | None = None) -> np.ndarray:
        """Viterbi: label indices maximising emissions plus learned label transitions.

        `allowed` (lines × labels, bool) forbids labels per line, e.g. where HTML extraction
        already decided a line.
        """
        n = log_proba.shape[0]
        if n == 0:
            return np.zeros(0, dtype=np.int64)
        # hybrid emission: posterior over prior, damped, is a scaled likelihood
        emit = log_proba - self.prior_weight * self.log_prior
        if allowed is not None:
            emit = np.where(allowed, emit, NEG_INF)
        return np.array(_viterbi(emit.tolist(), (self.log_start + emit[0]).tolist(), self._into),
                        dtype=np.int64)


def _viterbi(emit: list[list[float]], start: list[float], into: list[list[float]]) -> list[int]:
    """The best label path. Plain Python: with five labels, NumPy's per-call overhead on
    5x5 arrays costs twice the arithmetic (about 0.5 ms against 0.25 ms for a page).
    `into[j][i]` is the log transition from label i to label j."""
    labels = range(len(start))
    others = range(1, len(start))  # label 0 is each maximum's starting guess
    score = start
    back: list[list[int]] = []
    for row in emit[1:]:
        pointers, new = [], []
        for j in labels:
            weights = into[j]
            best_i, best = 0, score[0] + weights[0]
            for i in others:
                value = score[i] + weights[i]
                if value > best:
                    best_i, best = i, value
            pointers.append(best_i)
            new.append(best + row[j])
        back.append(pointers)
        score = new
    path = [max(labels, key=score.__getitem__)]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    path.reverse()
    return path


_model: SegmenterModel | None = None
_lock = threading.Lock()


def get_model() -> SegmenterModel:
    """The shipped segmenter, loaded once per process."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = SegmenterModel.load()
    return _model
