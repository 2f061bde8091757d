"""The comments step: parse the lines of a page's `comment` segments into a thread of comments.

Each line is first given a kind (header, timestamp, text, break …) from its own shape; a few
kinds then look at the next line, because a short line is an author only when a date or an
indented text follows it. A small state machine then groups lines into comments, and
indentation gives the reply tree: a deeper comment replies to the nearest shallower one above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from presslens import settings
from presslens.document import Comment, Document, Line, Segment
from presslens.steps.segment.threads import (
    _SCORE, PLUGIN_TEXT_LINES, Timestamp, author_date_header, bullet_parts, closes_comment,
    handle_like, is_widget, looks_like_name, says_header, timestamp_line, widget_before,
)

# line kinds
SAYS, AUTHOR_DATE, NAME, STAMP, TEXT, BULLET_TEXT, SCORE, BREAK = (
    "says", "author_date", "name", "stamp", "text", "bullet_text", "score", "break")
HEADERS = frozenset({SAYS, AUTHOR_DATE, NAME, STAMP})


@dataclass(slots=True)
class _Item:
    """One non-blank line of the comment stream with what it says."""

    line: Line
    kind: str
    column: int  # where the words start; a deeper column is a reply
    author: str | None = None
    stamp: Timestamp | None = None
    text: str = ""  # the comment text this line carries, if any
    replying_to: str | None = None  # the commenter a reply's header names ("Mary > John")


@dataclass(slots=True)
class _Draft:
    column: int
    start: int
    end: int
    author: str | None = None
    timestamp: str | None = None
    replying_to: str | None = None
    lines: list[str] = field(default_factory=list)
    closed: bool = False  # a widget ("Reply") came after the text

    def extend(self, item: _Item) -> None:
        self.end = max(self.end, item.line.start + len(item.line.text.rstrip()))


def comment_stream(lines: list[Line], segments: list[Segment]) -> list[tuple[Line, bool]]:
    """Non-blank lines from the first comment segment to the last, flagged True when inside one.

    Lines between comment segments (widgets, ads) are kept, flagged False: they end a comment.
    """
    spans = sorted((s.start, s.end) for s in segments if s.label == "comment")
    if not spans:
        return []
    stream: list[tuple[Line, bool]] = []
    k = 0
    for line in lines:
        if line.end <= spans[0][0] or line.is_blank:
            continue
        if line.start >= spans[-1][1]:
            break
        while k < len(spans) and spans[k][1] <= line.start:
            k += 1
        inside = k < len(spans) and spans[k][0] < line.end and line.start < spans[k][1]
        stream.append((line, inside))
    return stream


@lru_cache(maxsize=8192)
def _kind_of(text: str) -> tuple[str, int, str | None, Timestamp | None, str, str | None]:
    """(kind, column offset, author, timestamp, comment text, commenter replied to) of a
    stripped line inside a thread.

    Cheapest tests first; cached because threads repeat short lines ("Reply", names, dates).
    """
    if _SCORE.fullmatch(text):  # a vote count between a name and its repeat
        return SCORE, 0, None, None, "", None
    if len(text) > 120 and not bullet_parts(text):  # headers are short; skip the date regexes
        return TEXT, 0, None, None, text, None
    if is_widget(text):
        return BREAK, 0, None, None, "", None
    stamp = timestamp_line(text)  # before bullets: "18. Oktober 2019" is no numbered item
    if stamp:
        return STAMP, 0, None, stamp, "", None
    offset = 0
    parts = bullet_parts(text)
    content = text
    if parts:
        content = parts[1]
        offset = len(text) - len(content)
        stamp = timestamp_line(content)
        if stamp:
            return STAMP, offset, None, stamp, "", None
    if ":" in content or content.endswith(("...", "…")):  # "Name says:", "Name said..."
        says = says_header(content)
        if says:
            return SAYS, offset, says[0], None, says[1], None
    dated = author_date_header(content)
    if dated:
        return AUTHOR_DATE, offset, dated.author, dated.timestamp, "", dated.replying_to
    if parts:
        if looks_like_name(content):
            return NAME, offset, content, None, content, None
        return BULLET_TEXT, offset, None, None, content, None
    if looks_like_name(content):
        return NAME, 0, content, None, content, None
    return TEXT, 0, None, None, content, None


def _basic_item(line: Line, inside: bool) -> _Item:
    """The kind a line has on its own; lines outside comment segments break the thread."""
    kind, offset, author, stamp, text, replying_to = _kind_of(line.stripped)
    if not inside and kind != SCORE:
        kind = BREAK
    return _Item(line, kind, line.indent + offset, author=author, stamp=stamp, text=text,
                 replying_to=replying_to)


def _settle_names(items: list[_Item]) -> None:
    """A short line is an author only with a date, score or indented text after it, or a date
    before it ("12/02/2024 à 14:05", "Jean-Luc B.", then the text)."""
    for i, item in enumerate(items):
        if item.kind != NAME:
            continue
        after = items[i + 1] if i + 1 < len(items) else None
        before = items[i - 1] if i > 0 else None
        bulleted = item.column > item.line.indent
        # "name", a share widget, one line of text, its date: the layout of some news sites
        widget_then_text = (after is not None and after.kind == BREAK and i + 2 < len(items)
                            and items[i + 2].kind == TEXT and items[i + 2].column == item.column)
        if widget_then_text and ((before is not None and before.kind == STAMP
                                  and before.column == item.column)
                                 or _dated_after(items, i + 2)):
            keep = True
        elif after is None:
            keep = bulleted
        elif after.kind in (SAYS, AUTHOR_DATE):
            keep = False  # "• belle france" then "un citoyen, le 7 mai": the bullet is text
        elif after.kind in (STAMP, SCORE):
            keep = True
        elif after.kind == TEXT and handle_like(item.author) and _closed_by_plugin(items, i + 1):
            keep = True  # "name", its text, "Like · Reply · 2y"
        elif after.kind == NAME:
            keep = bulleted or after.author == item.author
        elif before is not None and before.kind == STAMP and before.column == item.column \
                and after.kind in (TEXT, BULLET_TEXT):
            keep = True
        else:
            keep = bulleted or (after.kind == TEXT and after.line.indent > item.line.indent)
        if not keep:
            item.kind, item.author = (BULLET_TEXT if bulleted else TEXT), None


def _closed_by_plugin(items: list[_Item], k: int) -> bool:
    """The text from item `k` ends, within a few lines, on a plugin's "Like · Reply · 2y"."""
    for item in items[k:k + PLUGIN_TEXT_LINES + 1]:
        if item.kind == STAMP:
            return _widget_dated(item)
        if item.kind != TEXT:
            return False
    return False


