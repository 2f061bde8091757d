"""Train the line segmenter: MLP over line+context features, Viterbi transitions, held-out figures.

    /tmp/venv/bin/python training/train_segmenter.py [--hidden 128] [--stage2-hidden 64] [--no-eval]

Reads ../shared/data/extraction/trafilatura_eval (rendered and labelled pages cached in /tmp),
trains on the pages `common.split_of` puts in 'train', writes src/presslens/models/segmenter/
(weights.npz, meta.json) and prints the figures on the 'test' pages.
Deterministic: fixed seeds, pages in gold-file order.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

# one BLAS thread (set before numpy loads): on a shared 2-core machine more threads only contend
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import common  # noqa: E402

from presslens.steps.segment import features as feats  # noqa: E402
from presslens.steps.segment import model as seg_model  # noqa: E402

LABELS = seg_model.LABELS
SEED = 0
FOLDS = 4
STAGE2_HIDDEN = 64
#: MLPs per stage (consecutive seeds, probabilities averaged): chosen on the validation slice
MEMBERS = 3
STAGE2_MEMBERS = 3
#: weight of lines labelled by a gold snippet against lines labelled from trafilatura's
#: extraction or by rules: the gold is what the benchmark measures, the rest is noisier
GOLD_WEIGHT = 3.0


def page_matrix(page: dict, gold_weight: float = GOLD_WEIGHT
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, label indices and sample weights of a page's non-blank lines."""
    index, x = feats.line_features(page["lines"])
    y = np.array([LABELS.index(page["labels"][i]) for i in index], dtype=np.int64)
    gold = page.get("gold_lines", set())
    w = np.array([gold_weight if i in gold else 1.0 for i in index])
    return x, y, w


ARTICLE_LABELS = ("title", "meta", "body")
#: lines of page furniture kept either side of the article in a cropped copy
CROP_MARGIN = 6


def _variant(page: dict, keep: list[int], suffix: str) -> dict:
    """A page made of the lines `keep` of `page` (blank lines kept where the original had a gap)."""
    from presslens.document import split_lines

    texts: list[str] = []
    labels: list[str | None] = []
    gold: set[int] = set()
    for prev, i in zip([None] + keep[:-1], keep):
        if prev is not None and i > prev + 1:
            texts.append("")
            labels.append(None)
        if i in page.get("gold_lines", ()):
            gold.add(len(texts))
        texts.append(page["lines"][i].text)
        labels.append(page["labels"][i])
    return {"file": page["file"] + suffix, "gold": page["gold"], "gold_lines": gold,
            "lines": split_lines("\n".join(texts) + "\n"),
            "labels": labels + [None]}


def _source(page: dict) -> str:
    return page["file"].split("#")[0]


def is_validation(page: dict) -> bool:
    """The slice of the *training* pages that choices are made on (sha1 rule again: train pages
    whose second hex digit is 0-3); copies of a page share its file name before "#"."""
    return hashlib.sha1(_source(page).encode()).hexdigest()[1] in "0123"


def user_copies(page: dict) -> list[dict]:
    """The same article as users also paste it: the article alone (copied from a browser or
    a PDF), and cropped to the article with a few lines of furniture either side. Training
    pages are all whole rendered pages; without these copies a short clean text reads as odd."""
    rows = [i for i, label in enumerate(page["labels"]) if label is not None]
    article = [i for i in rows if page["labels"][i] in ARTICLE_LABELS]
    if len([i for i in article if page["labels"][i] == "body"]) < 2:
        return []
    lo = max(0, rows.index(article[0]) - CROP_MARGIN)
    hi = rows.index(article[-1]) + CROP_MARGIN + 1
    return [_variant(page, article, "#article"), _variant(page, rows[lo:hi], "#cropped")]


#: a word enters the lexicon when lines of this many source pages hold it: the lexicon is to
#: learn words many sites share, not one site's menu
LEXICON_MIN_PAGES = 20
#: inverse L2 strength of the lexicon's logistic regression
LEXICON_C = 0.2


