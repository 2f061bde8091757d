"""The `persuasion` step: techniques with spans, genre and frames of an article's body.

The step reads the title and the body paragraphs, scores every paragraph for the 23 techniques of
SemEval-2023 Task 3, finds the persuasive spans with a span head and names each span's
technique with a token tagger, and maps those spans back to `Document.text`. The built-in model
is small and linear (see models/persuasion/MODEL_CARD.md); a user's own fine-tuned
transformers token classifier can replace the technique part through
`PersuasionStep(transformers_path=...)` or PRESSLENS_PERSUASION_TRANSFORMERS.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from presslens import settings
from presslens.document import Document
from presslens.steps.persuasion.infer import (MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS, ArticleResult,
                                              analyze_paragraphs)
from presslens.steps.persuasion.model import MODEL_DIR, PersuasionModel, load_model

#: environment variable naming a local transformers model folder (optional backend)
TRANSFORMERS_ENV = "PRESSLENS_PERSUASION_TRANSFORMERS"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
#: where a paragraph too long for the model is cut, best first: after a sentence, at a space
_SENTENCE_END = re.compile(r"[.!?…][\"'”»)]*\s+")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4)
def cached_model(directory: str = str(MODEL_DIR)) -> PersuasionModel:
    """The model in `directory`, loaded once per process."""
    return load_model(Path(directory))


class PersuasionStep:
    """Adds `techniques`, `genre` and `frames` to a document with a body and a language."""

    name = "persuasion"
    requires = ("body", "language")
    provides = ("techniques", "genre", "frames")

    def __init__(self, threshold: float | None = None, model_dir: str | Path | None = None,
                 transformers_path: str | Path | None = None,
                 overrides: dict[str, int | float] | None = None) -> None:
        if threshold is None:
            configured = float(settings.get("techniques_threshold",
                                            overrides or settings.from_environment()))
            # a negative setting means: use the calibrated per-technique thresholds
            threshold = configured if configured >= 0 else None
        self.threshold = threshold
        self.model_dir = str(model_dir or MODEL_DIR)
        self.transformers_path = transformers_path or os.environ.get(TRANSFORMERS_ENV) or None
        self._backend: Any = None

    @property
    def model(self) -> PersuasionModel:
        return cached_model(self.model_dir)

    def __call__(self, doc: Document) -> None:
        set_result(doc, [], None, [])
        units = [piece for unit in article_units(doc) for piece in unit.pieces(MAX_PARAGRAPH_CHARS)]
        if not units:
            return
        language = doc.language
        if language not in self.model.languages:
            doc.warn(f"persuasion: no model for language {language or 'unknown'!r} (models: "
                     f"{', '.join(self.model.languages)}); techniques, genre and frames not analysed")
            return
        if len(units) > MAX_PARAGRAPHS:
            doc.warn(f"persuasion: {len(units)} paragraphs; techniques, genre and frames read in "
                     f"the first {MAX_PARAGRAPHS} only")
            units = units[:MAX_PARAGRAPHS]
        texts = [u.text for u in units]
        result = analyze_paragraphs(self.model, texts, language,
                                    title_first=units[0].is_title, threshold=self.threshold)
        if self.transformers_path:
            result.spans = self.backend().spans(texts, threshold=self.threshold)
        set_result(doc, techniques_of(doc, units, result),
                   {"label": result.genre[0], "score": round(result.genre[1], 4)} if result.genre else None,
                   [{"label": label, "score": round(score, 4)} for label, score in result.frames])

    def backend(self) -> Any:
        if self._backend is None:
            from presslens.steps.persuasion.backend import TransformersBackend

            self._backend = TransformersBackend(self.transformers_path)
        return self._backend


def set_result(doc: Document, techniques: list[dict], genre: dict | None, frames: list[dict]) -> None:
    # the document keeps fields it has no slot for in `extras`, which to_dict() writes out
    doc.extras["techniques"] = techniques
    doc.extras["genre"] = genre
    doc.extras["frames"] = frames


class Unit:
    """A paragraph the model reads, with the way back from its offsets to `Document.text`."""

    __slots__ = ("text", "is_title", "_to_source")

    def __init__(self, text: str, to_source: list[int] | Callable[[int, int], tuple[int, int]],
                 is_title: bool = False) -> None:
        self.text = text
        self.is_title = is_title
        # either the source offset of each character, or a function of a span (the body map)
        self._to_source = to_source

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source `[start, end)` of `text[start:end]`."""
        if callable(self._to_source):
            return self._to_source(start, end)
        return self._to_source[start], self._to_source[end - 1] + 1

    def pieces(self, limit: int) -> list["Unit"]:
        """This unit cut into units of at most `limit` characters, after a sentence where one
        ends in the second half of a piece, else at a space (a page with no paragraph breaks
        would otherwise be read as one paragraph the model never saw the like of)."""
        if len(self.text) <= limit:
            return [self]
        found, start = [], 0
        while start < len(self.text):
            end = len(self.text) if len(self.text) - start <= limit else _cut(self.text, start, limit)
            piece = self.text[start:end]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                base = start + lead
                found.append(Unit(piece.strip(), _shifted(self, base),
                                  is_title=self.is_title and not found))
            start = end
        return found


