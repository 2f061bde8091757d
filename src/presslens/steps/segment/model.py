"""The segmenter model at run time: a small MLP in pure numpy, then Viterbi over the lines.

Weights live in `models/segmenter/weights.npz` (plain arrays, no pickle) beside `meta.json`;
`training/train_segmenter.py` writes both.
"""

from __future__ import annotations

import itertools
import json
import threading
from importlib.metadata import PackageNotFoundError, version
from operator import itemgetter
from pathlib import Path
from typing import Iterable

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


class MemberMLPs:
    """Members of one stage: MLPs of the same shape (trained from different seeds) whose
    probabilities are averaged, evaluated as one wider network.

    Seeds give quite different single models (snippet F1 .865 to .883 on the validation pages);
    their average is steadier and better. Fused, the members cost one matrix product per layer:
    the first layers side by side, the later ones block-diagonal. Standardisation is folded
    into the first layer's weights.
    """

    def __init__(self, mean: np.ndarray, scale: np.ndarray,
                 members: list[tuple[list[np.ndarray], list[np.ndarray]]]) -> None:
        self.n_members = len(members)
        self.n_classes = members[0][0][-1].shape[1]
        weights, biases = [], []
        for i in range(len(members[0][0])):
            ws = [m[0][i].astype(np.float64) for m in members]
            bs = [m[1][i].astype(np.float64) for m in members]
            if i == 0:
                w = np.hstack(ws) / scale.astype(np.float64)[:, None]
                b = np.concatenate(bs) - mean.astype(np.float64) @ w
            else:
                w = _block_diagonal(ws)
                b = np.concatenate(bs)
            weights.append(w.astype(np.float32))
            biases.append(b.astype(np.float32))
        self.weights, self.biases = weights, biases

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str = "") -> "MemberMLPs":
        """`{prefix}n_members` members (default 1); member 0's weights are `{prefix}W{i}` and
        `{prefix}b{i}`, member j's `m{j}_{prefix}W{i}` and `m{j}_{prefix}b{i}`."""
        n_layers = int(arrays[f"{prefix}n_layers"])
        members = []
        for j in range(int(arrays.get(f"{prefix}n_members", 1))):
            key = f"m{j}_{prefix}" if j else prefix
            members.append(([arrays[f"{key}W{i}"] for i in range(n_layers)],
                            [arrays[f"{key}b{i}"] for i in range(n_layers)]))
        return cls(arrays[f"{prefix}mean"], arrays[f"{prefix}scale"], members)

    def log_proba(self, x: np.ndarray) -> np.ndarray:
        """Log of the members' mean class probabilities, one row per input row."""
        h = x.astype(np.float32)
        last = len(self.weights) - 1
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            h = h @ w + b
            if i < last:
                np.maximum(h, 0.0, out=h)
        h = h.astype(np.float64).reshape(len(h), self.n_members, self.n_classes)
        h -= h.max(axis=2, keepdims=True)
        np.exp(h, out=h)
        h /= h.sum(axis=2, keepdims=True)
        return np.log(h.mean(axis=1))


#: a lexicon word at or under these log-odds of body marks page furniture (see Lexicon.is_furniture)
FURNITURE_LOG_ODDS = -0.5


