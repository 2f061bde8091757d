"""The shipped moderation model: int8 weights per head, Platt calibration, thresholds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from presslens.errors import Errors, PresslensError
from presslens.steps.moderation import features

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "moderation"
HEADS = ("toxicity", "insult", "identity_attack", "threat", "obscene", "spam")


def quantize(weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights and one float scale per head: a quarter of float32's size, same ranking."""
    scales = np.abs(weights).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    quantized = np.round(weights / scales[:, None]).astype(np.int8)
    return quantized, scales.astype(np.float32)


@dataclass(slots=True, frozen=True)
class ModerationModel:
    heads: tuple[str, ...]
    weights: np.ndarray  # (features, heads), float32, C-ordered for the sparse product
    bias: np.ndarray
    slope: np.ndarray
    intercept: np.ndarray
    thresholds: np.ndarray

    def scores(self, texts: list[str]) -> np.ndarray:
        """Calibrated probabilities, one row per text, one column per head."""
        if not texts:
            return np.zeros((0, len(self.heads)), dtype=np.float64)
        margins = np.asarray(features.featurize(texts) @ self.weights, dtype=np.float64)
        margins += self.bias
        return 1.0 / (1.0 + np.exp(-(self.slope * margins + self.intercept)))


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
    if (meta["features"]["word_bits"], meta["features"]["char_bits"]) != (
            features.WORD_BITS, features.CHAR_BITS):
        raise PresslensError(f"moderation model at {path} was trained with other feature sizes; "
                             "retrain with training/train_moderation.py")
    with np.load(weights_path) as stored:
        weights = stored["weights"].astype(np.float32) * stored["scales"][:, None]

    def column(name: str) -> np.ndarray:
        return np.array([params[h][name] for h in heads], dtype=np.float64)

    return ModerationModel(heads, np.ascontiguousarray(weights.T), column("bias"),
                           column("slope"), column("intercept"), column("threshold"))
