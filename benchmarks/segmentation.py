"""Segmentation quality on held-out pages: the text path against baselines and the HTML path.

    /tmp/venv/bin/python benchmarks/segmentation.py [--split test]

Data: trafilatura's evaluation set (990 HTML pages with gold `with`/`without` snippets), split by
`training/common.py:split_of` (the rule the training script uses). Each page is rendered to text
with presslens' renderer; then
  - text_path      : what users get from text: `load_document(RawPage(name, rendered text
                     bytes, "text"))`, the default `Pipeline()`, output = `doc.body`
  - html_path      : what users get from HTML: `load_document(RawPage(name, html bytes, "html"))`,
                     the default `Pipeline()`, output = `doc.body` (trafilatura's text)
  - text_segment_lines : diagnostic: the segment step's body lines joined, unflowed
  - keep_all       : every rendered line
  - c4             : the C4 line filter (Raffel et al. 2020) on the rendered lines, page rules on
  - c4_lines       : the C4 line rules only (no page-level drop)
  - trafilatura    : trafilatura.extract on the HTML (upstream's settings), the HTML body path
Measures: upstream's snippet score and a 4-token-shingle score (see `shingle_counts`; tokens as
the ScrapingHub article-extraction benchmark takes them, `word_tokens`; `shingle_whitespace_
tokens` splits at whitespace, as this benchmark did up to round 20), and the
segment step's per-label line scores (text only) against the training labels of the held-out
pages. Comment threads (`comments_text_path`): the text path's comments against the comments
trafilatura extracts from the HTML (a silver reference: it sees the DOM), 4-token shingles over
the pages where trafilatura finds at least MIN_COMMENT_WORDS words of comments, and how often
the text path finds comments on pages where trafilatura finds none. Publication dates
(`published_text_path`): the text path's `published` against the date trafilatura reads from
the HTML (its metadata, also silver) on the pages where it finds one.
Authors (`author_text_path`): the same against trafilatura's author (the same when one
contains the other, case aside; the first name of a list counts). Titles (`title_text_path`):
the same against trafilatura's title, compared on their words (one may contain the other: a
page title often adds the site's name).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

import common  # noqa: E402

from presslens.document import SEGMENT_LABELS, Document  # noqa: E402
from presslens.steps.segment import SegmentStep, match_key  # noqa: E402

# invisible format characters (soft hyphens, zero-width spaces and joiners, BOM): a clean body
# drops them, many gold snippets copied from the HTML keep them; they are not content
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")


def normalize_ws(text: str) -> str:
    """The upstream scorer's whitespace rule, on the visible characters (for every system)."""
    return common.normalize_ws(text.translate(_INVISIBLE))


# -- baselines ---------------------------------------------------------------------------------

_C4_TERMINAL = ('.', '!', '?', '"', '”', '…', '。', '！', '？')
_C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies",
              "use of cookies", "use cookies")
_C4_SENTENCE = re.compile(r"[.!?。！？]+(\s|$)")


def c4_filter(text: str, page_rules: bool = True) -> str:
    """C4's heuristics: keep lines ending in terminal punctuation with >= 3 words, drop lines
    mentioning javascript or cookie/terms policies; drop the page if it has "lorem ipsum", a curly
    brace, or fewer than 5 sentences left (the bad-words list is not applied)."""
    if page_rules and ("lorem ipsum" in text.lower() or "{" in text):
        return ""
    kept = []
    for line in text.splitlines():
        line = line.strip()
        if not line.endswith(_C4_TERMINAL) or len(line.split()) < 3:
            continue
        low = line.lower()
        if "javascript" in low or any(p in low for p in _C4_POLICY):
            continue
        kept.append(line)
    out = "\n".join(kept)
    if page_rules and len(_C4_SENTENCE.findall(out)) < 5:
        return ""
    return out


# -- measures ----------------------------------------------------------------------------------

def snippet_counts(output: str | None, gold: dict[str, Any]) -> np.ndarray:
    """Upstream's per-page counts (TP, FN, FP, TN): substring tests on whitespace-normalised text."""
    text = normalize_ws(output or "")
    tp = fn = fp = tn = 0
    for snip in gold.get("with") or []:
        if output is not None and normalize_ws(snip) in text:
            tp += 1
        else:
            fn += 1
    for snip in gold.get("without") or []:
        if output is not None and normalize_ws(snip) in text:
            fp += 1
        else:
            tn += 1
    return np.array([tp, fn, fp, tn])


_WORD_TOKEN = re.compile(r"\w+")


def word_tokens(text: str) -> list[str]:
    """Tokens as the ScrapingHub benchmark's scorer takes them (its `_tokenize`: runs of word
    characters; punctuation is no part of a token), on the visible characters."""
    return _WORD_TOKEN.findall(normalize_ws(text))


def whitespace_tokens(text: str) -> list[str]:
    """Tokens split at whitespace (punctuation stays on its word): this benchmark's shingles up
    to round 20, kept beside the ScrapingHub ones for comparison with earlier figures."""
    return normalize_ws(text).split()


