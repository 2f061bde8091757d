"""Train the persuasion model (techniques, genre, frames) and print its held-out figures.

    python training/train_persuasion.py [--data ../shared/data/persuasion] [--out DIR]

Reads SemEval-2023 Task 3 (six languages) and SemEval-2020 Task 11 (English) from the shared
data folder and writes src/presslens/models/persuasion/{weights.npz,model.json}. Deterministic:
fixed seeds and hash-based folds. Held-out articles (rule in presslens.steps.persuasion.corpus)
are never used for fitting, calibration or thresholds; they are only scored at the end.

Stages:
1. paragraph head: one log-loss linear model per technique over hashed char/word n-grams and
   lexicon cues (SGD, all languages pooled), fitted on each of 3 folds of the training articles;
   the shipped head is the mean of the three fold models, pruned to KEEP weights per technique;
2. context head: a logistic regression per technique over the out-of-fold first-stage scores of
   the paragraph, the article's mean and max and the neighbours; its out-of-fold scores give the
   Platt calibration and the per-technique thresholds (coordinate ascent on micro-F1, pooled
   over languages; a technique a language's annotators never used is switched off there);
3. spans: a span head (is this token inside a span of any technique; one column for English,
   one for all languages) finds the regions, and a token tagger (one log-loss model per
   technique) says which technique each region shows; both over token features, on the 2023
   spans of fr/de/it/pl/ru and the 2020 English spans (mapped onto the 2023 labels); the span
   decoding (two thresholds, gap bridged) is chosen per language on out-of-fold scores of all
   training span articles, with out-of-fold paragraph decisions;
4. genre: logistic regression with balanced classes; frames: one logistic regression per frame
   over TF-IDF rows (idf learned from the training articles and shipped), Platt calibration and
   micro-F1 thresholds from 3-fold out-of-fold scores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression, SGDClassifier

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from presslens.steps.persuasion import corpus  # noqa: E402
from presslens.steps.persuasion.features import (context_matrix, document_counts,  # noqa: E402
                                                 document_matrix, paragraph_matrix, tfidf_matrix)
from presslens.steps.persuasion.infer import default_lexicon, paragraph_probability  # noqa: E402
from presslens.steps.persuasion.labels import FRAMES, GENRES, TECHNIQUES  # noqa: E402
from presslens.steps.persuasion.model import (MODEL_DIR, LinearHead, load_model, pack_head,  # noqa: E402
                                              save_model)
from presslens.steps.persuasion.scoring import micro_thresholds, span_f1  # noqa: E402
from presslens.steps.persuasion.tokens import token_matrix, tokenize  # noqa: E402

FOLDERS = ("en", "fr", "ge", "it", "po", "ru")
FOLDS = 3
SEED = 13
PARAGRAPH_ALPHA = 2e-6
PARAGRAPH_EPOCHS = 15
TAGGER_ALPHA = 2e-6
TAGGER_EPOCHS = 5
GENRE_C = 10.0
#: frames: logistic regression on TF-IDF rows; 3-fold CV on the training articles gave micro-F1
#: .6285 / .6309 / .6324 for C 10 / 30 / 100 (flat past 10), .6104 for the earlier SGD head
FRAMES_C = 30.0
#: weights kept per output after pruning (what keeps the model a few MB)
#: (frames: 15,000 of the ~530,000 non-zero weights per frame scored as well as all of them in
#: 3-fold CV on the training articles, .6365 against .6313; 6,000 gave .6301)
KEEP = {"paragraph": 30000, "tagger": 8000, "genre": 8000, "frames": 15000, "span": 30000}
#: the span head: in 3-fold CV on the English training articles (every line, decoding chosen for
#: each), alpha 2e-6 / 1e-5 / 3e-5 / 1e-4 with 5 epochs gave span F1 .254 / .322 / .339 / .307
#: with one threshold, and 1e-5 with 15 epochs .340 with two (low and high)
SPAN_ALPHA = 1e-5
SPAN_EPOCHS = 15
#: decoding grid: a region is a run of tokens >= low (holes up to gap) holding a token >= high
#: and the gate: spans also in lines where a technique reaches gate x its threshold. On the
#: English training articles (3-fold, out of fold) gates 1 / .5 / .25 / .1 gave span F1
#: .288 / .331 / .336 / .336: the paragraph head misses many of the sentences with spans
SPAN_GATES = (1.0, 0.5, 0.25)
SPAN_LOWS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35)
SPAN_HIGHS = (0.2, 0.3, 0.4, 0.5, 0.6)
SPAN_GAPS = (4, 8, 12)
SPAN_RATIOS = (0.3, 0.5, 0.7)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def fold_of(article_id: str) -> int:
    return int(hashlib.sha1(f"fold:{article_id}".encode()).hexdigest(), 16) % FOLDS


# ---------------------------------------------------------------- data


def technique_rows(articles: list[corpus.Article]) -> dict:
    """Paragraph matrix, label matrix and bookkeeping for the subtask-3 articles."""
    lexicon = default_lexicon()
    blocks, labels, article_of, languages = [], [], [], []
    for number, article in enumerate(articles):
        lines = corpus.line_index(article.text)
        texts = [article.text[s:e] for _, s, e in lines]
        blocks.append(paragraph_matrix(texts, article.language, lexicon,
                                       [n == 0 for n, _, _ in lines]))
        for n, _, _ in lines:
            found = article.paragraph_labels.get(n, [])
            labels.append([t in found for t in TECHNIQUES])
        article_of += [number] * len(lines)
        languages += [article.language] * len(lines)
    return {"X": sparse.vstack(blocks).tocsr(), "Y": np.array(labels, dtype=bool),
            "article": np.array(article_of), "language": np.array(languages)}


# ---------------------------------------------------------------- fitting


def fit_sgd(X, Y: np.ndarray, alpha: float, epochs: int) -> tuple[np.ndarray, np.ndarray]:
    """One log-loss linear model per column of Y; (coef outputs x features, intercepts)."""
    coef = np.zeros((Y.shape[1], X.shape[1]), dtype=np.float32)
    intercept = np.full(Y.shape[1], -10.0)
    for j in range(Y.shape[1]):
        if Y[:, j].sum() < 2:
            continue  # a label never seen stays off
        model = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=epochs, tol=None,
                              random_state=SEED)
        model.fit(X, Y[:, j])
        coef[j], intercept[j] = model.coef_[0], model.intercept_[0]
    return coef, intercept


def prune(coef: np.ndarray, keep: int) -> np.ndarray:
    """`coef` (outputs x features) with all but the `keep` largest weights of each output zeroed,
    as pack_head stores it."""
    pruned = np.zeros_like(coef)
    for j, row in enumerate(coef):
        top = np.argpartition(-np.abs(row), keep)[:keep] if keep < row.size else np.arange(row.size)
        pruned[j, top] = row[top]
    return pruned


def fit_logistic(F, Y: np.ndarray, C: float = 0.1,
                 solver: str = "lbfgs") -> tuple[np.ndarray, np.ndarray]:
    """One logistic regression per column of Y; (coef outputs x features, intercepts)."""
    coef = np.zeros((Y.shape[1], F.shape[1]))
    intercept = np.full(Y.shape[1], -10.0)
    for j in range(Y.shape[1]):
        if Y[:, j].sum() < 3:
            continue
        model = LogisticRegression(C=C, solver=solver, max_iter=2000).fit(F, Y[:, j])
        coef[j], intercept[j] = model.coef_[0], model.intercept_[0]
    return coef, intercept


def fit_idf(counts) -> np.ndarray:
    """Smoothed idf of every column (scikit-learn's TfidfTransformer rule)."""
    from sklearn.feature_extraction.text import TfidfTransformer

    return TfidfTransformer(sublinear_tf=True).fit(counts).idf_


def platt(decision: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """Sigmoid calibration (a, b) of one output's out-of-fold decision values."""
    if gold.sum() == 0 or gold.all():
        return 1.0, 0.0
    model = LogisticRegression(C=100.0).fit(decision.reshape(-1, 1), gold)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def best_threshold(probability: np.ndarray, gold: np.ndarray) -> float:
    """The probability cut with the highest F1 for one output (over out-of-fold scores)."""
    if gold.sum() == 0:
        return 1.01
    order = np.argsort(-probability, kind="stable")
    hits = np.cumsum(gold[order])
    f1 = 2 * hits / (np.arange(1, len(order) + 1) + gold.sum())
    best = int(np.argmax(f1))
    return float(probability[order][best])


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))


