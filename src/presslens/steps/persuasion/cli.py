"""The persuasion parts of the command line: `--techniques-threshold` and `presslens techniques`."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from contextlib import contextmanager
from typing import Any, Iterator

from presslens import settings

SETTING = "techniques_threshold"
TOP_SPANS = 5


def threshold_value(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {number}")
    return number


def add_threshold_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--techniques-threshold", type=threshold_value, metavar="X",
                        help="one score threshold (0-1) for every persuasion technique, instead "
                             "of the calibrated per-technique thresholds")


def add_techniques_command(commands: Any) -> None:
    techniques = commands.add_parser(
        "techniques", help="persuasion techniques per page: counts and the top spans")
    techniques.add_argument("paths", nargs="+", metavar="PATH",
                            help="file, directory (recursive) or - for stdin")
    techniques.add_argument("--top", type=int, default=TOP_SPANS, metavar="N",
                            help="spans shown per page (default %(default)s)")
    add_threshold_option(techniques)


@contextmanager
def threshold_scope(args: argparse.Namespace) -> Iterator[None]:
    """Export the threshold (option or --set) for the steps of this run, then restore."""
    chosen = getattr(args, "techniques_threshold", None)
    if chosen is None:
        chosen = dict(getattr(args, "set", []) or []).get(SETTING)
    key = settings.ENVIRONMENT_PREFIX + SETTING.upper()
    before = os.environ.get(key)
    if chosen is not None:
        settings.export_to_environment(SETTING, chosen)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = before


def run_techniques(args: argparse.Namespace) -> int:
    """Analyse the pages and print, per page, technique counts and the highest-scoring spans."""
    from presslens.io.readers import iter_pages
    from presslens.pipeline import DEFAULT_STEPS
    from presslens.runner import RunOptions, analyze_pages

    steps = list(DEFAULT_STEPS) if "persuasion" in DEFAULT_STEPS else [*DEFAULT_STEPS, "persuasion"]
    options = RunOptions(inputs=args.paths, steps=steps)
    failed = 0
    with threshold_scope(args):
        for result in analyze_pages(iter_pages(options.inputs, {}), options):
            if result.error is not None:
                failed += 1
                print(f"presslens: error: {result.source}: {result.error}", file=sys.stderr)
                continue
            sys.stdout.write(page_report(result.record, args.top))
    return 1 if failed else 0


def page_report(record: dict, top: int = TOP_SPANS) -> str:
    """The text block `presslens techniques` prints for one analysed page."""
    techniques = record.get("techniques") or []
    genre = record.get("genre")
    lines = [f"== {record['source']}  language={record.get('language') or '?'}"
             + (f"  genre={genre['label']} ({genre['score']:.2f})" if genre else "")]
    frames = record.get("frames") or []
    if frames:
        lines.append("frames: " + ", ".join(f"{f['label']} ({f['score']:.2f})" for f in frames))
    counts = Counter(t["technique"] for t in techniques)
    if counts:
        lines.append("techniques: " + ", ".join(f"{name} {n}" for name, n in counts.most_common()))
    else:
        lines.append("techniques: none found")
    text = record["text"]
    for span in sorted(techniques, key=lambda t: -t["score"])[:top]:
        evidence = " ".join(text[span["start"]:span["end"]].split())
        if len(evidence) > 160:
            evidence = evidence[:157] + "..."
        lines.append(f"  {span['technique']} ({span['score']:.2f}) "
                     f"[{span['start']}:{span['end']}] {evidence}")
    for error in record.get("errors") or []:
        if error.startswith("persuasion:"):
            lines.append(f"  warning: {error}")
    return "\n".join(lines) + "\n\n"