def page_words(page: dict) -> list[tuple[str, ...]]:
    """The lexicon's inputs for each non-blank line of a page."""
    lines = page["lines"]
    return [feats.head_words(lines[i].text.strip()) for i in feats.content_lines(lines)]


def fit_lexicon(pages: list[dict], words: list[list[tuple[str, ...]]], ys: list[np.ndarray],
                ws: list[np.ndarray], min_pages: int = LEXICON_MIN_PAGES,
                c: float = LEXICON_C) -> seg_model.Lexicon:
    """Logistic regression of body against the rest over the words of the lines."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    sources: dict[str, set[str]] = {}
    for page, lines in zip(pages, words):
        source = _source(page)
        for line in lines:
            for word in line:
                sources.setdefault(word, set()).add(source)
    vocab = sorted(w for w, s in sources.items() if len(s) >= min_pages)
    column = {w: j for j, w in enumerate(vocab)}
    indptr, indices = [0], []
    for lines in words:
        for line in lines:
            indices.extend(sorted(column[w] for w in line if w in column))
            indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(indptr) - 1, len(vocab)))
    y = np.concatenate(ys) == LABELS.index("body")
    clf = LogisticRegression(C=c, max_iter=500)
    clf.fit(x, y, sample_weight=np.concatenate(ws))
    keep = np.flatnonzero(np.abs(clf.coef_[0]) >= 1e-3)
    return seg_model.Lexicon(np.array(vocab)[keep], clf.coef_[0][keep], float(clf.intercept_[0]))


def _kept(seq, flags) -> list:
    """The items of `seq` whose flag is true."""
    return [item for item, keep in zip(seq, flags) if keep]


def transitions(label_seqs: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Add-one smoothed log transition matrix, log start and log prior over label sequences."""
    k = len(LABELS)
    trans = np.ones((k, k))
    start = np.ones(k)
    prior = np.ones(k)
    for seq in label_seqs:
        if len(seq) == 0:
            continue
        start[seq[0]] += 1
        np.add.at(trans, (seq[:-1], seq[1:]), 1)
        np.add.at(prior, seq, 1)
    trans /= trans.sum(axis=1, keepdims=True)
    return np.log(trans), np.log(start / start.sum()), np.log(prior / prior.sum())


#: most epochs of one MLP fit (early stopping usually ends it sooner)
MAX_ITER = 40
#: L2 penalty of the MLPs
ALPHA = 1e-4


def fit(xs: list[np.ndarray], ys: list[np.ndarray], hidden: tuple[int, ...],
        ws: list[np.ndarray] | None = None, alpha: float = ALPHA, max_iter: int = MAX_ITER,
        seed: int = SEED):
    from sklearn.neural_network import MLPClassifier

    x = np.concatenate(xs).astype(np.float64)
    y = np.concatenate(ys)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    clf = MLPClassifier(hidden_layer_sizes=hidden, activation="relu", alpha=alpha,
                        batch_size=256, learning_rate_init=1e-3, max_iter=max_iter,
                        early_stopping=True, validation_fraction=0.1, n_iter_no_change=4,
                        random_state=seed)
    clf.fit((x - mean) / scale, y, sample_weight=np.concatenate(ws) if ws else None)
    if list(clf.classes_) != list(range(len(LABELS))):
        raise SystemExit(f"training data lacks some labels: {clf.classes_}")
    return clf, mean, scale


def fit_members(xs: list[np.ndarray], ys: list[np.ndarray], hidden: tuple[int, ...],
                ws: list[np.ndarray] | None, members: int, seed: int = SEED, **options):
    """`members` MLPs on the same data from seeds seed, seed+1 …: (classifiers, mean, scale)."""
    fits = [fit(xs, ys, hidden, ws, seed=seed + j, **options) for j in range(members)]
    return [clf for clf, _, _ in fits], fits[0][1], fits[0][2]