def contexts(decisions: np.ndarray, article: np.ndarray, language: np.ndarray) -> np.ndarray:
    out = np.zeros((len(decisions), 5 * len(TECHNIQUES) + 6))
    for a in np.unique(article):
        rows = np.flatnonzero(article == a)
        out[rows] = context_matrix(decisions[rows], language[rows[0]])
    return out


def train_techniques(rows: dict, articles: list[corpus.Article]) -> tuple[dict, dict, dict]:
    """Both paragraph stages, calibration and thresholds; returns (arrays, meta, fold models).

    The fold models (each stage fitted without one fold) give out-of-fold paragraph decisions
    for any training article (`fold_paragraph_techniques`), which the span decoding is tuned on.
    """
    X, Y, article, language = rows["X"], rows["Y"], rows["article"], rows["language"]
    train = ~np.array([articles[a].heldout for a in article])
    folds = np.array([fold_of(articles[a].id) for a in article])
    first_oof = np.zeros(Y.shape)
    coefs, intercepts, fold_first = [], [], []
    for k in range(FOLDS):
        fit_rows, score_rows = train & (folds != k), train & (folds == k)
        coef, intercept = fit_sgd(X[fit_rows], Y[fit_rows], PARAGRAPH_ALPHA, PARAGRAPH_EPOCHS)
        pruned = prune(coef, KEEP["paragraph"])
        first_oof[score_rows] = X[score_rows] @ pruned.T + intercept
        fold_first.append((sparse.csr_matrix(pruned.T), intercept))
        del pruned
        coefs.append(coef)
        intercepts.append(intercept)
        log(f"paragraph head fold {k} done")
    # the shipped first stage is the mean of the fold models (a linear model too), not a refit
    # on all training articles: the context head and the calibration learn from fold-model
    # scores, and a refit's scores are more extreme than those (with a refit, held-out
    # micro-F1 fell by .02-.04 in every language)
    coef, intercept = np.mean(coefs, axis=0), np.mean(intercepts, axis=0)
    del coefs
    arrays = pack_head("paragraph", coef, intercept, np.array([np.ones(len(TECHNIQUES)),
                                                               np.zeros(len(TECHNIQUES))]),
                       KEEP["paragraph"])
    # the context head learns from out-of-fold first-stage scores, as it will see at run time
    F = contexts(first_oof, article, language)
    second_oof = np.zeros(Y.shape)
    fold_second = []
    for k in range(FOLDS):
        fit_rows, score_rows = train & (folds != k), train & (folds == k)
        c2, i2 = fit_logistic(F[fit_rows], Y[fit_rows])
        second_oof[score_rows] = F[score_rows] @ c2.T + i2
        fold_second.append((c2, i2))
    c2, i2 = fit_logistic(F[train], Y[train])
    calibration = np.array([platt(second_oof[train, j], Y[train, j]) for j in range(len(TECHNIQUES))]).T
    probability = sigmoid(calibration[0] * second_oof + calibration[1])
    thresholds = micro_thresholds(probability[train], Y[train])
    table = {"*": thresholds}
    for code in np.unique(language):
        # a technique the annotators of a language never used is not predicted there: the
        # English data (re-labelled 2020 corpus) has no Appeal_to_Values, Appeal_to_Time, ...
        seen = Y[train & (language == code)].any(axis=0)
        table[str(code)] = [t if s else 1.01 for t, s in zip(thresholds, seen)]
    arrays.update(pack_head("context", c2, i2, calibration, 10 ** 6))
    log("context head, calibration and thresholds done")
    folds_kit = {"first": fold_first, "second": fold_second, "calibration": calibration,
                 "thresholds": table}
    return arrays, {"technique_thresholds": table}, folds_kit


