"""The document model: one immutable text, and stand-off annotations that point into it."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

from presslens.errors import Errors, PresslensError

SEGMENT_LABELS = ("title", "meta", "body", "boilerplate", "comment")


@dataclass(slots=True, frozen=True)
class Segment:
    """A labelled stretch of `Document.text`, `[start, end)` in code points."""

    label: str
    start: int
    end: int


@dataclass(slots=True)
class Comment:
    """One reader comment; `parent` is the id of the comment it replies to."""

    id: str
    parent: str | None
    depth: int
    author: str | None
    timestamp: str | None
    text: str
    start: int
    end: int
    language: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        extras = data.pop("extras")
        data.update(extras)
        return data


@dataclass(slots=True, frozen=True)
class Line:
    """A line of the text without its line break: `text[start:end]`."""

    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" \t\u00a0"))

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[Line]:
    """Lines of `text`, breaking on \\n, \\r\\n or \\r, with offsets into `text`."""
    lines: list[Line] = []
    start = 0
    if "\r" not in text:
        # only \n breaks (nearly every text): str.split finds them twice as fast as the regex
        for piece in text.split("\n"):
            end = start + len(piece)
            lines.append(Line(start, end, piece))
            start = end + 1
        if not lines[-1].text:
            lines.pop()  # the text ends with a break (or is empty): no line after it
        return lines
    for brk in _LINE_BREAK.finditer(text):
        lines.append(Line(start, brk.start(), text[start:brk.start()]))
        start = brk.end()
    if start < len(text):
        lines.append(Line(start, len(text), text[start:]))
    return lines


class TextMap:
    """Maps offsets in a derived view (re-flowed body, cleaned comment) back to `Document.text`.

    Built piece by piece: each piece of the view is either copied from a source offset or
    inserted (a space that replaces a line break, say) and then maps to the nearest source offset.
    """

    __slots__ = ("_parts", "_starts", "_view")

    def __init__(self) -> None:
        self._parts: list[tuple[int, int, int | None]] = []  # (view_start, length, source_start)
        self._starts: list[int] = []  # view_start of each part, for bisection
        self._view: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self._view)

    def _view_length(self) -> int:
        if not self._parts:
            return 0
        start, length, _ = self._parts[-1]
        return start + length

    def copy(self, source_text: str, start: int, end: int) -> None:
        """Append `source_text[start:end]` to the view, keeping its offsets."""
        if end > start:
            self._starts.append(self._view_length())
            self._parts.append((self._starts[-1], end - start, start))
            self._view.append(source_text[start:end])

    def insert(self, piece: str) -> None:
        """Append text that has no counterpart in the source (a joining space, a newline)."""
        if piece:
            self._starts.append(self._view_length())
            self._parts.append((self._starts[-1], len(piece), None))
            self._view.append(piece)

    def to_source(self, offset: int) -> int:
        """The source offset of view offset `offset` (inserted text maps to the next source piece)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        for view_start, length, source_start in self._parts[max(index, 0):]:
            if source_start is not None:
                return source_start + max(0, offset - view_start)
        last = [p for p in self._parts if p[2] is not None]
        return last[-1][2] + last[-1][1] if last else 0

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source `[start, end)` covering the view span `[start, end)`."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1


class Document:
    """A page: immutable `text` plus the fields the pipeline's steps add beside it."""

    __slots__ = (
        "_text", "id", "source", "media_type", "url", "language", "title", "author",
        "published", "outlet", "segments", "body", "body_map", "comments", "errors", "extras",
        "hints", "_lines", "_assigned",
    )

    #: fields a step may provide, with their empty value
    FIELDS: dict[str, Any] = {
        "language": None, "title": None, "author": None, "published": None, "outlet": None,
        "segments": list, "body": None, "comments": list,
    }

    def __init__(self, text: str, *, source: str = "<string>", id: str | None = None,
                 media_type: str = "text", url: str | None = None,
                 hints: dict[str, Any] | None = None) -> None:
        if not isinstance(text, str):
            raise TypeError(f"Document text must be str, not {type(text).__name__}")
        object.__setattr__(self, "_assigned", set())
        object.__setattr__(self, "_text", text)
        self.id = id or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        self.source = source
        self.media_type = media_type
        self.url = url
        for name, empty in self.FIELDS.items():
            object.__setattr__(self, name, empty() if callable(empty) else empty)
        self.body_map: TextMap | None = None
        self.errors: list[str] = []
        self.extras: dict[str, Any] = {}
        # what readers learned beside the text (HTML extraction, export metadata); not serialized
        self.hints: dict[str, Any] = dict(hints or {})
        self._assigned.clear()
        object.__setattr__(self, "_lines", None)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "text" or name == "_text":
            raise AttributeError("Document.text is immutable: add annotations beside it")
        object.__setattr__(self, name, value)
        self._assigned.add(name)

    @property
    def text(self) -> str:
        return self._text

    def has_annotation(self, name: str) -> bool:
        """True once a step has set field `name` (even to None or an empty list)."""
        return name in self._assigned or (name in self.extras)

    @property
    def lines(self) -> list[Line]:
        if self._lines is None:
            object.__setattr__(self, "_lines", split_lines(self._text))
        return self._lines

    def segment(self, start: int, end: int, label: str) -> Segment:
        """A checked segment: offsets inside the text, label one of SEGMENT_LABELS."""
        if label not in SEGMENT_LABELS:
            raise PresslensError(Errors.P010.format(label=label, labels=", ".join(SEGMENT_LABELS)))
        self.check_span(start, end)
        return Segment(label, start, end)

    def check_span(self, start: int, end: int) -> None:
        if not (0 <= start <= end <= len(self._text)):
            raise PresslensError(Errors.P011.format(start=start, end=end, length=len(self._text)))

    def segments_labelled(self, label: str) -> Iterator[Segment]:
        return (s for s in self.segments if s.label == label)

    def warn(self, message: str) -> None:
        """Record a warning about this page; it goes to the output's `errors`."""
        self.errors.append(message)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record; field names are the public contract in schema.json."""
        data: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "language": self.language,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "outlet": self.outlet,
            "text": self._text,
            "segments": [{"label": s.label, "start": s.start, "end": s.end} for s in self.segments],
            "body": self.body,
            "comments": [c.to_dict() for c in self.comments],
            "errors": list(self.errors),
        }
        for key, value in self.extras.items():
            data.setdefault(key, value)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        """Rebuild a document from `to_dict()` output (fields unknown here go to `extras`)."""
        doc = cls(data["text"], source=data.get("source", "<string>"), id=data.get("id"))
        for name in ("language", "title", "author", "published", "outlet", "body"):
            if name in data:
                setattr(doc, name, data[name])
        doc.segments = [Segment(s["label"], s["start"], s["end"]) for s in data.get("segments", [])]
        known = {f for f in Comment.__dataclass_fields__ if f != "extras"}
        doc.comments = [
            Comment(**{k: v for k, v in c.items() if k in known},
                    extras={k: v for k, v in c.items() if k not in known})
            for c in data.get("comments", [])
        ]
        doc.errors = list(data.get("errors", []))
        core = set(doc.to_dict())
        doc.extras = {k: v for k, v in data.items() if k not in core}
        return doc
