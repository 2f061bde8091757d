"""Score the whole text path on the validation slice of the training pages, for tuning.

    python training/train_segmenter.py --exclude-val --no-eval --out /tmp/seg_noval
    python training/validate_segmenter.py --model /tmp/seg_noval [--worst 20]

Rules (thread structure, furniture, pleas, title choice) and model variants are compared here,
never on the held-out 'test' pages: a model trained with `--exclude-val` has not seen these
pages, so their scores say what a change does to pages nobody tuned for. `--worst N` lists the
N pages with the most missed or wrongly kept gold snippets, for reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

import common  # noqa: E402
from train_segmenter import is_validation  # noqa: E402

from benchmarks.segmentation import (_product, _prf, normalize_ws, shingle_counts,
                                     snippet_counts)  # noqa: E402
from presslens.io.raw import RawPage  # noqa: E402
from presslens.steps.segment import model as seg_model  # noqa: E402


def validation_pages() -> list[dict]:
    return [p for p in common.iter_split(common.labelled_pages(), "train") if is_validation(p)]


def score(pages: list[dict], worst: int = 0) -> dict:
    snip, shing = np.zeros(4, dtype=np.int64), np.zeros(3, dtype=np.int64)
    per_page = []
    for page in pages:
        text = page["text"]
        doc = _product(RawPage(page["file"], text.encode("utf-8"), "text")) \
            if text.strip() else None
        body = doc.body if doc is not None else ""
        counts = snippet_counts(body, page["gold"])
        snip += counts
        shing += shingle_counts(body, page["gold"])
        per_page.append((int(counts[1] + counts[2]), page, body))
    tp, fn, fp, _ = (int(v) for v in snip)
    result = {"pages": len(pages), "snippet": _prf(tp, fn, fp), "shingle": _prf(*map(int, shing))}
    if worst:
        per_page.sort(key=lambda item: -item[0])
        result["worst"] = [_errors(page, body) for errors, page, body in per_page[:worst] if errors]
    return result


def _errors(page: dict, body: str) -> dict:
    text = normalize_ws(body)
    gold = page["gold"]
    return {"file": page["file"],
            "missed": [s for s in gold.get("with") or [] if normalize_ws(s) not in text],
            "kept": [s for s in gold.get("without") or [] if normalize_ws(s) in text]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True,
                        help="a segmenter trained with --exclude-val")
    parser.add_argument("--worst", type=int, default=0)
    args = parser.parse_args()
    meta = json.loads((args.model / "meta.json").read_text(encoding="utf-8"))
    if not meta.get("excluded_validation"):
        sys.exit(f"{args.model} was trained on the validation pages: retrain with --exclude-val")
    seg_model._model = seg_model.SegmenterModel.load(args.model)
    print(json.dumps(score(validation_pages(), args.worst), indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