def fold_paragraph_techniques(folds_kit: dict, article: corpus.Article) -> np.ndarray:
    """How far each line of a training article is from having a technique, as the paragraph
    stages fitted without the article's fold score it: per line, the largest ratio of a
    technique's probability to its threshold (1 or more: the paragraph head puts it there)."""
    lines = corpus.line_index(article.text)
    X = paragraph_matrix([article.text[s:e] for _, s, e in lines], article.language,
                         default_lexicon(), [n == 0 for n, _, _ in lines])
    k = fold_of(article.id)
    weights, intercept = folds_kit["first"][k]
    c2, i2 = folds_kit["second"][k]
    a, b = folds_kit["calibration"]
    # the platt pair of the first stage is unused: only its decision goes on
    first = LinearHead(weights, intercept, np.ones_like(intercept), np.zeros_like(intercept))
    probability = paragraph_probability(first, LinearHead(c2.T, i2, a, b), X, article.language)
    table = folds_kit["thresholds"]
    cut = np.array(table.get(article.language, table["*"]))
    # a technique switched off for the language (threshold above 1) never gives a line spans
    return np.where(cut <= 1.0, probability / cut, 0.0).max(axis=1)


def tagger_examples(articles: list[corpus.Article]):
    """Token features and per-technique inside/outside labels for training articles, and for
    each paragraph (article index, paragraph start, token offsets, first row)."""
    lexicon = default_lexicon()
    blocks, labels, paragraphs = [], [], []
    rows = 0
    for number, article in enumerate(articles):
        texts, token_offsets = [], []
        for _, start, end in corpus.line_index(article.text):
            paragraph = article.text[start:end]
            offsets = tokenize(paragraph)
            if not offsets:
                continue
            paragraphs.append((number, start, offsets, rows))
            texts.append(paragraph)
            token_offsets.append(offsets)
            rows += len(offsets)
            inside = np.zeros((len(offsets), len(TECHNIQUES)), dtype=bool)
            for technique, s, e in article.spans:
                if e <= start or s >= end or technique not in TECHNIQUES:
                    continue
                j = TECHNIQUES.index(technique)
                for i, (a, b) in enumerate(offsets):
                    if a + start < e and b + start > s:
                        inside[i, j] = True
            labels.append(inside)
        if texts:
            blocks.append(token_matrix(texts, token_offsets, article.language,
                                       lexicon.word_cues(article.language)))
    return sparse.vstack(blocks, format="csr"), np.vstack(labels), paragraphs


