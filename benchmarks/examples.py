"""Field accuracy on the bundled examples against their written ground truth.

    python benchmarks/examples.py

The examples were written by the project and looked at during development, so this is a
regression check of the whole product, not a held-out measure.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("language", "title", "author", "published", "outlet", "comments", "max_depth",
          "body_paragraphs")


def _observed(record: dict) -> dict:
    comments = record["comments"]
    body = record["body"] or ""
    return {
        "language": record["language"], "title": record["title"], "author": record["author"],
        "published": record["published"], "outlet": record["outlet"],
        "comments": len(comments),
        "max_depth": max((c["depth"] for c in comments), default=None),
        "body_paragraphs": len([p for p in body.split("\n\n") if p.strip()]),
    }


def _wanted(expected: dict) -> dict:
    return {"language": expected["lang"], "title": expected["title"],
            "author": expected["author"], "published": expected["date"],
            "outlet": expected["outlet"], "comments": expected["comments"],
            "max_depth": expected["max_depth"], "body_paragraphs": expected["body_paragraphs"]}


def evaluate() -> dict:
    from presslens.io.readers import iter_pages, load_document
    from presslens.pipeline import Pipeline

    expected = json.loads((ROOT / "tests/data/examples_expected.json").read_text("utf-8"))
    pipeline = Pipeline()
    hits = {f: 0 for f in FIELDS}
    misses: dict[str, list] = {f: [] for f in FIELDS}
    for raw in iter_pages([str(ROOT / "examples")]):
        name = Path(raw.source).name
        got = _observed(pipeline(load_document(raw)).to_dict())
        want = _wanted(expected[name])
        for field in FIELDS:
            if got[field] == want[field]:
                hits[field] += 1
            else:
                misses[field].append({"page": name, "got": got[field], "expected": want[field]})
    pages = len(expected)
    return {"pages": pages, "accuracy": {f: round(hits[f] / pages, 3) for f in FIELDS},
            "misses": {f: m for f, m in misses.items() if m}}


if __name__ == "__main__":
    print(json.dumps(evaluate(), indent=2, ensure_ascii=False))
