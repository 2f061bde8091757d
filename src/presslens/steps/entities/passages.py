"""The stretches of a page that entities and quotes are looked for in, with offset maps.

A text page has a re-flowed `body` view with `body_map` back to `doc.text`: hard wraps and
hyphenation are undone there, so a name cut by a line break is one name. An HTML page's body
is trafilatura's text, which has no map; its `body` segments of `doc.text` are used directly.
The title segment is read too: headlines name the page's main actors.

The re-flowing guesses paragraph ends from line lengths, so a short line that ends a sentence
mid-way ("… Jean-Yves Le" / "Drian, arrived …") can become a paragraph break; where the source
has a plain line break there, no blank line, and the text visibly goes on (no stop before it),
the passage joins the two with a space again, so names and sentences are not cut.
"""

from __future__ import annotations

import bisect
import re
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
        found.append(_mapped_body(doc))
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


#: words a paragraph needs before a break after it may be a wrap (headings are short)
_MIN_JOINED_WORDS = 6
_BREAK = re.compile(r"\n\n")


def _mapped_body(doc: Document) -> Passage:
    """The re-flowed body, with its breaks that were line wraps joined again (module doc)."""
    body, body_map, text = doc.body, doc.body_map, doc.text
    cuts = [m.start() for m in _BREAK.finditer(body) if _is_wrap(body, body_map, text, m.start())]
    if not cuts:
        return Passage(body, body_map.span_to_source, "body")
    pieces: list[str] = []
    view_starts: list[int] = []  # passage offset where each copied piece starts
    body_starts: list[int] = []  # body offset it comes from
    position = 0
    length = 0
    for cut in cuts:
        view_starts.append(length)
        body_starts.append(position)
        pieces.append(body[position:cut + 1])  # up to and with the first newline, as a space
        pieces[-1] = pieces[-1][:-1] + " "
        length += cut + 1 - position
        position = cut + 2
    view_starts.append(length)
    body_starts.append(position)
    pieces.append(body[position:])

    def to_body(offset: int) -> int:
        index = bisect.bisect_right(view_starts, offset) - 1
        return body_starts[index] + offset - view_starts[index]

    def to_source(start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return body_map.span_to_source(to_body(start), to_body(start))
        return body_map.span_to_source(to_body(start), to_body(end - 1) + 1)

    return Passage("".join(pieces), to_source, "body")


def _is_wrap(body: str, body_map, text: str, at: int) -> bool:
    """Whether the paragraph break at body offset `at` stands for a plain line break."""
    if at == 0 or at + 2 >= len(body) or not (body[at - 1].isalnum() or body[at - 1] in ",-"):
        return False
    paragraph_start = body.rfind("\n\n", 0, at)
    if len(body[paragraph_start + 1:at].split()) < _MIN_JOINED_WORDS:
        return False
    gap = text[body_map.to_source(at - 1) + 1:body_map.to_source(at + 2)]
    return gap.count("\n") == 1 and not gap.strip()
