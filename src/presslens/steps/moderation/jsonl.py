"""`presslens moderate`: JSONL comments in, the same lines with `moderation` added out.

Any comment export works, not only parsed pages: each line is a JSON object with `text` (and
optionally `language`, kept as given). Lines keep their order. A bad line gets a one-line error
on stderr with its number and reason and is left out of the output; the others go on.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Iterable, TextIO

from presslens.errors import Errors
from presslens.io.writers import AtomicOutput
from presslens.steps.moderation import BATCH, moderate_texts


class BadLine(ValueError):
    """A JSONL line that cannot be moderated; the message is the reason."""


@dataclass(slots=True)
class ModerateReport:
    lines: int = 0
    written: int = 0
    failed: list[int] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        return 1 if self.failed else 0


def parse_line(raw: bytes) -> dict[str, Any]:
    """The JSON object of one line, checked to have a string `text`; raises BadLine."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadLine(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise BadLine(f"expected a JSON object, got {type(record).__name__}")
    if "text" not in record:
        raise BadLine("no 'text' field")
    if not isinstance(record["text"], str):
        raise BadLine(f"'text' must be a string, not {type(record['text']).__name__}")
    language = record.get("language")
    if language is not None and not isinstance(language, str):
        raise BadLine(f"'language' must be a string or null, not {type(language).__name__}")
    return record


def moderate_lines(lines: Iterable[bytes], out: TextIO, errors: TextIO,
                   source: str = "<stdin>") -> ModerateReport:
    """Moderate JSONL lines in batches, writing good lines in order and reporting bad ones."""
    report = ModerateReport()
    pending: list[dict[str, Any]] = []
    for number, raw in enumerate(lines, start=1):
        report.lines = number
        if not raw.strip():
            continue  # blank lines carry nothing, as in the JSONL reader
        try:
            pending.append(parse_line(raw.rstrip(b"\r\n")))
        except BadLine as exc:
            report.failed.append(number)
            print(f"presslens: {source}: " + Errors.P006.format(line=number, reason=exc),
                  file=errors)
        if len(pending) >= BATCH:
            report.written += _flush(pending, out)
    report.written += _flush(pending, out)
    return report


def _flush(pending: list[dict[str, Any]], out: TextIO) -> int:
    for record, moderation in zip(pending, moderate_texts([r["text"] for r in pending])):
        record["moderation"] = moderation
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    count = len(pending)
    pending.clear()
    return count


def run_moderate(path: str, output: str | None, errors: TextIO = sys.stderr) -> ModerateReport:
    """Moderate the JSONL file at `path` (- for stdin) into `output` (None for stdout)."""
    with AtomicOutput(output) as out:
        if path == "-":
            return moderate_lines(_binary_stdin(), out, errors)
        with open(path, "rb") as handle:
            return moderate_lines(handle, out, errors, source=path)


def _binary_stdin() -> BinaryIO:
    return getattr(sys.stdin, "buffer", None) or _EncodedLines(sys.stdin)


class _EncodedLines:
    """stdin replaced by a text stream (as in tests): its lines as UTF-8 bytes."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __iter__(self):
        return (line.encode("utf-8", "surrogateescape") for line in self.stream)
