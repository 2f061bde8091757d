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
from scipy import sparse

from presslens.steps.persuasion.features import (Lexicon, context_matrix, document_matrix,
                                                 joined_counts, ngram_counts, paragraph_matrix,
                                                 tfidf_matrix)
from presslens.steps.persuasion.labels import FRAMES, GENRES, TECHNIQUES
from presslens.steps.persuasion.model import LinearHead, PersuasionModel
from presslens.steps.persuasion.tokens import token_matrix, tokenize

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
    # the paragraphs' n-grams serve the paragraph rows and, summed, the whole article's
    counts = ngram_counts(paragraphs)
    X = paragraph_matrix(paragraphs, language, lexicon, is_title, counts)
    probability = paragraph_probability(model.paragraph, model.context, X, language)
    decoding = model.span_decoding(language)
    gate = decoding.pop("gate")  # the other numbers are decode_spans' arguments
    if threshold is None:
        cut = model.technique_thresholds(language)
        weaker = weaker_techniques(probability, cut, gate)
    else:
        cut = np.full(len(TECHNIQUES), threshold)
        weaker = probability >= cut
    chosen = probability >= cut
    spans = locate_spans(model, paragraphs, language, chosen, weaker, probability, lexicon,
                         decoding)
    techniques = [[TECHNIQUES[j] for j in np.flatnonzero(row)] for row in chosen]
    genre, frames = classify_article(joined_counts(paragraphs, counts), language, model)
    return ArticleResult(probability, techniques, spans, genre, frames)


def paragraph_probability(paragraph: LinearHead, context: LinearHead, X: sparse.csr_matrix,
                          language: str | None) -> np.ndarray:
    """Calibrated probability of each technique for each paragraph (row of `X`, one article's
    `paragraph_matrix`): the first stage's scores read again in the article's context."""
    return context.probability(context_matrix(paragraph.decision(X), language))


def weaker_techniques(probability: np.ndarray, cut: np.ndarray, gate: float) -> np.ndarray:
    """Techniques that may label a span: a score of at least `gate` times the technique's
    threshold (on the English training articles the paragraph head misses many sentences with
    spans). A technique switched off for the language (threshold above 1) stays off."""
    return (probability >= gate * cut) & (cut <= 1.0)


def locate_spans(model: PersuasionModel, paragraphs: list[str], language: str | None,
                 chosen: np.ndarray, weaker: np.ndarray, probability: np.ndarray,
                 lexicon: Lexicon, decoding: dict[str, float]) -> list[TechniqueSpan]:
    """Where in each paragraph its techniques sit (`chosen` and `weaker` are boolean
    paragraphs x techniques): the span head finds the regions, the token tagger says which
    technique each region shows. The tokens of all paragraphs are scored in one pass."""
    indices = [i for i in range(len(paragraphs)) if weaker[i].any()]
    scored = token_scores(model, [paragraphs[i] for i in indices], language, lexicon)
    spans = []
    for index, (offsets, token_probability, region_probability) in zip(indices, scored):
        spans += [TechniqueSpan(TECHNIQUES[j], index, start, end, float(probability[index, j]))
                  for j, start, end in decode_spans(
                      offsets, token_probability, region_probability,
                      np.flatnonzero(chosen[index]), np.flatnonzero(weaker[index] & ~chosen[index]),
                      **decoding)]
    return spans


def token_scores(model: PersuasionModel, paragraphs: list[str], language: str | None,
                 lexicon: Lexicon) -> list[tuple[list[tuple[int, int]], np.ndarray, np.ndarray]]:
    """Per paragraph: its tokens, the tagger's probability of each technique for each token and
    the span head's probability that the token is inside a persuasive span."""
    offsets = [tokenize(p) for p in paragraphs]
    if not any(offsets):
        return [(o, np.zeros((0, len(TECHNIQUES))), np.zeros(0)) for o in offsets]
    X = token_matrix(paragraphs, offsets, language, lexicon.word_cues(language))
    region = model.span.probability(X)[:, model.span_column(language)]
    technique = model.tagger.probability(X)
    bounds = np.cumsum([0] + [len(o) for o in offsets])
    return [(o, technique[a:b], region[a:b]) for o, a, b in zip(offsets, bounds[:-1], bounds[1:])]


