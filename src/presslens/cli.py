"""Command line: argument parsing only; the work happens in runner.py."""

from __future__ import annotations

import argparse
import logging
import sys
from importlib.resources import files
from pathlib import Path

from presslens import settings
from presslens.errors import Errors, PresslensError
from presslens.io.writers import FORMATS
from presslens.pipeline import DEFAULT_STEPS, available_steps
from presslens.runner import RunOptions, default_jobs, run
from presslens.steps.persuasion.cli import (add_techniques_command, add_threshold_option,
                                           run_techniques, threshold_scope)


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _setting(value: str) -> tuple[str, float]:
    name, _, number = value.partition("=")
    if name not in settings.DEFAULTS or not number:
        raise argparse.ArgumentTypeError(
            f"expected NAME=VALUE with NAME one of {', '.join(settings.DEFAULTS)}")
    return name, float(number)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presslens", description=(
        "Turn scraped news pages into structured records: article, metadata, comment thread."))
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="analyse pages and write one record per page")
    analyze.add_argument("paths", nargs="+", metavar="PATH",
                         help="file, directory (recursive) or - for stdin")
    analyze.add_argument("-o", "--output", metavar="FILE", help="write here (default stdout)")
    analyze.add_argument("--format", choices=FORMATS, default="json",
                         help="json (an array), jsonl (one record per line) or text (a summary)")
    analyze.add_argument("--jobs", type=_positive_int, default=1, metavar="N",
                         help=f"worker processes (this machine: up to {default_jobs()})")
    analyze.add_argument("--steps", default=",".join(DEFAULT_STEPS),
                         help="comma-separated pipeline steps (default: %(default)s)")
    analyze.add_argument("--set", type=_setting, action="append", default=[], metavar="NAME=VALUE",
                         help="override a limit from the settings table")
    add_threshold_option(analyze)
    progress = analyze.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="always show the progress bar")
    progress.add_argument("--no-progress", dest="progress", action="store_false",
                          help="never show the progress bar")

    commands.add_parser("schema", help="print the JSON Schema of a page record")
    commands.add_parser("steps", help="list the pipeline steps available by name")
    commands.add_parser("settings", help="list the settings (limits) and their defaults")
    entities = commands.add_parser(
        "entities", help="print a table of the named entities across pages")
    entities.add_argument("paths", nargs="+", metavar="PATH",
                          help="file, directory (recursive) or - for stdin")
    entities.add_argument("--jobs", type=_positive_int, default=1, metavar="N",
                          help="worker processes")
    moderate = commands.add_parser(
        "moderate", help="add `moderation` to JSONL comment lines (`text`, optional `language`)")
    moderate.add_argument("path", nargs="?", default="-", metavar="FILE",
                          help="JSONL file, or - for stdin (default)")
    moderate.add_argument("-o", "--output", metavar="FILE", help="write here (default stdout)")
    add_techniques_command(commands)
    return parser


def _options(args: argparse.Namespace) -> RunOptions:
    """The one adapter from parsed arguments to runner options."""
    return RunOptions(
        inputs=args.paths, output=args.output, fmt=args.format, jobs=args.jobs,
        steps=[s.strip() for s in args.steps.split(",") if s.strip()],
        overrides=dict(args.set), progress=args.progress,
    )


def _moderate(args: argparse.Namespace) -> int:
    from presslens.steps.moderation.jsonl import run_moderate

    if args.path != "-" and not Path(args.path).is_file():
        print("presslens: " + Errors.P040.format(path=args.path), file=sys.stderr)
        return 2
    report = run_moderate(args.path, args.output)
    if report.failed:
        print(f"presslens: {len(report.failed)} of {report.lines} lines failed", file=sys.stderr)
    return report.exit_status


def _entities(args: argparse.Namespace) -> int:
    from presslens.steps.entities.table import run_table

    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    for path in missing:
        print("presslens: " + Errors.P040.format(path=path), file=sys.stderr)
    if missing:
        return 2
    return run_table(args.paths, sys.stdout, sys.stderr, args.jobs)


def main(argv: list[str] | None = None) -> int:
    """Entry point: returns 0 when every input was processed, 1 if any failed, 2 on usage errors."""
    logging.basicConfig(level=logging.WARNING, format="presslens: %(levelname)s: %(message)s")
    for noisy in ("trafilatura", "htmldate", "readability", "courlan", "justext"):
        # their per-page chatter would drown our one-line errors; failures surface as PageError
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command == "schema":
        sys.stdout.write(files("presslens").joinpath("schema.json").read_text(encoding="utf-8"))
        return 0
    if args.command == "steps":
        print("\n".join(available_steps()))
        return 0
    if args.command == "settings":
        for s in settings.SETTINGS:
            print(f"{s.name:24} {s.default!s:>12}  {s.help}")
        return 0
    if args.command == "moderate":
        return _moderate(args)
    if args.command == "entities":
        return _entities(args)
    if args.command == "techniques":
        return run_techniques(args)
    if args.format not in FORMATS:
        print("presslens: " + Errors.P041.format(fmt=args.format, formats=FORMATS), file=sys.stderr)
        return 2
    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    if missing:
        for path in missing:
            print("presslens: " + Errors.P040.format(path=path), file=sys.stderr)
        return 2
    try:
        with threshold_scope(args):
            report = run(_options(args))
    except PresslensError as exc:  # a bad pipeline or option, before any page ran
        print(f"presslens: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("presslens: interrupted; no output file was written", file=sys.stderr)
        return 130
    if report.failed:
        print(f"presslens: {len(report.failed)} of {report.pages} inputs failed", file=sys.stderr)
    return report.exit_status


if __name__ == "__main__":
    sys.exit(main())