def _widget_dated(item: _Item) -> bool:
    """A date line with a widget beside the date: it closes a comment."""
    return item.stamp is not None and closes_comment(_stamped_text(item), item.stamp)


def _stamped_text(item: _Item) -> str:
    """The text a STAMP item's offsets refer to: the line after its list marker, if any."""
    return item.line.stripped[item.column - item.line.indent:]


def _dated_after(items: list[_Item], k: int) -> bool:
    """The item after `k` (past a vote count) is a date."""
    k += 1
    if k < len(items) and items[k].kind == SCORE:
        k += 1
    return k < len(items) and items[k].kind == STAMP


class _Builder:
    """Groups items into comments and links replies by indentation."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.drafts: list[_Draft] = []
        self.parents: list[int | None] = []
        self.stack: list[int] = []  # indices of open ancestors, shallowest first
        self.full = False

    @property
    def current(self) -> _Draft | None:
        return self.drafts[-1] if self.drafts else None

    def open(self, item: _Item) -> _Draft | None:
        if len(self.drafts) >= self.limit:
            self.full = True
            return None
        while self.stack and self.drafts[self.stack[-1]].column >= item.column:
            self.stack.pop()
        self.parents.append(self.stack[-1] if self.stack else None)
        self.stack.append(len(self.drafts))
        start = item.line.start + item.line.indent
        draft = _Draft(item.column, start, start)
        draft.extend(item)
        self.drafts.append(draft)
        return draft

    def header(self, item: _Item) -> None:
        draft = self.current
        if draft is None or draft.lines or not _merges(draft, item):
            draft = self.open(item)
            if draft is None:
                return
        if item.author and not draft.author:
            draft.author, draft.replying_to = item.author, item.replying_to
        if item.stamp and not draft.timestamp:
            draft.timestamp = item.stamp.value
        if item.kind == SAYS and item.text:
            draft.lines.append(item.text)
        draft.extend(item)

    def trailer(self, item: _Item) -> None:
        """A date (or author and date) after a comment's text belongs to that comment."""
        draft = self.current
        assert draft is not None
        draft.timestamp = item.stamp.value if item.stamp else draft.timestamp
        draft.author = draft.author or item.author
        draft.extend(item)

    def text(self, item: _Item, new: bool) -> None:
        draft = self.current
        if new or draft is None or (draft.closed and draft.lines):
            draft = self.open(item)
            if draft is None:
                return
        draft.lines.append(item.text)
        draft.closed = False
        draft.extend(item)


def _merges(draft: _Draft, item: _Item) -> bool:
    """Whether a header line adds to a comment that has no text yet (repeated name, its date)."""
    if item.author and draft.author and item.author != draft.author:
        return False
    if item.stamp and draft.timestamp:
        return False
    return True


