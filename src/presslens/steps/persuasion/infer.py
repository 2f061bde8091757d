"""From paragraphs of one article to techniques with spans, a genre and frames.

Pure functions over strings, shared by the step, the training script (to tune decoding) and the
benchmark, so that what is measured is what the step outputs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import numpy as np

from presslens.steps.persuasion.features import (Lexicon, context_matrix, document_counts,
                                                 document_matrix, paragraph_matrix, tfidf_matrix)
from presslens.steps.persuasion.labels import FRAMES, GENRES, TECHNIQUES
from presslens.steps.persuasion.model import PersuasionModel
from presslens.steps.persuasion.tokens import token_features, token_matrix, tokenize

#: an article longer than this is analysed on its first paragraphs only (time stays bounded)
MAX_PARAGRAPHS = 400
MAX_PARAGRAPH_CHARS = 5000


@dataclass(slots=True)
class TechniqueSpan:
    """A technique found in paragraph `paragraph`, `[start, end)` relative to that paragraph."""

    technique: str
    paragraph: int
    start: int
    end: int
    score: float


@dataclass(slots=True)
class ArticleResult:
    paragraph_probability: np.ndarray  # paragraphs x techniques, calibrated
    paragraph_techniques: list[list[str]]  # above threshold, per paragraph
    spans: list[TechniqueSpan]
    genre: tuple[str, float] | None
    frames: list[tuple[str, float]]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    raw = files("presslens").joinpath("resources/persuasion_lexicon.json").read_text("utf-8")
    return Lexicon(json.loads(raw))


def analyze_paragraphs(model: PersuasionModel, paragraphs: list[str], language: str | None,
                       title_first: bool = False, threshold: float | None = None,
                       lexicon: Lexicon | None = None) -> ArticleResult:
    """Techniques per paragraph (with spans), genre and frames for one article's paragraphs.

    `threshold` replaces the per-technique thresholds with one value for every technique.
    """
    lexicon = lexicon or default_lexicon()
    paragraphs = [p[:MAX_PARAGRAPH_CHARS] for p in paragraphs[:MAX_PARAGRAPHS]]
    if not any(p.strip() for p in paragraphs):
        return ArticleResult(np.zeros((len(paragraphs), len(TECHNIQUES))),
                             [[] for _ in paragraphs], [], None, [])
    is_title = [title_first and i == 0 for i in range(len(paragraphs))]
    X = paragraph_matrix(paragraphs, language, lexicon, is_title)
    first = model.paragraph.decision(X)
    probability = model.context.probability(context_matrix(first, language))
    if threshold is None:
        cut = model.technique_thresholds(language)
    else:
        cut = np.full(len(TECHNIQUES), threshold)
    chosen = probability >= cut
    spans = []
    for index, paragraph in enumerate(paragraphs):
        wanted = np.flatnonzero(chosen[index])
        if wanted.size:
            spans += locate_spans(model, paragraph, index, language, wanted, probability[index],
                                  lexicon)
    techniques = [[TECHNIQUES[j] for j in np.flatnonzero(row)] for row in chosen]
    genre, frames = classify_article("\n".join(paragraphs), language, model)
    return ArticleResult(probability, techniques, spans, genre, frames)


def locate_spans(model: PersuasionModel, paragraph: str, index: int, language: str | None,
                 wanted: np.ndarray, probability: np.ndarray, lexicon: Lexicon) -> list[TechniqueSpan]:
    """Where in the paragraph each wanted technique sits, from the token tagger's scores."""
    offsets, token_probability = token_scores(model, paragraph, language, lexicon)
    return [TechniqueSpan(TECHNIQUES[j], index, start, end, float(probability[j]))
            for j, start, end in decode_spans(offsets, token_probability, wanted,
                                              float(model.meta["span_ratio"]),
                                              int(model.meta["span_gap"]))]


def token_scores(model: PersuasionModel, paragraph: str, language: str | None,
                 lexicon: Lexicon) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The paragraph's tokens and the tagger's probability of each technique for each token."""
    offsets = tokenize(paragraph)
    if not offsets:
        return [], np.zeros((0, len(TECHNIQUES)))
    rows = token_features(paragraph, offsets, language, lexicon.word_cues(language))
    return offsets, model.tagger.probability(token_matrix(rows))


def decode_spans(offsets: list[tuple[int, int]], token_probability: np.ndarray,
                 wanted: np.ndarray, ratio: float, gap: int) -> list[tuple[int, int, int]]:
    """(technique index, start, end) of each span of the wanted techniques.

    A technique's spans are the runs of tokens scoring at least `ratio` of its best token in the
    paragraph; the paragraph classifier already decided that the technique is there, so the
    best run always exists.
    """
    if not offsets:
        return []
    found = []
    for technique in wanted:
        column = token_probability[:, technique]
        inside = column >= ratio * column.max()
        for first, last in _runs(inside, gap):
            found.append((int(technique), offsets[first][0], offsets[last][1]))
    return found


def _runs(inside: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Runs of True (first, last index), bridging holes of at most `gap` tokens."""
    runs: list[list[int]] = []
    for i in np.flatnonzero(inside):
        if runs and i - runs[-1][1] <= gap + 1:
            runs[-1][1] = int(i)
        else:
            runs.append([int(i), int(i)])
    return [(a, b) for a, b in runs]


def classify_article(text: str, language: str | None,
                     model: PersuasionModel) -> tuple[tuple[str, float] | None, list[tuple[str, float]]]:
    """The article's genre (softmax over the three) and its frames above their thresholds."""
    if not text.strip():
        return None, []
    counts = document_counts([text])
    z = model.genre.decision(document_matrix([text], [language], counts))[0]
    z = np.exp(z - z.max())
    share = z / z.sum()
    genre = (GENRES[int(share.argmax())], float(share.max()))
    frame_probability = model.frames.probability(tfidf_matrix(counts, model.frame_idf))[0]
    cut = np.array(model.meta["frame_thresholds"])
    frames = sorted(((FRAMES[j], float(frame_probability[j]))
                     for j in np.flatnonzero(frame_probability >= cut)), key=lambda f: -f[1])
    return genre, frames