def _cut(text: str, start: int, limit: int) -> int:
    window = text[start:start + limit]
    for pattern in (_SENTENCE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(window) if m.end() >= limit // 2]
        if ends:
            return start + ends[-1]
    return start + limit


def _shifted(unit: Unit, base: int) -> Callable[[int, int], tuple[int, int]]:
    return lambda start, end: unit.span(base + start, base + end)


def article_units(doc: Document) -> list[Unit]:
    """The title (when the segmenter found one) and the body paragraphs, mapped to the text."""
    units = []
    for segment in doc.segments_labelled("title"):
        title = doc.text[segment.start:segment.end]
        lead = len(title) - len(title.lstrip())
        title = title.strip()
        if title:
            start = segment.start + lead
            units.append(Unit(" ".join(title.split()), _collapsed_offsets(doc.text, start, title),
                              is_title=True))
            break
    body = doc.body or ""
    cursor = 0
    for match in _paragraphs(body):
        start, end = match
        paragraph = body[start:end]
        if doc.body_map is not None:
            offsets: Any = _body_mapper(doc.body_map, start)
        else:
            # the HTML path re-flows trafilatura's extraction with no offset map: find the
            # paragraph in the text, allowing for different whitespace
            found = _locate(doc.text, paragraph, cursor)
            if found is None:
                continue
            offsets = found
            cursor = offsets[-1] + 1
        units.append(Unit(paragraph, offsets))
    return units


def _body_mapper(body_map: Any, base: int) -> Callable[[int, int], tuple[int, int]]:
    return lambda start, end: body_map.span_to_source(base + start, base + end)


def _paragraphs(body: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(body):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(body)))
    return [(s, e) for s, e in spans if body[s:e].strip()]


def _collapsed_offsets(text: str, start: int, stripped: str) -> list[int]:
    """Offsets for `" ".join(stripped.split())`, whose words sit in `text` from `start` on."""
    located = _locate(text, " ".join(stripped.split()), start)
    return located or list(range(start, start + len(" ".join(stripped.split()))))


def _locate(text: str, paragraph: str, cursor: int) -> list[int] | None:
    """Source offset of every character of `paragraph`, matched in `text` from `cursor` on with
    any run of whitespace standing for any other; None when the paragraph is not there."""
    words = paragraph.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.compile(pattern).search(text, cursor) or re.compile(pattern).search(text)
    if match is None:
        return None
    offsets, position = [], match.start()
    for char in paragraph:
        if char.isspace():
            offsets.append(position)  # a space maps to the first whitespace of the run
            while position < match.end() and text[position].isspace():
                position += 1
        else:
            offsets.append(position)
            position += 1
    return offsets


def techniques_of(doc: Document, units: list[Unit], result: ArticleResult) -> list[dict]:
    """Technique spans as `{technique, start, end, score}` in `Document.text` offsets."""
    found = []
    for span in result.spans:
        start, end = units[span.paragraph].span(span.start, span.end)
        doc.check_span(start, end)
        found.append({"technique": span.technique, "start": start, "end": end,
                      "score": round(span.score, 4)})
    found.sort(key=lambda t: (t["start"], t["end"], t["technique"]))
    return found
