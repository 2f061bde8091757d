"""Persuasion techniques (with spans), genre and frames: the `persuasion` step.

The step class lives in `step.py` and is imported on first use, so that the command line can
import this package's small helpers without loading numpy, scipy and scikit-learn.
"""

from __future__ import annotations

from typing import Any

__all__ = ["PersuasionStep"]


def __getattr__(name: str) -> Any:
    if name == "PersuasionStep":
        from presslens.steps.persuasion.step import PersuasionStep

        return PersuasionStep
    raise AttributeError(name)
