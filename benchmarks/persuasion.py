"""Persuasion benchmark on the held-out articles; prints one JSON object.

    python benchmarks/persuasion.py [--data ../shared/data/persuasion] [--skip-baseline]

Per language (held-out split of presslens.steps.persuasion.corpus.is_heldout):
- paragraph micro-F1 over (paragraph, technique) pairs (SemEval-2023 subtask 3 measure);
- the expected calibration error of the technique scores (10 bins over all pairs);
- genre macro-F1 (subtask 1) and frames micro-F1 (subtask 2);
each for the shipped model and for a TF-IDF + logistic-regression baseline trained on the same
training articles (word 1-2-grams, one model per label, thresholds chosen by 3-fold
cross-validation on the training articles for each label's F1, and, in the `*_micro_thresholds`
figures, with the model's rule that chooses them for micro-F1; genre with balanced classes).
English also gets span identification F1 with partial-overlap credit (SemEval-2020 Task 11 SI
formula) on the held-out SemEval-2020 articles, with the spans the step outputs.
Speed: articles/s of the persuasion step on one core (one process, BLAS threads 1) over the
held-out articles after the foundation steps, and the peak memory of that process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from presslens.steps.persuasion import corpus  # noqa: E402
from presslens.steps.persuasion.infer import analyze_paragraphs  # noqa: E402
from presslens.steps.persuasion.labels import FRAMES, GENRES, TECHNIQUES  # noqa: E402
from presslens.steps.persuasion.scoring import (calibration_error, macro_f1,  # noqa: E402
                                                micro_f1, micro_thresholds, span_f1)

FOLDERS = ("en", "fr", "ge", "it", "po", "ru")
DATA = REPO.parent / "shared" / "data" / "persuasion"


def model_figures(model, data: Path) -> dict:
    report = {}
    for folder in FOLDERS:
        articles = [a for a in corpus.read_semeval2023(data, folder, 3) if a.heldout]
        gold, predicted, scores = [], [], []
        for article in articles:
            lines = corpus.line_index(article.text)
            result = analyze_paragraphs(model, [article.text[s:e] for _, s, e in lines],
                                        article.language, title_first=True)
            scores.append(result.paragraph_probability)
            for (n, _, _), found in zip(lines, result.paragraph_techniques):
                gold.append([t in article.paragraph_labels.get(n, []) for t in TECHNIQUES])
                predicted.append([t in found for t in TECHNIQUES])
        st1 = [a for a in corpus.read_semeval2023(data, folder, 1) if a.heldout]
        st2 = [a for a in corpus.read_semeval2023(data, folder, 2) if a.heldout]
        genres = [analyze_paragraphs(model, [a.text], a.language).genre for a in st1]
        frames = [analyze_paragraphs(model, [a.text], a.language).frames for a in st2]
        report[corpus.CORPUS_LANGUAGES[folder]] = {
            "heldout_articles": {"techniques": len(articles), "genre": len(st1), "frames": len(st2)},
            "paragraph_micro_f1": round(micro_f1(np.array(gold), np.array(predicted)), 4),
            # how far the technique scores are from observed frequencies (0 = calibrated)
            "technique_score_calibration_error": round(
                calibration_error(np.array(gold), np.vstack(scores)), 4),
            "genre_macro_f1": round(macro_f1([a.genre for a in st1],
                                             [g[0] if g else "" for g in genres], GENRES), 4),
            "frames_micro_f1": round(micro_f1(
                np.array([[f in a.frames for f in FRAMES] for a in st2]),
                np.array([[f in {x for x, _ in fr} for f in FRAMES] for fr in frames])), 4),
        }
    return report


def span_figures(model, data: Path) -> dict:
    """SI F1 on held-out SemEval-2020 articles: the step's spans, and whole lines as reference."""
    gold_spans = corpus.read_si_spans(data)
    articles = [a for a in corpus.read_semeval2020(data) if a.heldout]
    gold, predicted, whole_lines = {}, {}, {}
    for article in articles:
        lines = corpus.line_index(article.text)
        result = analyze_paragraphs(model, [article.text[s:e] for _, s, e in lines], "en",
                                    title_first=True)
        gold[article.id] = gold_spans.get(article.id, [])
        predicted[article.id] = [(lines[s.paragraph][1] + s.start, lines[s.paragraph][1] + s.end)
                                 for s in result.spans]
        whole_lines[article.id] = [(lines[i][1], lines[i][2])
                                   for i, found in enumerate(result.paragraph_techniques) if found]
    return {"heldout_articles": len(articles), "model": span_f1(gold, predicted),
            "reference_whole_lines_with_a_technique": span_f1(gold, whole_lines)}


# ---------------------------------------------------------------- baseline


def _tune(probability: np.ndarray, gold: np.ndarray) -> float:
    if gold.sum() == 0:
        return 1.01
    order = np.argsort(-probability, kind="stable")
    f1 = 2 * np.cumsum(gold[order]) / (np.arange(1, len(order) + 1) + gold.sum())
    return float(probability[order][int(np.argmax(f1))])


def _fold(article_id: str) -> int:
    import hashlib
    return int(hashlib.sha1(f"fold:{article_id}".encode()).hexdigest(), 16) % 3