def _shingles(tokens: list[str], sizes=(1, 2, 3, 4)) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for k in sizes:
        out.update(tuple(tokens[i:i + k]) for i in range(len(tokens) - k + 1))
    return out


def _snippet_shingles(snippets: list[str], tokenize=word_tokens) -> set[tuple[str, ...]]:
    """4-token shingles of each snippet (a snippet under 4 tokens is one shorter shingle)."""
    out: set[tuple[str, ...]] = set()
    for snip in snippets or []:
        tokens = tokenize(snip)
        if len(tokens) >= 4:
            out.update(_shingles(tokens, (4,)))
        elif tokens:
            out.add(tuple(tokens))
    return out


def shingle_counts(output: str | None, gold: dict[str, Any], tokenize=word_tokens
                   ) -> np.ndarray:
    """(TP, FN, FP): W = shingles of `with`, N = shingles of `without` not in W, S = output's."""
    w = _snippet_shingles(gold.get("with"), tokenize)
    n = _snippet_shingles(gold.get("without"), tokenize) - w
    s = _shingles(tokenize(output or ""))
    return np.array([len(w & s), len(w - s), len(n & s)])


def _prf(tp: int, fn: int, fp: int) -> dict[str, float]:
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * tp / max(2 * tp + fp + fn, 1), 4)}


#: words of trafilatura's comments from which a page counts as having a comment thread
MIN_COMMENT_WORDS = 30


def comment_shingle_counts(comments: list[str], reference: str) -> np.ndarray:
    """(TP, FN, FP) of 4-token shingles: the comments found against the reference's."""
    ref = _shingles(word_tokens(reference), (4,))
    found = set().union(*(_shingles(word_tokens(c), (4,)) for c in comments))
    return np.array([len(ref & found), len(ref - found), len(found - ref)])


def _thread_figures(counts: np.ndarray, pages: int, found: int, quiet: int,
                    quiet_found: int) -> dict[str, Any]:
    return {"pages_with_trafilatura_comments": pages, "shingle": _prf(*map(int, counts)),
            "pages_where_text_path_found_comments": found,
            "pages_without_trafilatura_comments": quiet,
            "of_which_text_path_found_comments": quiet_found}


def _tally(counts: dict[str, int], ours: str | None, same: bool) -> None:
    """Count one page of a field compared with trafilatura's: missing, the same or different."""
    counts["pages"] += 1
    counts["missing" if not ours else "same" if same else "different"] += 1


def _same_author(ours: str, reference: str) -> bool:
    ours, reference = ours.lower(), reference.lower()
    first = re.split(r",| and | und | et ", ours)[0].strip()
    return ours in reference or reference in ours or first in reference


# -- the segmenter's outputs -------------------------------------------------------------------

def body_of(doc: Document) -> str:
    return "\n".join(doc.text[s.start:s.end] for s in doc.segments if s.label == "body")


def line_labels(doc: Document) -> list[str | None]:
    """The label of each line of `doc` as its segments say (None for blank lines)."""
    labels: list[str | None] = []
    segments = sorted(doc.segments, key=lambda s: s.start)
    k = 0
    for line in doc.lines:
        if line.is_blank:
            labels.append(None)
            continue
        while k < len(segments) and segments[k].end < line.end:
            k += 1
        labels.append(segments[k].label if k < len(segments) else None)
    return labels


def html_hints(page: dict[str, Any]) -> dict[str, Any]:
    """The hints an HTML reader sets, from the cached trafilatura extraction."""
    return {"html_main": page.get("main") or None, "html_comments": page.get("comments") or None,
            "html_meta": {"title": page.get("title"), "author": page.get("author"),
                          "date": page.get("date")}}


def _product(raw) -> Document | None:
    """What a user gets: the reader's Document run through the default pipeline (None: refused)."""
    from presslens.errors import PageError
    from presslens.io.readers import load_document
    from presslens.pipeline import Pipeline

    global _pipeline
    if _pipeline is None:
        # the foundation steps: the body does not depend on later ones (entities, persuasion …)
        _pipeline = Pipeline(("segment", "comments", "body", "language", "metadata"))
    try:
        doc = load_document(raw)
    except PageError:
        return None
    _pipeline(doc)
    return doc


_pipeline = None