def as_stage(clfs: list, mean, scale) -> seg_model.MemberMLPs:
    """The run-time form of fitted members."""
    return seg_model.MemberMLPs(mean, scale, [(clf.coefs_, clf.intercepts_) for clf in clfs])


def mlp_arrays(clfs: list, mean, scale, prefix: str = "") -> dict[str, np.ndarray]:
    """One stage's arrays as `MemberMLPs.from_arrays` reads them."""
    arrays: dict[str, np.ndarray] = {
        f"{prefix}mean": mean.astype(np.float32), f"{prefix}scale": scale.astype(np.float32),
        f"{prefix}n_layers": np.array(len(clfs[0].coefs_)),
        f"{prefix}n_members": np.array(len(clfs)),
    }
    for j, clf in enumerate(clfs):
        key = f"m{j}_{prefix}" if j else prefix
        for i, (w, b) in enumerate(zip(clf.coefs_, clf.intercepts_)):
            arrays[f"{key}W{i}"] = w.astype(np.float32)
            arrays[f"{key}b{i}"] = b.astype(np.float32)
    return arrays


def model_arrays(stage1: dict, stage2: dict, trans, start, prior,
                 prior_weight: float) -> dict[str, np.ndarray]:
    return {**stage1, **stage2,
            "log_transitions": trans, "log_start": start, "log_prior": prior,
            "prior_weight": np.array(prior_weight), "labels": np.array(LABELS)}


def line_scores(decoder: seg_model.Decoder, log_probas, ys) -> dict:
    """Line accuracy and per-label F1 after Viterbi decoding of the models' log-probabilities."""
    k = len(LABELS)
    confusion = np.zeros((k, k), dtype=np.int64)
    for lp, y in zip(log_probas, ys):
        if len(y):
            pred = decoder.decode(lp)
            np.add.at(confusion, (y, pred), 1)
    total = confusion.sum()
    out = {"lines": int(total), "accuracy": round(float(np.trace(confusion) / total), 4)}
    for j, label in enumerate(LABELS):
        tp = confusion[j, j]
        p = tp / max(confusion[:, j].sum(), 1)
        r = tp / max(confusion[j].sum(), 1)
        out[label] = {"precision": round(float(p), 4), "recall": round(float(r), 4),
                      "f1": round(float(2 * p * r / max(p + r, 1e-9)), 4),
                      "support": int(confusion[j].sum())}
    return out


