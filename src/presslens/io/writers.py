"""Writers: JSON, JSONL and a readable text summary, always written atomically."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, TextIO

FORMATS = ("json", "jsonl", "text")


class AtomicOutput:
    """A text file that appears under its name only when complete.

    Written to a temporary file in the same folder, then renamed over the target, so an
    interrupted run never leaves a half-written file behind. `path=None` writes to stdout.
    """

    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.path = Path(path) if path is not None else None
        self._tmp: str | None = None
        self.stream: TextIO = sys.stdout

    def __enter__(self) -> TextIO:
        if self.path is not None:
            folder = self.path.parent if str(self.path.parent) else Path(".")
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                             dir=folder)
            self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.stream

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self.path is None:
            self.stream.flush()
            return
        try:
            if exc_type is None:
                self.stream.flush()
                os.fsync(self.stream.fileno())
            self.stream.close()
            if exc_type is None:
                os.replace(self._tmp, self.path)
        finally:
            if self._tmp and os.path.exists(self._tmp):
                os.unlink(self._tmp)


def write_atomic(path: str | os.PathLike[str], content: str) -> None:
    """Write `content` to `path` atomically."""
    with AtomicOutput(path) as out:
        out.write(content)


class RecordWriter:
    """Streams page records to an open text stream in one of FORMATS."""

    def __init__(self, stream: TextIO, fmt: str) -> None:
        self.stream = stream
        self.fmt = fmt
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.stream.write("[\n" if self.count == 0 else ",\n")
            self.stream.write(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            self.stream.write(summarize(record) + "\n")
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")


def write_records(records: Iterable[dict[str, Any]], path: str | None, fmt: str) -> int:
    """Write all `records` to `path` (stdout when None); returns how many were written."""
    with AtomicOutput(path) as stream:
        writer = RecordWriter(stream, fmt)
        for record in records:
            writer.write(record)
        writer.close()
    return writer.count


def _shorten(text: str | None, width: int = 90) -> str:
    if not text:
        return "-"
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def summarize(record: dict[str, Any]) -> str:
    """A few readable lines about one page record."""
    body = record.get("body") or ""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    comments = record.get("comments") or []
    labels = Counter(s["label"] for s in record.get("segments", []))
    depth = max((c["depth"] for c in comments), default=-1) + 1
    authors = len({c["author"] for c in comments if c.get("author")})
    lines = [
        f"== {record.get('source')}",
        f"   title     {_shorten(record.get('title'))}",
        f"   byline    {record.get('author') or '-'} | {record.get('published') or '-'}"
        f" | outlet {record.get('outlet') or '-'} | language {record.get('language') or '-'}",
        f"   body      {len(paragraphs)} paragraphs, {len(body.split())} words: "
        f"{_shorten(paragraphs[0] if paragraphs else '', 70)}",
        f"   comments  {len(comments)} by {authors} named authors, {depth} level"
        f"{'' if depth == 1 else 's'} deep",
        "   segments  " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())),
    ]
    for comment in comments[:3]:
        lines.append(f"     {'  ' * comment['depth']}- {comment.get('author') or 'anonymous'}: "
                     f"{_shorten(comment.get('text'), 60)}")
    lines += _analysis_lines(record)
    for error in record.get("errors", []):
        lines.append(f"   warning   {error}")
    return "\n".join(lines)


def _counted(counter: Counter, limit: int = 4) -> str:
    return ", ".join(f"{name} {count}" for name, count in counter.most_common(limit))


def _analysis_lines(record: dict[str, Any]) -> list[str]:
    """Lines for the fields later steps add (entities, quotes, persuasion, moderation), when run."""
    lines = []
    entities = record.get("entities")
    if entities is not None:
        names = Counter(e.get("name") or e["text"] for e in entities)
        labels = Counter(e["label"] for e in entities)
        lines.append(f"   entities  {len(entities)} mentions of {len(names)} ({_counted(labels)})"
                     + (f": {', '.join(n for n, _ in names.most_common(5))}" if names else ""))
    quotes = record.get("quotes")
    if quotes is not None:
        speakers = Counter(q.get("speaker") or "unattributed" for q in quotes)
        lines.append(f"   quotes    {len(quotes)}" + (f": {_counted(speakers)}" if quotes else ""))
    genre = record.get("genre")
    if genre or record.get("techniques"):
        frames = ", ".join(f["label"] for f in (record.get("frames") or [])[:3]) or "-"
        techniques = Counter(t["technique"] for t in record.get("techniques") or [])
        lines.append(f"   framing   {genre['label'] if genre else '-'}; frames {frames}")
        lines.append(f"   techniques {sum(techniques.values())} spans"
                     + (f": {_counted(techniques)}" if techniques else ""))
    summary = record.get("comment_summary")
    if summary and summary.get("comments"):
        flagged = Counter({k: v for k, v in summary.get("label_counts", {}).items() if v})
        lines.append(f"   moderation toxic {summary.get('toxic_share', 0):.0%}, spam "
                     f"{summary.get('spam_rate', 0):.0%}" + (f"; {_counted(flagged, 6)}" if flagged else ""))
    return lines