def evaluate(split: str = "test") -> dict[str, Any]:
    """Scores of every system on the pages of `split` ('test', 'train' or 'all').

    text_path / html_path score `doc.body` of the full product: `load_document(RawPage(...))`
    then `Pipeline()` on the rendered text / on the HTML bytes.
    """
    from presslens.io.raw import RawPage

    pages = list(common.iter_split(common.labelled_pages(), split))
    step = SegmentStep()
    names = ("text_path", "html_path", "text_segment_lines", "keep_all", "c4", "c4_lines",
             "trafilatura")
    snip = {name: np.zeros(4, dtype=np.int64) for name in names}
    shing = {name: np.zeros(3, dtype=np.int64) for name in snip}
    shing_ws = {name: np.zeros(3, dtype=np.int64) for name in snip}
    k = len(SEGMENT_LABELS)
    confusion = np.zeros((k, k), dtype=np.int64)
    seconds = 0.0
    n_lines = 0
    misaligned = 0
    thread = np.zeros(3, dtype=np.int64)
    thread_pages = thread_found = quiet_pages = quiet_found = 0
    dates = {"pages": 0, "same": 0, "different": 0, "missing": 0}
    authors = dict(dates)
    titles = dict(dates)
    for page in pages:
        text = page["text"]
        doc = Document(text, source=page["file"])
        t = time.perf_counter()
        step(doc)
        seconds += time.perf_counter() - t
        n_lines += len(doc.lines)
        for gold_label, pred in zip(page["labels"], line_labels(doc)):
            if gold_label is not None and pred is not None:
                confusion[SEGMENT_LABELS.index(gold_label), SEGMENT_LABELS.index(pred)] += 1
        text_doc = _product(RawPage(page["file"], text.encode("utf-8"), "text")) \
            if text.strip() else None
        if text_doc is not None and text_doc.text != text:
            misaligned += 1
        found = [c.text for c in text_doc.comments] if text_doc is not None else []
        if len((page.get("comments") or "").split()) >= MIN_COMMENT_WORDS:
            thread_pages += 1
            thread_found += bool(found)
            thread += comment_shingle_counts(found, page["comments"])
        elif not (page.get("comments") or "").strip():
            quiet_pages += 1
            quiet_found += sum(len(c.split()) for c in found) >= MIN_COMMENT_WORDS
        if page.get("date"):
            published = text_doc.published if text_doc is not None else None
            _tally(dates, published, published == page["date"][:10])
        if page.get("title"):
            title = match_key(text_doc.title or "").lower() if text_doc is not None else ""
            reference = match_key(page["title"]).lower()
            _tally(titles, title, title in reference or reference in title)
        if page.get("author"):
            author = text_doc.author if text_doc is not None else None
            _tally(authors, author, bool(author) and _same_author(author, page["author"]))
        html_doc = _product(RawPage(page["file"], common.read_html_bytes(page["file"]), "html"))
        outputs = {
            "text_path": text_doc.body if text_doc is not None else "",
            "html_path": html_doc.body if html_doc is not None else "",
            "text_segment_lines": body_of(doc),
            "keep_all": text,
            "c4": c4_filter(text),
            "c4_lines": c4_filter(text, page_rules=False),
            "trafilatura": page.get("upstream"),
        }
        for name, output in outputs.items():
            snip[name] += snippet_counts(output, page["gold"])
            shing[name] += shingle_counts(output, page["gold"])
            shing_ws[name] += shingle_counts(output, page["gold"], whitespace_tokens)
    result: dict[str, Any] = {"split": split, "split_rule": common.SPLIT_RULE,
                              "pages": len(pages), "snippet": {}, "shingle": {},
                              "shingle_whitespace_tokens": {}}
    for name in snip:
        tp, fn, fp, tn = (int(v) for v in snip[name])
        result["snippet"][name] = {**_prf(tp, fn, fp),
                                   "accuracy": round((tp + tn) / max(tp + fn + fp + tn, 1), 4)}
        result["shingle"][name] = _prf(*(int(v) for v in shing[name]))
        result["shingle_whitespace_tokens"][name] = _prf(*(int(v) for v in shing_ws[name]))
    total = confusion.sum()
    lines: dict[str, Any] = {"lines": int(total),
                             "accuracy": round(float(np.trace(confusion) / max(total, 1)), 4)}
    for j, label in enumerate(SEGMENT_LABELS):
        tp = confusion[j, j]
        p = tp / max(confusion[:, j].sum(), 1)
        r = tp / max(confusion[j].sum(), 1)
        lines[label] = {"precision": round(float(p), 4), "recall": round(float(r), 4),
                        "f1": round(float(2 * p * r / max(p + r, 1e-9)), 4),
                        "support": int(confusion[j].sum())}
    result["lines_vs_training_labels"] = lines
    result["comments_text_path"] = _thread_figures(thread, thread_pages, thread_found,
                                                   quiet_pages, quiet_found)
    result["published_text_path"] = dates
    result["author_text_path"] = authors
    result["title_text_path"] = titles
    result["text_pages_changed_by_reader"] = misaligned
    result["speed"] = {"segment_step_ms_per_page": round(1000 * seconds / max(len(pages), 1), 2),
                       "lines_per_page": round(n_lines / max(len(pages), 1), 1)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="segmentation benchmark (JSON out)")
    parser.add_argument("--split", default="test", choices=("test", "train", "all"))
    args = parser.parse_args()
    print(json.dumps(evaluate(args.split), indent=2))


if __name__ == "__main__":
    main()