def val_snippet_f1(decoder: seg_model.Decoder, pages: list[dict],
                   log_probas: list[np.ndarray]) -> float:
    """Upstream snippet F1 of the decoded body lines (no thread rules) on validation pages."""
    from benchmarks.segmentation import snippet_counts

    counts = np.zeros(4, dtype=np.int64)
    body = LABELS.index("body")
    for page, lp in zip(pages, log_probas):
        index = feats.content_lines(page["lines"])
        path = decoder.decode(lp) if len(lp) else []
        text = "\n".join(page["lines"][i].text for i, k in zip(index, path) if k == body)
        counts += snippet_counts(text, page["gold"])
    tp, fn, fp, _ = (int(v) for v in counts)
    return 2 * tp / max(2 * tp + fp + fn, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hidden", type=int, nargs="+", default=[128])
    parser.add_argument("--stage2-hidden", type=int, default=STAGE2_HIDDEN)
    parser.add_argument("--max-iter", type=int, default=MAX_ITER)
    parser.add_argument("--gold-weight", type=float, default=GOLD_WEIGHT)
    parser.add_argument("--alpha", type=float, default=ALPHA)
    parser.add_argument("--out", type=Path, default=seg_model.MODEL_DIR,
                        help="where to write the model (default: the package's model folder)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--members", type=int, default=MEMBERS,
                        help="stage-1 MLPs, from consecutive seeds, probabilities averaged")
    parser.add_argument("--stage2-members", type=int, default=STAGE2_MEMBERS,
                        help="stage-2 MLPs, likewise")
    parser.add_argument("--no-lexicon", dest="lexicon", action="store_false",
                        help="no learned word lexicon for the second stage")
    parser.add_argument("--lexicon-min-pages", type=int, default=LEXICON_MIN_PAGES)
    parser.add_argument("--lexicon-c", type=float, default=LEXICON_C)
    parser.add_argument("--no-eval", action="store_true", help="skip the held-out benchmark")
    parser.add_argument("--exclude-val", action="store_true",
                        help="leave the validation slice out of the final fits too, for "
                             "training/validate_segmenter.py (use with --out and --no-eval)")
    args = parser.parse_args()
    fit_options = {"alpha": args.alpha, "max_iter": args.max_iter, "seed": args.seed}
    options = {**fit_options, "members": args.members}
    options2 = {**fit_options, "members": args.stage2_members}
    lexicon_options = {"min_pages": args.lexicon_min_pages, "c": args.lexicon_c}
    np.random.seed(args.seed)
    t0 = time.perf_counter()
    pages = common.labelled_pages()
    train = [p for p in pages if p["split"] == "train"]
    # copies keep their source's file name before "#", so they share its folds below
    train += [copy for p in list(train) for copy in user_copies(p)]
    xs, ys, ws = zip(*(page_matrix(p, args.gold_weight) for p in train))
    words = [page_words(p) for p in train]
    print(f"{len(train)} training pages, {sum(len(y) for y in ys)} lines "
          f"({time.perf_counter() - t0:.1f}s to load and featurise)", file=sys.stderr)

    # Stage 1 out-of-fold: each training page gets first-stage probabilities from a model that
    # did not see it (group k-fold by page, folds from the sha1 of the file name), so the
    # second stage learns from probabilities as noisy as those on unseen pages.
    hidden = tuple(args.hidden)
    t1 = time.perf_counter()
    fold = [int(hashlib.sha1(_source(p).encode()).hexdigest()[2], 16) % FOLDS for p in train]
    inner = [is_validation(p) for p in train]
    # with --exclude-val no model ever learns from the validation slice
    fitted = [not (args.exclude_val and v) for v in inner]
    oof: list[np.ndarray | None] = [None] * len(train)
    oof_lexical: list[np.ndarray | None] = [None] * len(train)
    for f in range(FOLDS):
        rows = [g != f and keep for g, keep in zip(fold, fitted)]
        stage1 = as_stage(*fit_members(_kept(xs, rows), _kept(ys, rows), hidden,
                                       _kept(ws, rows), **options))
        lexicon = fit_lexicon(_kept(train, rows), _kept(words, rows), _kept(ys, rows),
                              _kept(ws, rows), **lexicon_options) if args.lexicon else None
        for i, g in enumerate(fold):
            if g == f:
                oof[i] = np.exp(stage1.log_proba(xs[i]))
                if lexicon is not None:
                    oof_lexical[i] = np.array([lexicon.score(w) for w in words[i]])
        print(f"fold {f}: {time.perf_counter() - t1:.1f}s", file=sys.stderr)
    stacked = [feats.stack_features(x, p, lex) for x, p, lex in zip(xs, oof, oof_lexical)]

    # prior weight of the hybrid decoder and the stage-2 check, on a slice of the training pages
    outer = [not v for v in inner]
    fit_s, fit_y, fit_w = (_kept(seq, outer) for seq in (stacked, ys, ws))
    val_pages, val_s, val_oof, val_y = (_kept(seq, inner) for seq in (train, stacked, oof, ys))
    stage2 = as_stage(*fit_members(fit_s, fit_y, (args.stage2_hidden,), fit_w, **options2))
    val_lp = [stage2.log_proba(x) for x in val_s]
    trans, start, prior = transitions(list(fit_y))
    first_lp = [np.log(np.maximum(p, 1e-12)) for p in val_oof]
    best = (-1.0, 0.0)
    for weight in (0.25, 0.5, 0.75, 1.0):
        decoder = seg_model.Decoder(trans, start, prior, weight)
        scores = line_scores(decoder, val_lp, val_y)
        f1 = val_snippet_f1(decoder, val_pages, val_lp)
        macro = float(np.mean([scores[label]["f1"] for label in LABELS]))
        print(f"prior weight {weight}: stage 2 accuracy {scores['accuracy']} body F1 "
              f"{scores['body']['f1']} macro F1 {macro:.4f} val snippet F1 {f1:.4f} | stage 1 "
              f"only: val snippet F1 {val_snippet_f1(decoder, val_pages, first_lp):.4f}",
              file=sys.stderr)
        if f1 + 0.1 * macro > best[0]:
            best = (f1 + 0.1 * macro, weight)
    prior_weight = best[1]

    lexicon = fit_lexicon(_kept(train, fitted), _kept(words, fitted), _kept(ys, fitted),
                          _kept(ws, fitted), **lexicon_options) if args.lexicon else None
    xs, ys, ws, stacked = (_kept(seq, fitted) for seq in (xs, ys, ws, stacked))
    clfs, mean, scale = fit_members(xs, ys, hidden, ws, **options)
    clfs2, mean2, scale2 = fit_members(stacked, ys, (args.stage2_hidden,), ws, **options2)
    trans, start, prior = transitions(ys)
    train_seconds = time.perf_counter() - t1
    epochs = " / ".join(f"{a.n_iter_} + {b.n_iter_}" for a, b in zip(clfs, clfs2))
    print(f"trained in {train_seconds:.1f}s ({epochs} epochs), prior weight {prior_weight}",
          file=sys.stderr)

    n_stack = feats.N_STACK + (feats.N_STACK_LEXICAL if lexicon else 0)
    out_dir = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays = model_arrays(mlp_arrays(clfs, mean, scale), mlp_arrays(clfs2, mean2, scale2, "s2_"),
                          trans, start, prior, prior_weight)
    if lexicon is not None:
        arrays.update(lexicon.arrays())
    np.savez_compressed(out_dir / "weights.npz", **arrays)
    meta = {
        "name": seg_model.MODEL_NAME,
        "presslens_version": seg_model.presslens_version(),
        "labels": list(LABELS),
        "architecture": f"{args.members} x MLP {feats.N_FEATURES}-{'-'.join(map(str, hidden))}-"
                        f"{len(LABELS)} (ReLU, softmax; probabilities averaged), stacked "
                        f"{args.stage2_members} x MLP {n_stack}-{args.stage2_hidden}-"
                        f"{len(LABELS)} over their out-of-fold probabilities (±"
                        f"{feats.STACK_WINDOW} lines, block and page aggregates"
                        f"{', lexicon scores' if lexicon else ''}) "
                        "+ Viterbi over non-blank lines",
        "features": feats.feature_names(),
        "data": "trafilatura evaluation set (990 HTML pages, gold snippets), rendered with "
                "presslens.io.html.render_html; lines labelled from gold snippets and "
                "trafilatura 'bare_extraction' (main text, comments, title, author, date)",
        "split_rule": common.SPLIT_RULE,
        "train_pages": len(xs),
        "excluded_validation": args.exclude_val,
        "train_lines": int(sum(len(y) for y in ys)),
        "prior_weight": prior_weight,
        "stage2_features": n_stack,
        "lexicon_words": len(lexicon.weights) if lexicon else 0,
        "stage1_folds": FOLDS,
        "gold_weight": args.gold_weight,
        "seed": args.seed,
        "members": args.members,
        "stage2_members": args.stage2_members,
        "train_seconds": round(train_seconds, 1),
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    seg_model._model = None  # make the benchmark load what was just written

    if not args.no_eval:
        from benchmarks.segmentation import evaluate

        figures = evaluate("test")
        meta["held_out"] = figures
        (out_dir / "meta.json").write_text(
            json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(json.dumps(figures, indent=2))
    print(f"total {time.perf_counter() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
