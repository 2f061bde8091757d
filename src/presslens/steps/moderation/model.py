"""The shipped moderation model, in two stages, and its calibration.

Stage 1: one linear head per label over hashed word and character n-grams (features.py);
int8 weights with a scale per head. Stage 2: per label, a small logistic regression over the
six stage-1 margins, the stance cues (cues.py) and their products, so that, say, the
identity-attack margin can count for less when the comment rejects or reports what it quotes.
Then Platt scaling and a threshold per label, both fitted on the dev split.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from presslens.errors import Errors, PresslensError
from presslens.steps.moderation import cues, features

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "moderation"
HEADS = ("toxicity", "insult", "identity_attack", "threat", "obscene", "spam")


def quantize(weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights and one float scale per head: a quarter of float32's size, same ranking."""
    scales = np.abs(weights).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    quantized = np.round(weights / scales[:, None]).astype(np.int8)
    return quantized, scales.astype(np.float32)


def stack_inputs(margins: np.ndarray, flags: np.ndarray) -> np.ndarray:
    """Stage-2 inputs: stage-1 margins, cue flags, and every margin times every cue."""
    products = (margins[:, :, None] * flags[:, None, :]).reshape(len(margins), -1)
    return np.hstack([margins, flags, products])


@dataclass(slots=True, frozen=True)
class ModerationModel:
    heads: tuple[str, ...]
    weights: np.ndarray  # stage 1, (features, heads), float32, C-ordered for the sparse product
    bias: np.ndarray
    stack_coef: np.ndarray  # stage 2, (heads, stack inputs)
    stack_intercept: np.ndarray
    slope: np.ndarray
    intercept: np.ndarray
    thresholds: np.ndarray
    group_mask: bool = False  # trained on group-masked features (features.GROUP_MASK)

    def margins(self, norms: list[str]) -> np.ndarray:
        """Stage-1 margins of normalised texts, one column per head."""
        matrix = features.featurize_normalized(norms, self.group_mask)
        return np.asarray(matrix @ self.weights, dtype=np.float64) + self.bias

    def scores(self, texts: list[str]) -> np.ndarray:
        """Calibrated probabilities, one row per text, one column per head."""
        if not texts:
            return np.zeros((0, len(self.heads)), dtype=np.float64)
        norms = [features.normalize(t or "") for t in texts]
        stacked = stack_inputs(self.margins(norms), cues.cue_flags(norms))
        second = stacked @ self.stack_coef.T + self.stack_intercept
        return 1.0 / (1.0 + np.exp(-(self.slope * second + self.intercept)))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_DIR) -> ModerationModel:
    """Read the model once per process."""
    meta_path, weights_path = path / "meta.json", path / "weights.npz"
    if not (meta_path.exists() and weights_path.exists()):
        raise PresslensError(Errors.P030.format(name="moderation", path=path,
                                                script="train_moderation.py"))
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    params = meta["head_params"]
    heads = tuple(meta["heads"])
    expected = {"word_bits": features.WORD_BITS, "char_bits": features.CHAR_BITS,
                "cues": list(cues.NAMES)}
    if any(meta["features"].get(k) != v for k, v in expected.items()):
        raise PresslensError(f"moderation model at {path} was trained with other features; "
                             "retrain with training/train_moderation.py")
    with np.load(weights_path) as stored:
        weights = stored["weights"].astype(np.float32) * stored["scales"][:, None]
        stack_coef = stored["stack_coef"].astype(np.float64)

    def column(name: str) -> np.ndarray:
        return np.array([params[h][name] for h in heads], dtype=np.float64)

    return ModerationModel(heads, np.ascontiguousarray(weights.T), column("bias"), stack_coef,
                           column("stack_intercept"), column("slope"), column("intercept"),
                           column("threshold"), bool(meta["features"].get("group_mask", False)))
