"""The stretches of a page that entities and quotes are looked for in, with offset maps.

A text page has a re-flowed `body` view with `body_map` back to `doc.text`: hard wraps and
hyphenation are undone there, so a name cut by a line break is one name. An HTML page's body
is trafilatura's text, which has no map; its `body` segments of `doc.text` are used directly.
The title segment is read too: headlines name the page's main actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from presslens.document import Document


@dataclass(slots=True)
class Passage:
    """A text to analyse and the map of its spans to `doc.text` offsets."""

    text: str
    to_source: Callable[[int, int], tuple[int, int]]
    kind: str  # "title" or "body"


def _shifted(offset: int) -> Callable[[int, int], tuple[int, int]]:
    return lambda start, end: (start + offset, end + offset)


def passages(doc: Document) -> list[Passage]:
    """Title segments, then the body (its re-flowed view when it has a map)."""
    found = [Passage(doc.text[s.start:s.end], _shifted(s.start), "title")
             for s in doc.segments_labelled("title")]
    if doc.body_map is not None and doc.body:
        found.append(Passage(doc.body, doc.body_map.span_to_source, "body"))
    else:
        found.extend(Passage(doc.text[s.start:s.end], _shifted(s.start), "body")
                     for s in sorted(doc.segments_labelled("body"), key=lambda s: s.start))
    if not doc.segments and doc.text.strip():
        # a document that was never segmented (steps run by hand): the whole text is the body
        found.append(Passage(doc.text, _shifted(0), "body"))
    return found


def source_span(doc: Document, passage: Passage, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` of the passage as offsets into `doc.text`, trimmed of outer spaces."""
    source_start, source_end = passage.to_source(start, end)
    text = doc.text
    while source_start < source_end and text[source_start].isspace():
        source_start += 1
    while source_end > source_start and text[source_end - 1].isspace():
        source_end -= 1
    return source_start, source_end
