"""Comment moderation figures, printed as JSON.

    python benchmarks/moderation.py            # needs ../shared/data/moderation

- held_out: ROC-AUC per label and language on the test split of the public datasets (split
  rule in training/moderation_data.py; never trained on or tuned on), and F1 at the shipped
  thresholds; per dataset too, and for the English tweets pooled (Davidson + MLMA en).
  Template examples are reported apart: they are near copies of training sentences, so their
  figures are optimistic.
- functional: the hand-written suites tests/data/moderation_functional_{en,fr}.jsonl: accuracy
  per functionality, identity-attack ROC-AUC and per-label figures per language.
- benign: false-positive rates on benign text that no training step or threshold saw: the
  sentences of GUM's held-out documents (test split of the document hash rule in
  training/moderation_data.py; permissive genres only) -- those of the kinds kept for training
  (naming peoples and faiths, future tense, second person) and all of them -- and the reader
  comments of the bundled examples/ (fictional, almost all benign; a small realistic check).
  A text is a false positive when any label is set.
- speed: comments per second on one core (process pinned to one CPU, one BLAS thread) and the
  peak resident memory of that process (model loaded, comments scored).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "training"))
SUITES = {lang: REPO / "tests" / "data" / f"moderation_functional_{lang}.jsonl" for lang in ("en", "fr")}
SPEED_SAMPLE = 4000
#: the held-out sets made of English tweets (the issue's toxicity goal is stated on these);
#: ETHOS (YouTube/Reddit) and wikigold (encyclopaedia) are English but not tweets
ENGLISH_TWEETS = ("davidson", "mlma_en")


def _auc(y, p):
    from sklearn.metrics import roc_auc_score

    return round(float(roc_auc_score(y, p)), 4) if 0 < sum(y) < len(y) else None


def _f1(y, predicted):
    tp = sum(1 for a, b in zip(y, predicted) if a and b)
    denominator = sum(y) + sum(predicted)
    return round(2 * tp / denominator, 4) if denominator else None


def held_out() -> dict:
    import moderation_data as data

    from presslens.steps.moderation import model as moderation_model

    model = moderation_model.load_model()
    examples = [e for e in data.load_all() if e["split"] == "test"]
    scores = model.scores([e["text"] for e in examples])
    out: dict = {"split_rule": data.SPLIT_RULE, "by_label_language": {}, "by_dataset": {},
                 "english_tweets": {}}
    for k, head in enumerate(model.heads):
        threshold = model.thresholds[k]
        groups: dict[tuple[str, str], list[int]] = {}
        for i, e in enumerate(examples):
            if head not in e["labels"]:
                continue
            real = e["dataset"] != "templates"
            groups.setdefault(("by_label_language", e["lang"] if real else "templates"), []).append(i)
            groups.setdefault(("by_dataset", e["dataset"]), []).append(i)
            if e["dataset"] in ENGLISH_TWEETS:
                groups.setdefault(("english_tweets", "davidson+mlma_en"), []).append(i)
        for (kind, name), rows in sorted(groups.items()):
            y = [examples[i]["labels"][head] for i in rows]
            p = [float(scores[i, k]) for i in rows]
            entry = {"n": len(rows), "positives": sum(y), "auc": _auc(y, p),
                     "f1": _f1(y, [s >= threshold for s in p])}
            out[kind].setdefault(head, {})[name] = entry
    return out


def functional() -> dict:
    from presslens.steps.moderation import moderate_texts
    from presslens.steps.moderation.model import HEADS

    out = {}
    for lang, path in SUITES.items():
        cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        records = moderate_texts([c["text"] for c in cases])
        passed_by: dict[str, list[bool]] = {}
        for case, record in zip(cases, records):
            ok = all((label in record["labels"]) == (label in case["labels"]) for label in case["check"])
            passed_by.setdefault(case["functionality"], []).append(ok)
        per_label = {}
        for head in HEADS:
            y = [int(head in c["labels"]) for c in cases]
            p = [r[head] for r in records]
            per_label[head] = {"positives": sum(y), "auc": _auc(y, p),
                               "f1": _f1(y, [head in r["labels"] for r in records])}
        all_passed = [ok for oks in passed_by.values() for ok in oks]
        out[lang] = {
            "cases": len(cases),
            "accuracy": round(sum(all_passed) / len(all_passed), 4),
            "accuracy_by_functionality": {f: round(sum(v) / len(v), 4) for f, v in sorted(passed_by.items())},
            "identity_attack_auc": per_label["identity_attack"]["auc"],
            "by_label": per_label,
        }
    return out


def _flag_rates(texts: list[str], records: list[dict]) -> dict:
    from presslens.steps.moderation.model import HEADS

    flagged = [bool(r["labels"]) for r in records]
    return {"n": len(texts), "flagged": sum(flagged),
            "false_positive_rate": round(sum(flagged) / len(texts), 4) if texts else None,
            "by_label": {h: sum(h in r["labels"] for r in records) for h in HEADS}}


def example_comments() -> list[str]:
    """The reader comments of the bundled examples/, as the pipeline finds them."""
    code = "import sys; from presslens.cli import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run([sys.executable, "-c", code, "analyze", str(REPO / "examples"),
                             "--steps", "segment,comments"], check=True, capture_output=True, text=True)
    records = json.loads(result.stdout)
    return [c["text"] for r in records for c in r.get("comments", []) if c.get("text", "").strip()]


def benign() -> dict:
    import moderation_data as data

    from presslens.steps.moderation import moderate_texts

    out: dict = {"gum_rule": "GUM documents of genres " + ", ".join(data.GUM_GENRES)
                 + " whose sha1('gum:<doc id>') is in the test split"}
    held = [(text, kind) for doc, _, text, kind in data.gum_sentences(keep_all=True)
            if data.split_of("gum", doc) == "test"]
    texts = [t for t, _ in held]
    records = moderate_texts(texts)
    out["gum_test_all"] = _flag_rates(texts, records)
    kinds = sorted({k for _, k in held if k})
    out["gum_test_kept_kinds"] = _flag_rates([t for t, k in held if k],
                                             [r for (_, k), r in zip(held, records) if k])
    out["gum_test_by_kind"] = {kind: _flag_rates([t for t, k in held if k == kind],
                                                 [r for (_, k), r in zip(held, records) if k == kind])
                               for kind in kinds}
    comments = example_comments()
    records = moderate_texts(comments)
    out["examples_comments"] = _flag_rates(comments, records)
    out["examples_comments"]["flagged_texts"] = [
        {"text": c[:80], "labels": r["labels"]} for c, r in zip(comments, records) if r["labels"]]
    return out


def speed() -> dict:
    """Run in a child pinned to one CPU, so the figure is per core and the memory is ours alone.

    The comments are the real held-out comments (tweets, YouTube and forum comments), in a
    fixed order; the child reads them from a temporary file so no dataset code inflates its
    memory.
    """
    import tempfile

    import moderation_data as data

    texts = [e["text"] for e in data.load_all() if e["split"] == "test" and e["dataset"] != "templates"]
    texts = (texts * (SPEED_SAMPLE // max(1, len(texts)) + 1))[:SPEED_SAMPLE]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as handle:
        json.dump(texts, handle)
        handle.flush()
        result = subprocess.run([sys.executable, __file__, "--speed-child", handle.name], env=env,
                                check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def _speed_child(path: str) -> None:
    from speed import peak_memory_mb

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from presslens.steps.moderation import moderate_texts

    texts = json.loads(Path(path).read_text(encoding="utf-8"))
    moderate_texts(texts[:10])  # model load and first-call set-up are not per-comment costs
    started = time.perf_counter()
    moderate_texts(texts)
    seconds = time.perf_counter() - started
    print(json.dumps({
        "comments": len(texts), "mean_chars": round(sum(map(len, texts)) / len(texts)),
        "comments_per_second_one_core": round(len(texts) / seconds),
        "peak_rss_mb": round(peak_memory_mb()),
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed-child", metavar="TEXTS", help=argparse.SUPPRESS)
    parser.add_argument("--skip", choices=("held_out", "functional", "benign", "speed"), action="append",
                        default=[], help="leave out a part")
    args = parser.parse_args()
    if args.speed_child:
        _speed_child(args.speed_child)
        return
    report = {}
    if "functional" not in args.skip:
        report["functional"] = functional()
    if "held_out" not in args.skip:
        report["held_out"] = held_out()
    if "benign" not in args.skip:
        report["benign"] = benign()
    if "speed" not in args.skip:
        report["speed"] = speed()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
