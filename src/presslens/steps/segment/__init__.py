"""The segment step: label every line of a page title, meta, body, boilerplate or comment.

A small line classifier (features of the line and its neighbours, `features.py`) gives label
probabilities; Viterbi smoothing with learned label transitions picks the sequence (`model.py`);
the comment-thread rules (`threads.py`) then relabel reader comments. For HTML pages the reader's
trafilatura extraction (`doc.hints`) decides the lines it covers and the model the rest.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

import numpy as np

from presslens.document import Document, Line, Segment
from presslens.steps.dates import announces_publication, is_bare_lead
from presslens.steps.segment import features as _cues
from presslens.steps.segment.features import line_features
from presslens.steps.segment.model import LABELS, get_model

from presslens.steps.segment.furniture import demote_furniture, furniture_kind
from presslens.steps.segment.pleas import demote_pleas, is_plea
from presslens.steps.segment.standfirst import keep_standfirst
from presslens.steps.segment.threads import mark_comment_lines

_INDEX = {label: i for i, label in enumerate(LABELS)}


_WORDS = re.compile(r"\w+")


def match_key(text: str) -> str:
    """The words of `text`, space-joined: how rendered lines are matched against an extraction.

    Rendering and extraction differ in bullets ("* item" / "- item"), table cell separators and
    spacing; the words survive both.
    """
    return " ".join(_WORDS.findall(text))


class Extraction:
    """An extractor's text (trafilatura's main text, comments) indexed for matching lines."""

    __slots__ = ("whole", "lines")

    def __init__(self, text: str) -> None:
        self.whole = match_key(text)
        self.lines = {match_key(part) for part in text.splitlines() if part.strip()}

    def strong(self, key: str) -> bool:
        """The line is a whole paragraph of the extraction, or long enough not to match by chance."""
        return bool(key) and (key in self.lines or (len(key) >= 20 and key in self.whole))

    def weak(self, key: str) -> bool:
        return bool(key) and key in self.whole


def forced_labels(lines: Sequence[Line], index: Sequence[int],
                  hints: dict[str, Any]) -> tuple[list[int | None], np.ndarray] | None:
    """What the reader's HTML extraction decides, per non-blank line (None: no hints).

    Returns (label index each row must take or None, mask of rows that may not be body because
    the extraction's main text lacks them).
    """
    if not any(key in hints for key in ("html_main", "html_comments", "html_meta")):
        return None
    main_text = hints.get("html_main")
    comments_text = hints.get("html_comments")
    meta = hints.get("html_meta") or {}
    main = Extraction(main_text) if main_text else None
    comments = Extraction(comments_text) if comments_text else None
    title = match_key(meta.get("title") or "")
    forced: list[int | None] = [None] * len(index)
    not_body = np.zeros(len(index), dtype=bool)
    title_rows: list[int] = []
    exact_rows: set[int] = set()  # title rows that are the title, not a line holding it
    first_body = len(index)
    for row, i in enumerate(index):
        text = match_key(lines[i].text)
        if main is not None:
            if main.strong(text):
                forced[row] = _INDEX["body"]
                first_body = min(first_body, row)
            elif not main.weak(text):
                not_body[row] = True
        if forced[row] is None and comments is not None and comments.strong(text):
            forced[row] = _INDEX["comment"]
        if title and text and (text == title or (title in text and len(text) <= 1.3 * len(title) + 10)):
            title_rows.append(row)
            if text == title:
                exact_rows.add(row)
    if title_rows:
        # the title match nearest before the article, a line that is the title rather than one
        # that holds it ("Ingredients for Bee Sting Muffins" under "Bee Sting Muffins");
        # other matches (menus, teasers) stay free
        before = [r for r in title_rows if r <= first_body] or title_rows[:1]
        exact = [r for r in before if r in exact_rows]
        forced[(exact or before)[-1]] = _INDEX["title"]
    return forced, not_body


def html_constraints(lines: Sequence[Line], index: Sequence[int],
                     hints: dict[str, Any]) -> np.ndarray | None:
    """Labels each non-blank line may take given the reader's HTML extraction (None: no hints)."""
    decided = forced_labels(lines, index, hints)
    if decided is None:
        return None
    forced, not_body = decided
    allowed = np.ones((len(index), len(LABELS)), dtype=bool)
    allowed[not_body, _INDEX["body"]] = False
    for row, label in enumerate(forced):
        if label is not None:
            allowed[row] = False
            allowed[row, label] = True
    return allowed


#: how many lines above the article a byline or date line is looked for on HTML pages
META_REACH = 8


def extraction_labels(lines: Sequence[Line], hints: dict[str, Any]
                      ) -> tuple[list[str | None], dict[int, np.ndarray]] | None:
    """Labels from the HTML extraction alone when it found the main text (None otherwise), and
    the labels each line the extraction decided may take.

    trafilatura saw the DOM and decided what the article is; the line model would only repeat
    that decision at several times the cost. Lines inside the main text that match it only in
    part stay body; short lines with a byline or date just above the article are meta; the
    standfirst under the headline is body (extractors drop it where it stands outside the
    article's container); the rest is boilerplate.
    """
    if not hints.get("html_main"):
        return None
    index = [i for i, line in enumerate(lines) if line.stripped]
    decided = forced_labels(lines, index, hints)
    if decided is None:
        return None
    forced, not_body = decided
    body_rows = [r for r, k in enumerate(forced) if k == _BODY_K]
    first, last = (body_rows[0], body_rows[-1]) if body_rows else (len(index), -1)
    labels: list[str | None] = [None] * len(lines)
    allowed: dict[int, np.ndarray] = {}
    for row, i in enumerate(index):
        label = forced[row]
        # the extractor keeps the furniture inside the article's container
        if label == _BODY_K:
            label = _INDEX[extracted_furniture(lines[i].stripped) or "body"]
        if label is not None:
            labels[i] = LABELS[label]
            allowed[i] = np.arange(len(LABELS)) == label
        elif first < row < last and not not_body[row]:
            labels[i] = extracted_furniture(lines[i].stripped) or "body"
        elif first - META_REACH <= row < first and _meta_like(lines[i].stripped):
            labels[i] = "meta"
        else:
            labels[i] = "boilerplate"
    return keep_standfirst(lines, labels), allowed


def extracted_furniture(paragraph: str) -> str | None:
    """'boilerplate' or 'meta' for a paragraph of an extractor's main text that is page
    furniture (a plea to subscribe, a picture credit, a dateline, a "Quelle:" line …), else None.

    trafilatura keeps what stands inside the article's container; these are the line rules the
    text path applies after its classifier, on the paragraph alone (no neighbours).
    """
    return "boilerplate" if is_plea(paragraph) else furniture_kind(paragraph)


def _meta_like(text: str) -> bool:
    low = text[:160].lower()
    return len(text) <= 120 and bool(_cues._BYLINE.match(low) or _cues._TIMESTAMP.search(low))


# -- the headline: one title line (or a two-line wrap) before the article ----------------------

_MENU_GAP = re.compile(r"\S\s{3,}\S")  # words in columns: a menu or a running header
# a picture credit: "NAME/AGENCY via Lensbank Images", "Photos: …"
_PICTURE_CREDIT = re.compile(r"\b(?:images|photos|pictures|photographs?|fotos|bilder|zdjęcia|"
                             r"фото)\b|[^\W\d_]/[^\W\d_]")
# the renderer's marks of nested list items ("+ Enterprise 2.0", "o Archiv"): menu entries
_NESTED_ITEM = re.compile(r"^\s*[+o]\s")
# a word, a sentence's end and the next sentence's first letter ("… umgebaut. Das Haus …")
_SENTENCE_INSIDE = re.compile(r"(\w+)[.!?] +[^\W\d_]")
# skip links, breadcrumbs and empty search results in the languages the cues cover
_NAVIGATION = re.compile(
    r"^\W*(?:skip to|jump to|you are here|direkt zum|zum inhalt|springe zu[mr]?|sie sind hier|"
    r"aller au|vous êtes ici|saltar al|usted está aquí|vai al|ti trovi in|przejdź do|"
    r"jesteś tutaj|перейти к|вы здесь|toggle (?:navigation|menu))\b|"
    r"\b(?:no results|keine (?:such)?ergebnisse|"
    r"aucun résultat|sin resultados|nessun risultato|brak wyników)\b")
# a link's arrow ("ORDER REPRINT →") or a gloss in brackets ("(MAWD-lin)"); not » or ›,
# which close quotations in French and Swiss German headlines
_NOT_A_HEADLINE = re.compile(r"[→▶►]\s*$|^\(.*\)$")
# a glyph of an icon font (Unicode's private use area): buttons and recipe facts
# ("\ue192 Arbeitszeit ca. 30 Minuten"), never a headline's words
_ICON = re.compile("[\ue000-\uf8ff]")
_TITLE, _BODY_K = _INDEX["title"], _INDEX["body"]
#: how far above the first body paragraph a headline is looked for (non-blank lines)
TITLE_REACH = 30
#: the fewest words of a headline ("Tach auch!", "Menschenrechte achten"); a line joined to
#: one as its wrapped half needs the three words of `title_like`'s default
HEADLINE_WORDS = 2


def title_like(text: str, min_words: int = 3) -> bool:
    """A line shaped like a headline: a few words (`min_words` or more), mostly letters, no
    sentence or cue of furniture, byline, credit, date, link, menu or comment header."""
    text = text.strip()
    words = _WORDS.findall(text)
    if not min_words <= len(words) <= 30 or len(text) > 220 or _MENU_GAP.search(text):
        return False
    if text.endswith((".", ":", ",", ";")) and not text.endswith("..."):
        return False
    if len(words) >= 15 and _two_sentences(text):
        return False  # the first line of a wrapped paragraph
    low = text.lower()
    if _NESTED_ITEM.match(text) or _NAVIGATION.search(low) or _NOT_A_HEADLINE.search(text) \
            or _ICON.search(text) or announces_publication(text):
        return False
    if (_cues._BYLINE.match(low) or _cues._CREDIT.search(low) or _cues._URLISH.search(low)
            or _cues._COPYRIGHT.search(low) or _cues._COMMENT_HEADER.search(low)
            or _PICTURE_CREDIT.search(low)
            or _cues._BULLET.match(text) or len(_cues._SEPARATORS.findall(low)) >= 2):
        return False
    if len(words) <= 6 and (_cues._BOILERPLATE.search(low) or _cues._TIMESTAMP.search(low)):
        return False
    letters = sum(ch.isalpha() for ch in text)
    return letters >= 0.6 * len(text.replace(" ", ""))


def _credit_lead(text: str) -> bool:
    """A picture credit's or byline's lead alone on its line ("Foto:", "By"): the next line
    is the name it introduces, not a headline."""
    text = text.strip()
    return len(_WORDS.findall(text)) <= 2 and (
        (text.endswith(":") and _cues._CREDIT.search(text.lower()) is not None)
        or is_bare_lead(text))


def _two_sentences(text: str) -> bool:
    """A sentence ends inside `text` after a lower-case word; "U.S. Army", "Dr. Oetker" and
    "Mrs. Smith" are abbreviations."""
    return any(len(m.group(1)) >= 3 and m.group(1).islower()
               for m in _SENTENCE_INSIDE.finditer(text))


def _wraps(first: str, second: str) -> bool:
    """`second` carries on a headline that `first` started (a title wrapped over two lines)."""
    first, second = first.strip(), second.strip()
    return (not first.endswith((".", "!", "?", ":", "…")) and len(first) + len(second) <= 220
            and len(_WORDS.findall(second)) >= 2 and not _MENU_GAP.search(second)
            and title_like(second + (" x x" if len(_WORDS.findall(second)) < 3 else "")))


def _sentence_goes_on(texts: Sequence[str], index: Sequence[int], r: int) -> bool:
    """Row `r` is the first line of a hard-wrapped sentence: the very next line carries on in
    lower case ("… inland in the fishing" / "town of Wrenhaven, …"); a wrapped headline's
    second line starts with a capital."""
    if r + 1 >= len(texts) or index[r + 1] != index[r] + 1:
        return False
    following = texts[r + 1].lstrip()
    return bool(following) and following[0].islower()


def choose_title(texts: Sequence[str], index: Sequence[int], path: np.ndarray,
                 log_proba: np.ndarray) -> np.ndarray:
    """Exactly one headline before the first body paragraph (two rows when it wraps).

    The model sees titles rarely; among title-like rows above the first body paragraph the one
    the model likes best, nearest the article and longest wins; a headline the page repeats is
    taken at its first occurrence and its later copies become boilerplate. Other title rows
    take their next most likely label. Nothing changes when no row is title-like.
    """
    n = len(path)
    body_rows = np.flatnonzero(path == _BODY_K)
    first_body = next((int(r) for r in body_rows
                       if len(_WORDS.findall(texts[r])) >= 12 and not title_like(texts[r])),
                      int(body_rows[0]) if len(body_rows) else n)
    lo = max(0, first_body - TITLE_REACH)
    # only rows above the article are ever compared
    keys = {r: match_key(texts[r]) for r in range(0, min(first_body + 1, n))}
    best, best_score = -1, -np.inf
    for r in range(lo, first_body):
        if not title_like(texts[r], HEADLINE_WORDS) or _sentence_goes_on(texts, index, r) \
                or (r > 0 and _credit_lead(texts[r - 1])):
            continue
        # a headline the model took for a short body line (above the first long paragraph)
        # still competes, behind lines it did not call body
        n_words = len(_WORDS.findall(texts[r]))
        score = (float(np.exp(log_proba[r, _TITLE])) + 0.3 * (path[r] == _TITLE)
                 - 0.3 * (path[r] == _BODY_K)
                 + 0.3 * min(n_words, 10) / 10 - 0.02 * (first_body - r))
        if score > best_score:
            best, best_score = r, score
    if best < 0:
        return path
    path = path.copy()
    first = next(r for r in range(lo, best + 1)
                 if keys[r] == keys[best] and (r == best or title_like(texts[r], HEADLINE_WORDS)))
    chosen = [first]
    # the headline's second line: not the article's first paragraph (a short line the model
    # called body may be the wrap, "With the Cost of Rising Tides")
    if first + 1 < n and index[first + 1] == index[first] + 1 \
            and (path[first + 1] != _BODY_K or len(_WORDS.findall(texts[first + 1])) < 12) \
            and match_key(texts[first + 1]) != keys[first] \
            and _wraps(texts[first], texts[first + 1]):
        chosen.append(first + 1)
    elif first > 0 and index[first - 1] == index[first] - 1 and path[first - 1] != _BODY_K \
            and _wraps(texts[first - 1], texts[first]) and title_like(texts[first - 1]):
        chosen.insert(0, first - 1)
    others = log_proba.copy()
    others[:, _TITLE] = -np.inf
    chosen_keys = {keys.get(c) or match_key(texts[c]) for c in chosen}
    for r in range(n):
        if r in chosen:
            path[r] = _TITLE
        elif r < first_body and keys[r] and keys[r] in chosen_keys:
            path[r] = _INDEX["boilerplate"]
        elif path[r] == _TITLE:
            path[r] = int(others[r].argmax())
    return path


#: a decoded article shorter than this (in words) is probably a menu or a notice that won
#: over the real text
MIN_BODY_WORDS = 100


def _rescue_body(texts: Sequence[str], path: np.ndarray, log_proba: np.ndarray) -> np.ndarray:
    """On a page whose decoded body is (nearly) empty, every line the classifier alone calls
    body is body. The decoder's label transitions silence a lone paragraph among menus, which
    on a one-paragraph page (a podcast's blurb, a product text) is the whole article."""
    body_rows = np.flatnonzero(path == _BODY_K)
    if sum(len(_WORDS.findall(texts[r])) for r in body_rows) >= MIN_BODY_WORDS:
        return path
    path = path.copy()
    path[log_proba.argmax(axis=1) == _BODY_K] = _BODY_K
    return path


def _classify(lines: Sequence[Line], hints: dict[str, Any] | None
              ) -> tuple[list[str | None], dict[int, np.ndarray]]:
    """Labels per line, and for HTML pages the labels each non-blank line may take."""
    index, features = line_features(lines)
    labels: list[str | None] = [None] * len(lines)
    if not index:
        return labels, {}
    model = get_model()
    allowed = html_constraints(lines, index, hints) if hints else None
    # stripped: the model's lexicon reads them so, and the title rules strip what they test
    texts = [lines[i].text.strip() for i in index]
    log_proba = model.log_proba(features, texts)
    path = model.decode(log_proba, allowed)
    if allowed is None:
        path = choose_title(texts, index, _rescue_body(texts, path, log_proba), log_proba)
    for i, k in zip(index, path):
        labels[i] = LABELS[k]
    if allowed is None:
        return labels, {}
    return labels, {i: allowed[row] for row, i in enumerate(index) if not allowed[row].all()}


def label_lines(lines: Sequence[Line], hints: dict[str, Any] | None = None) -> list[str | None]:
    """One label per line (None for blank lines), before the comment-thread rules."""
    return _classify(lines, hints)[0]


def _keep_allowed(labels: list[str | None], classified: list[str | None],
                  allowed: dict[int, np.ndarray]) -> list[str | None]:
    """Undo relabellings that contradict the HTML extraction (e.g. its main text as comment)."""
    for i, mask in allowed.items():
        label = labels[i]
        if label is not None and not mask[_INDEX[label]]:
            labels[i] = classified[i]
    return labels


def segments_from_labels(doc: Document, lines: Sequence[Line],
                         labels: Sequence[str | None]) -> list[Segment]:
    """One segment per run of same-label lines (blank lines inside a run belong to it)."""
    segments: list[Segment] = []
    run_label: str | None = None
    run_start = run_end = 0
    for line, label in zip(lines, labels):
        if label is None:
            continue
        if label == run_label:
            run_end = line.end
            continue
        if run_label is not None:
            segments.append(doc.segment(run_start, run_end, run_label))
        run_label, run_start, run_end = label, line.start, line.end
    if run_label is not None:
        segments.append(doc.segment(run_start, run_end, run_label))
    return segments


class SegmentStep:
    """Labels every non-blank line; sets `doc.segments` (full lines, code-point offsets)."""

    name = "segment"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("segments",)

    def __call__(self, doc: Document) -> None:
        lines = doc.lines
        fast = extraction_labels(lines, doc.hints) if doc.hints else None
        if fast is not None:
            labels, allowed = fast
            # thread rules only where the extraction found comments to give structure to
            if doc.hints.get("html_comments"):
                labels = _keep_allowed(mark_comment_lines(list(lines), list(labels)), labels,
                                       allowed)
            doc.segments = segments_from_labels(doc, lines, labels)
            return
        classified, allowed = _classify(lines, doc.hints)
        labels = mark_comment_lines(list(lines), list(classified))
        labels = keep_standfirst(lines, demote_furniture(lines, demote_pleas(lines, labels)))
        if allowed:
            labels = _keep_allowed(labels, classified, allowed)
        doc.segments = segments_from_labels(doc, lines, labels)


__all__ = ["SegmentStep", "Extraction", "choose_title", "extracted_furniture", "html_constraints",
           "label_lines", "match_key", "segments_from_labels", "title_like"]
