"""The standfirst: the summary sentence news pages print between the headline and the article.

It sits among the byline, the date and the share buttons, so the line classifier, which weighs
a line's neighbours, often files it with them as meta or boilerplate. It is article text: a
reader quoting the article quotes it, and extractors keep it. What gives it away is that it is
a whole sentence (long, closed by sentence punctuation, or unclosed like the headline when it
stands right under it) in the short stretch between the headline and the first body line, and
none of the page furniture the other rules know.
"""

from __future__ import annotations

from typing import Sequence

from presslens.document import Line
from presslens.steps.segment.features import _BYLINE, _WORD
from presslens.steps.segment.furniture import furniture_kind
from presslens.steps.segment.pleas import is_plea
from presslens.steps.segment.threads import timestamp_in

#: a standfirst is one or two sentences: at least this many words
MIN_WORDS = 12
#: and it comes within this many non-blank lines after the headline
MAX_LINES_AFTER_TITLE = 8
_CLOSING = (".", "!", "?", "…", "»", "”", '"')


def keep_standfirst(lines: Sequence[Line], labels: list[str | None]) -> list[str | None]:
    """Sentences between the headline and the first body line become body."""
    out = list(labels)
    rows = [i for i, label in enumerate(labels) if label is not None]
    title = next((r for r, i in enumerate(rows) if labels[i] == "title"), None)
    if title is None:
        return out
    headline = _words(" ".join(lines[i].stripped for i in rows if labels[i] == "title"))
    for r in range(title + 1, min(title + 1 + MAX_LINES_AFTER_TITLE, len(rows))):
        i = rows[r]
        if labels[i] in ("body", "comment", "title"):
            break
        # pages print the headline twice (page head and article head): the copy, as long and
        # as unclosed as a standfirst, stays the boilerplate the title rules made it
        text = lines[i].stripped
        if is_standfirst(text, r == title + 1) and _words(text) != headline:
            out[i] = "body"
    return out


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def is_standfirst(text: str, under_title: bool = False) -> bool:
    """A summary sentence; right under the headline it may go without its full stop, as the
    headline does ("Penalties for those who refuse to self-isolate are to be increased …")."""
    # unclosed, it must not be the dateline, byline or tag line that also stands there
    closed = text.endswith(_CLOSING) or (under_title and timestamp_in(text) is None
                                         and not _BYLINE.match(text.lower()))
    return (len(text.split()) >= MIN_WORDS and closed
            and furniture_kind(text) is None and not is_plea(text))
