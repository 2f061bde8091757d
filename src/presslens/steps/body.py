"""The article body: `body` segments re-flowed into clean paragraphs, mapped back to the text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from presslens.document import Document, Line, TextMap
from presslens.steps.segment import extracted_furniture, match_key
from presslens.steps.segment.standfirst import is_standfirst

#: zero-width marks and soft hyphens: scrapers leave them inside words, and no reader sees them
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_RUN = re.compile(f"[{INVISIBLE}]+")
# whitespace that is not a plain single space, or runs of it; invisible marks are dropped outright
_MESSY_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}"
                          r"|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
                          f"|{_INVISIBLE_RUN.pattern}")
_SPACE_CHARS = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
               "\u202f\u205f\u3000\ufeff\u200b"
_BULLET = re.compile(r"^(?:[•·▪◦‣●○■□–—*>-]|\d{1,2}[.)])\s")
_SENTENCE_END = tuple(".!?…:;\"”»’)")
_HYPHENS = ("-", "\u2010", "\u00ad")
# prefixes that keep their hyphen even when the word is split at the line end
_HYPHEN_PREFIXES = frozenset({"self", "well", "ex", "half", "all", "so", "ill", "quasi", "cross",
                              "anti", "non", "post", "pro"})
_WORD_AT_START = re.compile(r"[^\W\d_][\w’'-]*")
_WORD_AT_END = re.compile(r"[\w’'-]*[^\W\d_]$")

#: a block's lines must reach this share of the wrap width to count as hard-wrapped
_WRAP_SHARE = 0.72
#: fixed-width and PDF wrapping stays under this width; longer lines are whole paragraphs
_MAX_WRAP_WIDTH = 180
_MIN_WRAP_WIDTH = 40


def visible(text: str) -> str:
    """`text` without its invisible marks ("Genesenen\u00adnachweise" -> "Genesenennachweise")."""
    return _INVISIBLE_RUN.sub("", text)


@dataclass(slots=True)
class _Piece:
    """A line of the body, already cut to its segment: `text[start:end]`, stripped."""

    start: int
    end: int
    text: str
    indent: int


class BodyStep:
    """Builds `doc.body` (paragraphs joined by blank lines) and `doc.body_map` from body segments."""

    name = "body"
    requires = ("segments",)
    provides = ("body",)

    def __call__(self, doc: Document) -> None:
        html_main = doc.hints.get("html_main")
        if isinstance(html_main, str) and html_main.strip():
            paragraphs = normalize_extracted(html_main).split("\n\n")
            article = "\n\n".join(p for p in paragraphs if not extracted_furniture(p))
            article = _without_headline(article, _headlines(doc))
            doc.body = "\n\n".join([*_lead(doc, html_main), article]).strip()
            doc.body_map = None
            return
        blocks = _blocks(doc)
        width = _wrap_width(blocks)
        lowered = doc.text.lower()
        view = TextMap()
        for number, paragraph in enumerate(_rejoined(blocks, width)):
            if number:
                view.insert("\n\n")
            _write_paragraph(view, doc.text, paragraph, lowered)
        doc.body = view.text
        doc.body_map = view


def normalize_extracted(text: str) -> str:
    """Clean already-extracted text: one paragraph per non-blank line, spaces collapsed."""
    paragraphs = []
    for raw in text.splitlines():
        line = _MESSY_SPACE.sub(_space_or_nothing, raw).strip()
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def _headlines(doc: Document) -> set[str]:
    """The page's headline as the segment step found it and as the HTML metadata gives it,
    compared by their words."""
    titles = [doc.text[s.start:s.end] for s in doc.segments_labelled("title")]
    meta = doc.hints.get("html_meta") or {}
    if isinstance(meta.get("title"), str):
        titles.append(meta["title"])
    return {key for key in map(match_key, titles) if key}


def _without_headline(body: str, headlines: set[str]) -> str:
    """An extractor keeps the article's <h1> as its first paragraph; the record has the
    headline in `title` and the title segment, so the body starts with the text."""
    first, _, rest = body.partition("\n\n")
    return rest if rest and match_key(first) in headlines else body


def _lead(doc: Document, main_text: str) -> list[str]:
    """The standfirst: body lines above the extracted main text that read as one (the segment
    step keeps it where the extractor dropped it; pages often print it outside the article's
    container)."""
    main = match_key(main_text)
    lead: list[str] = []
    for block in _blocks(doc):
        for piece in block:
            key = match_key(piece.text)
            if key and key in main:
                return lead
            if is_standfirst(piece.text, under_title=True):
                lead.append(piece.text)
    return lead


def _space_or_nothing(match: re.Match[str]) -> str:
    return "" if match.group()[0] in INVISIBLE else " "


def _blocks(doc: Document) -> list[list[_Piece]]:
    """Runs of non-blank body lines; blank lines and segment edges end a run."""
    blocks: list[list[_Piece]] = []
    lines = doc.lines
    starts = [line.start for line in lines]
    for segment in sorted(doc.segments_labelled("body"), key=lambda s: s.start):
        current: list[_Piece] = []
        index = _first_line(starts, segment.start)
        while index < len(lines) and lines[index].start < segment.end:
            piece = _cut(lines[index], segment.start, segment.end)
            if piece is None:
                if current:
                    blocks.append(current)
                current = []
            else:
                current.append(piece)
            index += 1
        if current:
            blocks.append(current)
    return blocks


def _first_line(starts: list[int], offset: int) -> int:
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _cut(line: Line, seg_start: int, seg_end: int) -> _Piece | None:
    """The part of `line` inside the segment, stripped of surrounding spaces, or None if blank."""
    start, end = max(line.start, seg_start), min(line.end, seg_end)
    if end <= start:
        return None
    text = line.text[start - line.start:end - line.start]
    stripped = text.lstrip(_SPACE_CHARS)
    indent = len(text) - len(stripped)
    stripped = stripped.rstrip(_SPACE_CHARS)
    if not stripped:
        return None
    return _Piece(start + indent, start + indent + len(stripped), stripped, indent)


def _wrap_width(blocks: list[list[_Piece]]) -> int | None:
    """The width the page was hard-wrapped at, or None when lines are whole paragraphs.

    Lines that continue into a next line cluster just under the wrap width; unwrapped text
    has few multi-line blocks, or lines far longer than any fixed-width wrap.
    """
    lengths = sorted(len(p.text) for block in blocks for p in block[:-1])
    if len(lengths) < 3:
        return None
    width = lengths[int(len(lengths) * 0.9) - (1 if len(lengths) >= 10 else 0)]
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    near = sum(1 for n in lengths if n >= width * _WRAP_SHARE)
    return width if near * 2 >= len(lengths) else None


def _paragraphs(block: list[_Piece], width: int | None) -> list[list[_Piece]]:
    """Split a block of adjacent lines into paragraphs, each a list of lines to re-flow."""
    paragraphs = [[block[0]]]
    for previous, line in zip(block, block[1:]):
        if _continues(previous, line, width):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


def _rejoined(blocks: list[list[_Piece]], width: int | None) -> list[list[_Piece]]:
    """Paragraphs of all blocks, a paragraph cut by a page break or an inserted box made whole.

    A PDF's running header or a newsletter box between two body blocks splits a sentence; the
    block before ends mid-sentence and the one after goes on in lower case (or a hyphenated
    word goes on).
    """
    paragraphs: list[list[_Piece]] = []
    for block in blocks:
        parts = _paragraphs(block, width)
        if paragraphs and _cut_sentence(paragraphs[-1][-1].text, parts[0][0].text):
            paragraphs[-1].extend(parts.pop(0))
        paragraphs.extend(parts)
    return paragraphs


def _cut_sentence(before: str, after: str) -> bool:
    if _ends_hyphenated(before) and after[0].isalpha():
        return True
    return not before.endswith(_SENTENCE_END) and after[0].islower()


def _continues(previous: _Piece, line: _Piece, width: int | None) -> bool:
    """True when `line` carries on the paragraph that `previous` is part of."""
    if _BULLET.match(line.text):
        return False
    if _ends_hyphenated(previous.text) and line.text[0].isalpha():
        return True
    if width is None or len(previous.text) > width * 1.25:
        return False
    first = line.text[0]
    if len(previous.text) >= width * _WRAP_SHARE:
        # a line that reaches the wrap width was cut by the wrap, unless the next one is
        # indented like a new paragraph after a finished sentence
        return not (line.indent > previous.indent and previous.text.endswith(_SENTENCE_END))
    # a clearly short line ended its paragraph, unless the sentence visibly goes on
    if first.islower():
        return True
    return previous.text.endswith((",", "-", "–", "—")) and not first.isupper()


def _ends_hyphenated(text: str) -> bool:
    return len(text) >= 3 and text[-1] in _HYPHENS and text[-2].isalpha()


def _write_paragraph(view: TextMap, source: str, lines: list[_Piece], lowered: str) -> None:
    for i, line in enumerate(lines):
        end = line.end
        if i + 1 < len(lines):
            following = lines[i + 1]
            if _ends_hyphenated(line.text) and following.text[0].isalpha():
                keep = _keep_hyphen(line.text, following.text, lowered)
                _copy_collapsed(view, source, line.start, end if keep else end - 1)
                continue
        _copy_collapsed(view, source, line.start, end)
        if i + 1 < len(lines):
            view.insert(" ")


def _keep_hyphen(before: str, after: str, lowered: str) -> bool:
    """Whether a hyphen at a line end belongs to the word (al-Nu'man) or only to the wrap."""
    if before[-1] == "\u00ad":
        return False
    head_match = _WORD_AT_END.search(before[:-1])
    tail_match = _WORD_AT_START.match(after)
    if head_match is None or tail_match is None:
        return True
    head, tail = head_match.group(), tail_match.group()
    if tail[0].isupper() or "-" in head:
        return True  # Jean-Yves, al-Nu'man, step-by-step
    joined, hyphenated = (head + tail).lower(), f"{head}-{tail}".lower()
    if hyphenated in lowered:
        return True
    if joined in lowered:
        return False
    return head.lower() in _HYPHEN_PREFIXES


def _copy_collapsed(view: TextMap, source: str, start: int, end: int) -> None:
    """Copy `source[start:end]` with whitespace runs made one plain space."""
    position = start
    for match in _MESSY_SPACE.finditer(source, start, end):
        view.copy(source, position, match.start())
        run = match.group()
        if run[0] in INVISIBLE:
            pass
        elif " " in run:
            # keep a real space from the source so the view maps onto it
            at = match.start() + run.index(" ")
            view.copy(source, at, at + 1)
        else:
            view.insert(" ")
        position = match.end()
    view.copy(source, position, end)
