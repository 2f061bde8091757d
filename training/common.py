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


# -- line labels from gold snippets and trafilatura's extraction --------------------------------

_YEAR_MONTH_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _date_patterns(date: str) -> list[re.Pattern[str]]:
    """Patterns a byline date takes: 2019-10-16, 16.10.2019, 16/10/2019, 16 octobre 2019 ..."""
    match = _YEAR_MONTH_DAY.match(date or "")
    if not match:
        return []
    year, month, day = match.groups()
    d, m = str(int(day)), str(int(month))
    numeric = (rf"\b{year}-{month}-{day}\b|\b0?{d}[./-]\s?0?{m}[./-]\s?({year}|{year[2:]})\b|"
               rf"\b0?{m}/0?{d}/({year}|{year[2:]})\b")
    # a day number and the year in the same short line (month written as a word)
    worded = rf"\b0?{d}\b.{{0,20}}\b{year}\b|\b{year}\b.{{0,20}}\b0?{d}\b"
    return [re.compile(numeric), re.compile(worded)]


def _names(author: Any) -> list[str]:
    if not author:
        return []
    parts = author if isinstance(author, list) else re.split(r"[;,|]|\band\b|\bund\b", author)
    return [p.strip().lower() for p in parts if len(p.strip()) >= 4]


def _mark(page_norm: str, starts: list[int], ends: list[int], snippet: str) -> list[int]:
    """Rows (non-blank line numbers) overlapping any occurrence of `snippet` in the page."""
    snippet = normalize_ws(snippet)
    rows: list[int] = []
    if len(snippet) < 3:
        return rows
    import bisect
    pos = page_norm.find(snippet)
    while pos >= 0:
        end = pos + len(snippet)
        first = bisect.bisect_right(starts, pos) - 1
        last = bisect.bisect_left(starts, end) - 1
        rows.extend(r for r in range(max(first, 0), last + 1) if ends[r] > pos)
        pos = page_norm.find(snippet, pos + 1)
    return rows


def label_page(page: dict[str, Any]):
    """(lines, labels, gold lines): labels aligned with lines, None for blank lines; the
    indices of the lines a gold snippet labelled (the rest follow trafilatura or rules).

    Priority: gold boilerplate > gold main text > gold comments > trafilatura's comments >
    trafilatura's main text > title > byline (meta) > boilerplate.
    """
    from presslens.document import split_lines

    lines = split_lines(page["text"])
    index = [i for i, line in enumerate(lines) if line.text.strip()]
    norms = [normalize_ws(lines[i].text) for i in index]
    starts, ends, pos = [], [], 0
    for text in norms:
        starts.append(pos)
        ends.append(pos + len(text))
        pos += len(text) + 1
    page_norm = " ".join(norms)
    gold = page["gold"]
    n = len(index)
    label: list[str | None] = [None] * n

    from presslens.steps.segment import Extraction, match_key

    main = Extraction(page.get("main") or "")
    com = Extraction(page.get("comments") or "")
    keys = [match_key(text) for text in norms]

    # trafilatura first (lowest priority among extraction sources), gold overrides after
    for r, key in enumerate(keys):
        if main.strong(key):
            label[r] = "body"
        elif com.strong(key):
            label[r] = "comment"
    # trafilatura keeps picture credits and "read also" teasers in its main text; the gold
    # snippets count them as boilerplate, so short cued lines it calls body are relabelled
    from presslens.steps.segment.features import BASE_NAMES, text_features
    from presslens.steps.segment.features import _TEXT_COLUMNS as columns
    cue_at = [columns.index(BASE_NAMES.index(name))
              for name in ("copyright", "credit", "boilerplate_short")]
    for r, text in enumerate(norms):
        if label[r] == "body" and len(text.split()) <= 15:
            values = text_features(text)
            if any(values[c] for c in cue_at):
                label[r] = "boilerplate"
    for snip in gold.get("comments") or []:
        for r in _mark(page_norm, starts, ends, snip):
            label[r] = "comment"
    gold_with: set[int] = set()
    for snip in gold.get("with") or []:
        for r in _mark(page_norm, starts, ends, snip):
            label[r] = "body"
            gold_with.add(r)
    gold_without: set[int] = set()
    for snip in gold.get("without") or []:
        for r in _mark(page_norm, starts, ends, snip):
            if r not in gold_with:
                label[r] = "boilerplate"
                gold_without.add(r)
    body_rows = [r for r in range(n) if label[r] == "body"]
    first_body = body_rows[0] if body_rows else n
    last_body = body_rows[-1] if body_rows else -1

    title = match_key(gold.get("title") or page.get("title") or "")
    if title:
        rows = [r for r, text in enumerate(keys)
                if r not in gold_with and r not in gold_without
                and text and (text == title or (title in text and len(text) <= 1.3 * len(title) + 10))]
        before = [r for r in rows if r <= first_body]
        if rows:
            label[before[-1] if before else rows[0]] = "title"

    names = _names(gold.get("author")) or _names(page.get("author"))
    dates = _date_patterns(gold.get("date") or page.get("date") or "")
    lo, hi = first_body - 15, last_body + 3
    for r, text in enumerate(norms):
        if r in gold_with or r in gold_without or label[r] in ("title", "comment"):
            continue
        if len(text) > 150 or not (lo <= r <= hi):
            continue
        low = text.lower()
        if any(name in low for name in names) or any(p.search(text) for p in dates):
            if label[r] == "body" and len(text.split()) > 20:
                continue
            label[r] = "meta"
    labels: list[str | None] = [None] * len(lines)
    for r, i in enumerate(index):
        labels[i] = label[r] or "boilerplate"
    return lines, labels, {index[r] for r in gold_with | gold_without}


def labelled_pages(jobs: int = 2) -> list[dict[str, Any]]:
    """prepared_pages() with `lines`, `labels` and `gold_lines` added."""
    pages = prepared_pages(jobs)
    for page in pages:
        page["lines"], page["labels"], page["gold_lines"] = label_page(page)
    return pages
