"""Shared by training scripts and benchmarks: data locations, the held-out split rule, caching.

The segmenter's data is trafilatura's evaluation set (../shared/data/extraction/trafilatura_eval):
990 HTML pages with gold snippets. Pages are rendered to text with presslens' own renderer and
their lines labelled from the gold snippets and trafilatura's extraction; both are slow, so the
results are cached under /tmp (never in the repository).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PRESSLENS_SHARED", REPO.parent / "shared"))
EVAL_DIR = SHARED / "data" / "extraction" / "trafilatura_eval"
CACHE_DIR = Path(os.environ.get("PRESSLENS_CACHE", "/tmp/presslens_cache"))
CACHE_VERSION = 1

SPLIT_RULE = ("sha1(file name, UTF-8) first hex digit in 0-4 -> test (about 31%); "
              "otherwise train")


def split_of(file_name: str) -> str:
    """The fixed held-out split of a page: 'test' or 'train' (never used for tuning if test)."""
    digit = hashlib.sha1(file_name.encode("utf-8")).hexdigest()[0]
    return "test" if digit in "01234" else "train"


def normalize_ws(text: str) -> str:
    """Every run of whitespace becomes one space, then strip (the upstream scorer's rule)."""
    return " ".join(text.split())


def read_gold() -> list[dict[str, Any]]:
    with open(EVAL_DIR / "gold.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_html_bytes(file_name: str) -> bytes:
    with gzip.open(EVAL_DIR / "pages" / f"{file_name}.gz", "rb") as handle:
        return handle.read()


def _prepare_page(record: dict[str, Any]) -> dict[str, Any]:
    """Render one page and run trafilatura on it; everything later steps need, JSON-ready."""
    import trafilatura
    from trafilatura.utils import decode_file

    from presslens.io.html import render_html

    file_name = record["file"]
    data = read_html_bytes(file_name)
    markup = decode_file(data)
    out: dict[str, Any] = {"file": file_name, "split": split_of(file_name)}
    try:
        out["text"] = render_html(markup)
    except Exception as exc:  # a renderer crash on one page must not stop the cache
        out["text"] = ""
        out["render_error"] = repr(exc)
    try:
        extraction = trafilatura.bare_extraction(
            data, include_comments=True, include_tables=True, with_metadata=True)
    except Exception:
        extraction = None
    if extraction is not None:
        out["main"] = extraction.text or ""
        out["comments"] = extraction.comments or ""
        out["title"] = extraction.title or ""
        out["author"] = extraction.author or ""
        out["date"] = extraction.date or ""
    else:
        out.update(main="", comments="", title="", author="", date="")
    try:
        out["upstream"] = trafilatura.extract(
            data, fast=False, include_comments=False, include_tables=True,
            include_formatting=False)
    except Exception:
        out["upstream"] = None
    return out


def prepared_pages(jobs: int = 2) -> list[dict[str, Any]]:
    """All 990 pages rendered and extracted, merged with their gold record (cached in /tmp)."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = CACHE_DIR / f"trafilatura_eval_v{CACHE_VERSION}.jsonl.gz"
    gold = read_gold()
    if not path.exists():
        print(f"rendering {len(gold)} pages into {path} ...", file=sys.stderr)
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            prepared = list(pool.map(_prepare_page, gold, chunksize=8))
        tmp = path.with_suffix(".tmp")
        with gzip.open(tmp, "wt", encoding="utf-8") as handle:
            for page in prepared:
                handle.write(json.dumps(page, ensure_ascii=False) + "\n")
        tmp.replace(path)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        prepared = [json.loads(line) for line in handle]
    by_file = {p["file"]: p for p in prepared}
    return [{"gold": g, **by_file[g["file"]]} for g in gold]


def iter_split(pages: list[dict[str, Any]], split: str) -> Iterator[dict[str, Any]]:
    for page in pages:
        if split == "all" or page["split"] == split:
            yield page


_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text)