class Lexicon:
    """A learned weight per word (log-odds of body against the other labels, from a logistic
    regression over the words of the training pages' lines); a line's score is the sum over the
    lower-cased words of its head, scaled. It learns the furniture vocabulary (and the body's)
    of many sites, beyond the hand-written cue lists."""

    def __init__(self, words: np.ndarray, weights: np.ndarray, bias: float) -> None:
        self.weights = dict(zip((str(w) for w in words), (float(v) for v in weights)))
        self.bias = float(bias)

    def score(self, words: Iterable[str]) -> float:
        """The score of a line from its distinct head words."""
        return float(self._scaled(self._total(words)))

    def scores(self, texts: list[str]) -> np.ndarray:
        """One score per stripped line text (the words come from the features' line cache)."""
        from presslens.steps.segment.features import line_record

        totals = np.fromiter(map(self._total, map(itemgetter(1), map(line_record, texts))),
                             dtype=np.float64, count=len(texts))
        return self._scaled(totals)

    def is_furniture(self, word: str) -> bool:
        """Whether lower-cased `word` is one the training pages use mostly outside articles
        ("comments", "kommentare", "beiträge", "link"): log-odds of FURNITURE_LOG_ODDS or lower."""
        return self.weights.get(word, 0.0) <= FURNITURE_LOG_ODDS

    def _total(self, words: Iterable[str]) -> float:
        return sum(map(self.weights.get, words, itertools.repeat(0.0)))

    def _scaled(self, totals: np.ndarray | float) -> np.ndarray:
        # log-odds past ±8 say nothing more; a quarter keeps the input near the others' scale
        return np.clip(self.bias + totals, -8.0, 8.0) / 4.0

    def arrays(self) -> dict[str, np.ndarray]:
        return {"lex_words": np.array(list(self.weights)),
                "lex_weights": np.array(list(self.weights.values()), dtype=np.float32),
                "lex_bias": np.array(self.bias)}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> "Lexicon | None":
        if "lex_words" not in arrays:
            return None
        return cls(arrays["lex_words"], arrays["lex_weights"], float(arrays["lex_bias"]))


def _block_diagonal(blocks: list[np.ndarray]) -> np.ndarray:
    out = np.zeros((sum(b.shape[0] for b in blocks), sum(b.shape[1] for b in blocks)))
    row = col = 0
    for block in blocks:
        out[row:row + block.shape[0], col:col + block.shape[1]] = block
        row, col = row + block.shape[0], col + block.shape[1]
    return out


class SegmenterModel:
    """Line classifier (members' MLPs: standardise → hidden ReLU layers → softmax), an optional
    stacked second stage over its probabilities in context, then the most likely label sequence."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict) -> None:
        self.meta = meta
        self.first_stage = MemberMLPs.from_arrays(arrays)
        # optional second (stacked) stage over the first stage's probabilities in context
        self.second_stage = MemberMLPs.from_arrays(arrays, "s2_") if "s2_n_layers" in arrays \
            else None
        self.lexicon = Lexicon.from_arrays(arrays)
        self.decoder = Decoder(arrays["log_transitions"], arrays["log_start"], arrays["log_prior"],
                               float(arrays["prior_weight"]))
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

    def first_stage_log_proba(self, features: np.ndarray) -> np.ndarray:
        """The per-line classifier's log class probabilities (before stacking)."""
        return self.first_stage.log_proba(features)

    def second_stage_log_proba(self, stacked: np.ndarray) -> np.ndarray:
        """The stacked stage's log class probabilities from its inputs (`stack_features`)."""
        if self.second_stage is None:
            raise PresslensError(f"the {MODEL_NAME} model has no second stage")
        return self.second_stage.log_proba(stacked)

    def log_proba(self, features: np.ndarray, texts: list[str]) -> np.ndarray:
        """Log class probabilities, one row per line, columns in LABELS order; `texts` are the
        stripped lines the feature rows describe."""
        first = self.first_stage_log_proba(features)
        if self.second_stage is None or len(first) == 0:
            return first
        from presslens.steps.segment.features import stack_features

        lexical = self.lexicon.scores(texts) if self.lexicon is not None else None
        return self.second_stage_log_proba(stack_features(features, np.exp(first), lexical))

    def decode(self, log_proba: np.ndarray, allowed: np.ndarray | None = None) -> np.ndarray:
        return self.decoder.decode(log_proba, allowed)


class Decoder:
    """Viterbi over the lines with learned label transitions (the model's sequence part)."""

    def __init__(self, log_transitions: np.ndarray, log_start: np.ndarray, log_prior: np.ndarray,
                 prior_weight: float) -> None:
        # per label, the log transitions into it from each label: the inner loop's rows
        self._into = np.asarray(log_transitions, dtype=np.float64).T.tolist()
        self.log_start = np.asarray(log_start, dtype=np.float64)
        self.log_prior = np.asarray(log_prior, dtype=np.float64)
        self.prior_weight = prior_weight

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