def find_regions(region_probability: np.ndarray, low: float, high: float,
                 gap: int) -> list[tuple[int, int]]:
    """(first, last) token of each region: a run of tokens scoring at least `low` (holes of up
    to `gap` tokens bridged) in which some token scores at least `high`.

    Two thresholds (hysteresis): a lone token a little above `low` is mostly noise, while the
    words around a confident token tend to belong to the same span."""
    return [(a, b) for a, b in _runs(region_probability >= low, gap)
            if region_probability[a:b + 1].max() >= high]


def decode_spans(offsets: list[tuple[int, int]], token_probability: np.ndarray,
                 region_probability: np.ndarray, chosen: np.ndarray, weaker: np.ndarray,
                 low: float, high: float, gap: int, ratio: float) -> list[tuple[int, int, int]]:
    """(technique index, start, end) of each span of a paragraph.

    `chosen` are the techniques the paragraph head puts in the paragraph, `weaker` others that
    may label a region. The regions of the span head each go to the technique of either set that
    the tagger scores highest over them; a chosen technique that wins no region gets the region
    where it scores highest, so every chosen technique has a span. Where no region passes the
    thresholds but a technique is chosen, the run around the paragraph's best token (tokens
    scoring at least `ratio` of it) stands for the one region.
    """
    chosen, weaker = np.asarray(chosen, dtype=int), np.asarray(weaker, dtype=int)
    if not offsets or not (len(chosen) or len(weaker)):
        return []
    regions = find_regions(region_probability, low, high, gap)
    if not regions:
        if not len(chosen):
            return []
        best = int(np.argmax(region_probability))
        regions = [(a, b) for a, b in _runs(region_probability >= ratio * region_probability[best],
                                            gap) if a <= best <= b]
    candidates = np.concatenate([chosen, weaker])
    # mean tagger probability of each candidate technique over each region: regions x candidates
    fit = np.array([token_probability[a:b + 1][:, candidates].mean(axis=0) for a, b in regions])
    pairs = {(int(np.argmax(row)), r) for r, row in enumerate(fit)}
    pairs |= {(w, int(np.argmax(fit[:, w]))) for w in range(len(chosen))}
    return sorted((int(candidates[w]), offsets[regions[r][0]][0], offsets[regions[r][1]][1])
                  for w, r in pairs)


def _runs(inside: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Runs of True (first, last index), bridging holes of at most `gap` tokens."""
    runs: list[list[int]] = []
    for i in np.flatnonzero(inside):
        if runs and i - runs[-1][1] <= gap + 1:
            runs[-1][1] = int(i)
        else:
            runs.append([int(i), int(i)])
    return [(a, b) for a, b in runs]


def classify_article(counts: sparse.csr_matrix, language: str | None,
                     model: PersuasionModel) -> tuple[tuple[str, float] | None, list[tuple[str, float]]]:
    """The article's genre (softmax over the three) and its frames above their thresholds;
    `counts` is the article's `document_counts` row."""
    if not counts.nnz:
        return None, []
    z = model.genre.decision(document_matrix(counts, [language]))[0]
    z = np.exp(z - z.max())
    share = z / z.sum()
    genre = (GENRES[int(share.argmax())], float(share.max()))
    frame_probability = model.frames.probability(tfidf_matrix(counts, model.frame_idf))[0]
    cut = np.array(model.meta["frame_thresholds"])
    frames = sorted(((FRAMES[j], float(frame_probability[j]))
                     for j in np.flatnonzero(frame_probability >= cut)), key=lambda f: -f[1])
    return genre, frames