def train_tagger(X, Y: np.ndarray) -> dict:
    log(f"tagger: {X.shape[0]} tokens")
    coef, intercept = fit_sgd(X, Y, TAGGER_ALPHA, TAGGER_EPOCHS)
    ones = np.array([np.ones(len(TECHNIQUES)), np.zeros(len(TECHNIQUES))])
    return pack_head("tagger", coef, intercept, ones, KEEP["tagger"])


def fit_span_head(X, inside: np.ndarray, english: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The span head's two columns (SPAN_COLUMNS): English tokens only, and all languages.

    In 3-fold CV on the English training articles, the English-only column scored span F1 .340
    against .331 for the pooled one: the 2023 annotators of the other languages marked a third
    of all tokens, the 2020 English ones an eighth, and one bias cannot serve both."""
    coef = np.zeros((2, X.shape[1]), dtype=np.float32)
    intercept = np.zeros(2)
    for column, rows in enumerate((english, np.ones(len(inside), dtype=bool))):
        (c,), (i,) = fit_sgd(X[rows], inside[rows, None], SPAN_ALPHA, SPAN_EPOCHS)
        coef[column] = prune(c[None], KEEP["span"])[0]
        intercept[column] = i
    return coef, intercept


def train_span_head(X, Y: np.ndarray, paragraphs: list, span_articles: list[corpus.Article],
                    folds_kit: dict) -> tuple[dict, dict]:
    """The span head (is a token inside a span of any technique) and its decoding per language.

    The decoding is chosen on out-of-fold scores of all training span articles: the span head
    fitted without the article's fold, and spans only in the lines where the paragraph stages,
    fitted without that fold too, find a technique, as at run time."""
    inside = Y.any(axis=1)
    row_article = np.zeros(X.shape[0], dtype=np.int64)
    bounds = [p[3] for p in paragraphs] + [X.shape[0]]
    for (number, _, _, first), last in zip(paragraphs, bounds[1:]):
        row_article[first:last] = number
    english = np.array([span_articles[a].language == "en" for a in row_article])
    folds = np.array([fold_of(a.id) for a in span_articles])[row_article]
    oof = np.zeros(X.shape[0])
    for k in range(FOLDS):
        coef, intercept = fit_span_head(X[folds != k], inside[folds != k], english[folds != k])
        scores = sigmoid(X[folds == k] @ coef.T + intercept)
        oof[folds == k] = np.where(english[folds == k], scores[:, 0], scores[:, 1])
        log(f"span head fold {k} done")
    coef, intercept = fit_span_head(X, inside, english)
    ones = np.array([np.ones(2), np.zeros(2)])
    arrays = pack_head("span", coef, intercept, ones, KEEP["span"])
    decoding = tune_decoding(oof, bounds, paragraphs, span_articles, folds_kit)
    return arrays, {"span_columns": {"en": 0, "*": 1}, "span_decoding": decoding}


def tune_decoding(oof: np.ndarray, bounds: list[int], paragraphs: list,
                  articles: list[corpus.Article], folds_kit: dict) -> dict:
    """Per language, the decoding numbers (gate, low, high, gap, then ratio) with the best span
    F1 (SemEval-2020 formula, all techniques' spans as one) over out-of-fold scores.

    The technique labels do not matter here: the measure ignores them. What the decoding
    decides is where the regions are, and in which lines: those where the paragraph head puts a
    technique, and those where a technique reaches `gate` times its threshold."""
    from presslens.steps.persuasion.infer import decode_spans

    strength = {}  # article index -> per line, the best probability / threshold, out of fold
    cached: dict[str, list] = {}  # language -> (article id, start, offsets, scores, strength)
    line_of = {}
    for (number, start, offsets, first), last in zip(paragraphs, bounds[1:]):
        article = articles[number]
        if number not in strength:
            strength[number] = fold_paragraph_techniques(folds_kit, article)
            line_of = {s: i for i, (_, s, _) in enumerate(corpus.line_index(article.text))}
        cached.setdefault(article.language, []).append(
            (article.id, start, offsets, oof[first:last], strength[number][line_of[start]]))
    one, none = np.zeros(1, dtype=int), np.zeros(0, dtype=int)
    table = {}
    for code in sorted(cached):
        gold = {a.id: [(s, e) for _, s, e in a.spans] for a in articles if a.language == code}
        lines = [item for item in cached[code] if item[4] >= min(SPAN_GATES)]

        def scores(low: float, high: float, gap: int, ratio: float) -> dict[float, float]:
            """Span F1 for each gate: the regions are decoded once, as a chosen technique's
            (fallback included) or as a weaker one's (regions only)."""
            predicted = {gate: {i: [] for i in gold} for gate in SPAN_GATES}
            for article_id, start, offsets, region, line_strength in lines:
                tokens = np.zeros((len(offsets), 1))
                chosen = line_strength >= 1.0
                found = decode_spans(offsets, tokens, region, one if chosen else none,
                                     none if chosen else one, low, high, gap, ratio)
                for gate in SPAN_GATES:
                    if line_strength >= gate:
                        predicted[gate][article_id] += [(start + a, start + b) for _, a, b in found]
            return {gate: span_f1(gold, predicted[gate])["f1"] for gate in SPAN_GATES}

        best = (-1.0,)
        for low in SPAN_LOWS:
            for high in (h for h in SPAN_HIGHS if h >= low):
                for gap in SPAN_GAPS:
                    for gate, value in scores(low, high, gap, 0.5).items():
                        if value > best[0]:
                            best = (value, gate, low, high, gap)
        _, gate, low, high, gap = best
        value, ratio = max((scores(low, high, gap, ratio)[gate], ratio) for ratio in SPAN_RATIOS)
        table[code] = {"gate": gate, "low": low, "high": high, "gap": gap, "ratio": ratio}
        log(f"span decoding {code}: {table[code]}, out-of-fold span F1 {value:.3f} "
            f"(gate 1: {max(scores(low, high, gap, ratio)[1.0], 0):.3f} with these numbers)")
    table["*"] = table["en"]
    return table


def train_documents(data: Path) -> tuple[dict, dict]:
    """Genre (3 classes, balanced) and frames (14 labels, calibrated, thresholds) heads."""
    arrays, meta = {}, {}
    genre_articles = [a for f in FOLDERS for a in corpus.read_semeval2023(data, f, 1) if not a.heldout]
    X = document_matrix(document_counts([a.text for a in genre_articles]),
                        [a.language for a in genre_articles])
    gold = np.array([GENRES.index(a.genre) for a in genre_articles])
    # lbfgs logistic regression: in 3-fold CV on the training articles its genre macro-F1 was
    # .48 against .42 for the SGD model used for frames
    model = LogisticRegression(C=GENRE_C, class_weight="balanced", max_iter=2000).fit(X, gold)
    ones = np.array([np.ones(len(GENRES)), np.zeros(len(GENRES))])
    arrays.update(pack_head("genre", model.coef_, model.intercept_, ones, KEEP["genre"]))
    frame_articles = [a for f in FOLDERS for a in corpus.read_semeval2023(data, f, 2) if not a.heldout]
    counts = document_counts([a.text for a in frame_articles])
    Y = np.array([[f in a.frames for f in FRAMES] for a in frame_articles], dtype=bool)
    folds = np.array([fold_of(a.id) for a in frame_articles])
    oof = np.zeros(Y.shape)
    for k in range(FOLDS):
        # the idf too comes from the fitting folds only: it is part of what is learned
        idf = fit_idf(counts[folds != k])
        coef, intercept = fit_logistic(tfidf_matrix(counts[folds != k], idf), Y[folds != k],
                                       FRAMES_C, solver="liblinear")
        oof[folds == k] = tfidf_matrix(counts[folds == k], idf) @ coef.T + intercept
    idf = fit_idf(counts)
    coef, intercept = fit_logistic(tfidf_matrix(counts, idf), Y, FRAMES_C, solver="liblinear")
    calibration = np.array([platt(oof[:, j], Y[:, j]) for j in range(len(FRAMES))]).T
    probability = sigmoid(calibration[0] * oof + calibration[1])
    meta["frame_thresholds"] = micro_thresholds(probability, Y)
    arrays.update(pack_head("frames", coef, intercept, calibration, KEEP["frames"]))
    arrays["frames.idf"] = idf.astype(np.float32)
    log("genre and frames done")
    return arrays, meta


# ---------------------------------------------------------------- held-out figures


def heldout_figures(data: Path, model_dir: Path) -> dict:
    """The shipped (pruned) model scored on the held-out articles, per language: the same
    figures `benchmarks/persuasion.py` prints."""
    sys.path.insert(0, str(REPO))
    from benchmarks.persuasion import model_figures, span_figures

    model = load_model(model_dir)
    return {**model_figures(model, data), "spans_en_semeval2020": span_figures(model, data)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "persuasion")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    np.random.seed(SEED)
    st3 = [a for f in FOLDERS for a in corpus.read_semeval2023(args.data, f, 3)]
    rows = technique_rows(st3)
    log(f"paragraphs: {rows['X'].shape[0]} from {len(st3)} articles")
    arrays, meta, folds_kit = train_techniques(rows, st3)
    del rows
    # span boundaries: 2023 spans except English, whose spans come from the 2020 corpus (the same
    # articles and annotations; using both would count each English span twice)
    en2020 = [a for a in corpus.read_semeval2020(args.data) if not a.heldout]
    span_articles = [a for a in st3 if a.language != "en" and not a.heldout] + en2020
    X, Y, paragraphs = tagger_examples(span_articles)
    arrays.update(train_tagger(X, Y))
    span_arrays, span_meta = train_span_head(X, Y, paragraphs, span_articles, folds_kit)
    arrays.update(span_arrays)
    meta.update(span_meta)
    del X, Y, paragraphs, folds_kit
    document_arrays, document_meta = train_documents(args.data)
    arrays.update(document_arrays)
    meta.update(document_meta)
    meta.update({
        "languages": ["en", "fr", "de", "it", "pl", "ru"],
        "techniques": list(TECHNIQUES), "frames": list(FRAMES), "genres": list(GENRES),
        "heldout_rule": corpus.HELDOUT_RULE,
        "trained_on": "SemEval-2023 Task 3 train (en fr de it pl ru), SemEval-2020 Task 11 "
                      "train+dev (en spans)",
    })
    save_model(args.out, meta, arrays)
    figures = heldout_figures(args.data, args.out)
    print(json.dumps({"heldout": figures}, indent=1))


if __name__ == "__main__":
    main()