def _multilabel_baseline(train_texts, train_y, train_groups, test_texts) -> np.ndarray:
    """TF-IDF + one logistic regression per label, thresholds from 3-fold CV on train."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    def fit_predict(fit_texts, fit_y, score_texts):
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        X = vectorizer.fit_transform(fit_texts)
        Xs = vectorizer.transform(score_texts)
        out = np.zeros((len(score_texts), fit_y.shape[1]))
        for j in range(fit_y.shape[1]):
            if fit_y[:, j].sum() >= 2:
                out[:, j] = LogisticRegression(C=10.0, solver="liblinear").fit(
                    X, fit_y[:, j]).predict_proba(Xs)[:, 1]
        return out

    folds = np.array([_fold(g) for g in train_groups])
    oof = np.zeros(train_y.shape)
    texts = np.array(train_texts, dtype=object)
    for k in range(3):
        oof[folds == k] = fit_predict(list(texts[folds != k]), train_y[folds != k],
                                      list(texts[folds == k]))
    per_label = np.array([_tune(oof[:, j], train_y[:, j]) for j in range(train_y.shape[1])])
    micro = np.array(micro_thresholds(oof, train_y))
    scores = fit_predict(train_texts, train_y, test_texts)
    return scores >= per_label, scores >= micro


def baseline_figures(data: Path) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    st3 = [a for f in FOLDERS for a in corpus.read_semeval2023(data, f, 3)]
    rows = []
    for article in st3:
        for n, s, e in corpus.line_index(article.text):
            rows.append((article, article.text[s:e],
                         [t in article.paragraph_labels.get(n, []) for t in TECHNIQUES]))
    train = [r for r in rows if not r[0].heldout]
    test = [r for r in rows if r[0].heldout]
    predicted, predicted_micro = _multilabel_baseline(
        [r[1] for r in train], np.array([r[2] for r in train]), [r[0].id for r in train],
        [r[1] for r in test])
    report = {}
    for folder in FOLDERS:
        code = corpus.CORPUS_LANGUAGES[folder]
        mask = np.array([r[0].language == code for r in test])
        gold = np.array([r[2] for r in test])[mask]
        report[code] = {
            "paragraph_micro_f1": round(micro_f1(gold, predicted[mask]), 4),
            # the same baseline with the model's threshold rule (cuts chosen for micro-F1)
            "paragraph_micro_f1_micro_thresholds": round(micro_f1(gold, predicted_micro[mask]), 4),
        }
    st1 = [a for f in FOLDERS for a in corpus.read_semeval2023(data, f, 1)]
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    X = vectorizer.fit_transform([a.text for a in st1 if not a.heldout])
    genre_model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000).fit(
        X, [a.genre for a in st1 if not a.heldout])
    st2 = [a for f in FOLDERS for a in corpus.read_semeval2023(data, f, 2)]
    frame_train = [a for a in st2 if not a.heldout]
    frame_test = [a for a in st2 if a.heldout]
    frame_pred, frame_pred_micro = _multilabel_baseline(
        [a.text for a in frame_train], np.array([[f in a.frames for f in FRAMES] for a in frame_train]),
        [a.id for a in frame_train], [a.text for a in frame_test])
    for folder in FOLDERS:
        code = corpus.CORPUS_LANGUAGES[folder]
        test_genre = [a for a in st1 if a.heldout and a.language == code]
        guessed = genre_model.predict(vectorizer.transform([a.text for a in test_genre]))
        report[code]["genre_macro_f1"] = round(macro_f1([a.genre for a in test_genre],
                                                        list(guessed), GENRES), 4)
        mask = np.array([a.language == code for a in frame_test])
        gold = np.array([[f in a.frames for f in FRAMES] for a in frame_test])[mask]
        report[code]["frames_micro_f1"] = round(micro_f1(gold, frame_pred[mask]), 4)
        report[code]["frames_micro_f1_micro_thresholds"] = round(
            micro_f1(gold, frame_pred_micro[mask]), 4)
    return report


# ---------------------------------------------------------------- speed


def speed(data: Path, model: Path | None = None) -> dict:
    """Runs in a child process so its peak memory is the step's, not the benchmark's."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    command = [sys.executable, __file__, "--speed-child", "--data", str(data)]
    if model:
        command += ["--model", str(model)]
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def speed_child(data: Path, model: Path | None = None) -> None:
    import presslens
    from speed import peak_memory_mb
    from presslens.steps.persuasion.step import PersuasionStep

    articles = [a for f in FOLDERS for a in corpus.read_semeval2023(data, f, 3) if a.heldout]
    foundation = ["segment", "comments", "body", "language"]
    docs = [presslens.analyze(a.text, steps=foundation) for a in articles]
    step = PersuasionStep(model_dir=model)
    step(docs[0])  # loads the model: once per process, not part of the per-article rate
    started, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        step(doc)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({
        "articles": len(docs), "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
        "articles_per_s_one_core": round(len(docs) / cpu, 1),
        "peak_memory_mb": round(peak_memory_mb(), 1),
    }))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--model", type=Path, default=None,
                        help="model folder (default: the shipped model)")
    parser.add_argument("--speed-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.speed_child:
        speed_child(args.data, args.model)
        return
    from presslens.steps.persuasion.step import cached_model

    model = cached_model(str(args.model)) if args.model else cached_model()
    report: dict = {"heldout_rule": corpus.HELDOUT_RULE, "model": model_figures(model, args.data),
                    "spans_en_semeval2020": span_figures(model, args.data)}
    if not args.skip_baseline:
        report["baseline_tfidf_logreg"] = baseline_figures(args.data)
    if not args.skip_speed:
        report["speed"] = speed(args.data, args.model)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