def _is_trailer(item: _Item, after: _Item | None, draft: _Draft | None) -> bool:
    if draft is None or not draft.lines or draft.timestamp or item.kind not in (STAMP, AUTHOR_DATE):
        return False
    if item.kind == AUTHOR_DATE and draft.author:
        return False
    # "Like · Reply · 2y" closes a comment whatever follows; a date with its widget after
    # ("03.03.2024, 16:18 Antworten") also heads comments, so text after it decides
    return after is None or after.kind not in (TEXT,) or (
        item.stamp is not None and widget_before(_stamped_text(item)[:item.stamp.start]))


def _following(items: list[_Item]) -> list[_Item | None]:
    """For each item, the next one that is not a vote count (one backward pass)."""
    out: list[_Item | None] = [None] * len(items)
    nxt: _Item | None = None
    for i in range(len(items) - 1, -1, -1):
        out[i] = nxt
        if items[i].kind != SCORE:
            nxt = items[i]
    return out


#: "level 2" over a comment (Reddit's copied threads): its depth, where indentation is lost
_LEVEL = re.compile(r"level (\d{1,2})", re.I)
#: the columns one level of such a marker stands for
LEVEL_COLUMNS = 4


def _apply_levels(items: list[_Item]) -> None:
    """Give the header after each "level N" marker the column of depth N - 1."""
    level: int | None = None
    for item in items:
        if item.kind == BREAK:
            marker = _LEVEL.fullmatch(item.line.stripped)
            level = int(marker.group(1)) if marker else level
        elif item.kind in HEADERS and level is not None:
            item.column = item.line.indent + (level - 1) * LEVEL_COLUMNS
            level = None


def parse_thread(lines: list[Line], segments: list[Segment], limit: int) -> tuple[list[Comment], bool]:
    """Comments in the `comment` segments, and whether `limit` cut the thread short."""
    items = [_basic_item(line, inside) for line, inside in comment_stream(lines, segments)]
    _settle_names(items)
    _apply_levels(items)
    builder = _Builder(limit)
    following = _following(items)
    for i, item in enumerate(items):
        if builder.full:
            break
        after = following[i]
        if item.kind == BREAK:
            if builder.current:
                builder.current.closed = True
        elif item.kind == SCORE:
            continue
        elif _is_trailer(item, after, builder.current):
            builder.trailer(item)
        elif item.kind in HEADERS:
            builder.header(item)
        else:
            builder.text(item, new=item.kind == BULLET_TEXT)
    return _comments(builder), builder.full


def _named_parents(drafts: list[_Draft], parents: list[int | None]) -> list[int | None]:
    """Parents where indentation gave none but the reply names whom it answers, in its header
    ("Mary > John") or as the first word of its text ("@John", "@ John Smith: …"): the latest
    comment above by that commenter. A thread copied from a browser loses its indentation;
    the names stay."""
    out = list(parents)
    latest: dict[str, int] = {}
    for index, draft in enumerate(drafts):
        if out[index] is None:
            target = _key(draft.replying_to or "") or _addressed(draft, latest)
            out[index] = latest.get(target) if target else None
        if draft.author:
            latest[_key(draft.author)] = index
    return out


def _key(name: str) -> str:
    """A commenter's name as replies address it: "@Maryj" and "maryj" are one person."""
    return name.lstrip("@").casefold()


def _addressed(draft: _Draft, commenters: dict[str, int]) -> str | None:
    """The commenter above (case-folded) whom the comment's first line addresses: "@John"."""
    first = draft.lines[0] if draft.lines else ""
    if not first.startswith("@"):
        return None
    rest = first[1:].lstrip().casefold()
    named = [name for name in commenters if rest.startswith(name)
             and not rest[len(name):len(name) + 1].isalnum()]
    return max(named, key=len, default=None)


def _comments(builder: _Builder) -> list[Comment]:
    comments = []
    parents = _named_parents(builder.drafts, builder.parents)
    for index, draft in enumerate(builder.drafts):
        parent = parents[index]
        depth = 0
        ancestor = parent
        while ancestor is not None:
            depth += 1
            ancestor = parents[ancestor]
        comments.append(Comment(
            id=f"c{index + 1}", parent=None if parent is None else f"c{parent + 1}", depth=depth,
            author=draft.author, timestamp=draft.timestamp, text="\n".join(draft.lines),
            start=draft.start, end=draft.end))
    return comments


class CommentsStep:
    """Parses the page's comment segments into `doc.comments`, a reply tree."""

    name = "comments"
    requires = ("segments",)
    provides = ("comments",)

    def __init__(self, overrides: dict[str, int | float] | None = None) -> None:
        self.limit = int(settings.get("max_comments", overrides))

    def __call__(self, doc: Document) -> None:
        comments, cut = parse_thread(doc.lines, doc.segments, self.limit)
        if cut:
            doc.warn(f"comment thread cut at {self.limit} comments (setting max_comments)")
        doc.comments = comments
