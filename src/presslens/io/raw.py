"""What readers hand to the pipeline: one page's bytes or text, before decoding."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class RawPage:
    """One input page as read: `data` is bytes (files) or str (JSONL fields, stdin text)."""

    source: str  # a path, "path#line=3", "path#record=2" or "<stdin>"
    data: bytes | str
    media_type: str = "text"  # "text" or "html"
    url: str | None = None
    # metadata the container carried: title, author, published, outlet
    meta: dict[str, Any] = field(default_factory=dict)
    # set when the reader could not produce the page (a malformed JSONL line, say)
    error: str | None = None
