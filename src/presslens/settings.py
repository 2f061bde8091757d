"""The limits and tunables presslens runs under, in one table (documented in the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Setting:
    name: str
    default: int | float
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("max_input_bytes", 20_000_000, "largest input file or record read, in bytes"),
    Setting("max_decompressed_bytes", 40_000_000, "largest gzip-decompressed input, in bytes"),
    Setting("max_text_chars", 5_000_000, "longest decoded or rendered page text, in characters"),
    Setting("max_comments", 5_000, "most comments parsed from one page"),
    Setting("page_timeout_seconds", 60, "longest time spent on one page before it is failed"),
    Setting("language_sample_chars", 1_500, "characters of body text used to detect the language"),
    Setting("techniques_threshold", -1, "one score threshold for every persuasion technique "
                                        "(negative: the calibrated per-technique thresholds)"),
)

DEFAULTS: dict[str, int | float] = {s.name: s.default for s in SETTINGS}


#: settings a run exports to its worker processes through the environment (steps are built by name,
#: without the run's overrides): PRESSLENS_SETTING_<NAME>
ENVIRONMENT_PREFIX = "PRESSLENS_SETTING_"


def from_environment() -> dict[str, float]:
    """Overrides exported by the command line (`export_to_environment`)."""
    found = {}
    for name in DEFAULTS:
        value = os.environ.get(ENVIRONMENT_PREFIX + name.upper())
        if value is not None:
            found[name] = float(value)
    return found


def export_to_environment(name: str, value: float) -> None:
    """Make an override visible to steps in this process and in worker processes it starts."""
    os.environ[ENVIRONMENT_PREFIX + name.upper()] = repr(float(value))


def get(name: str, overrides: dict[str, int | float] | None = None) -> int | float:
    """The value of setting `name`, taking `overrides` first."""
    if overrides and name in overrides:
        return overrides[name]
    return DEFAULTS[name]
