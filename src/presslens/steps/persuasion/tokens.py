"""Tokens with offsets and the per-token features of the span tagger."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from scipy import sparse

TOKEN_FEATURES = 2 ** 18
_TOKEN = re.compile(r"\w+(?:[’'-]\w+)*|[^\w\s]", re.UNICODE)


def tokenize(text: str) -> list[tuple[int, int]]:
    """`[start, end)` of each word or punctuation mark of `text`."""
    return [m.span() for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "AA"
    if word[:1].isupper():
        return "Aa"
    if word.isdigit():
        return "9"
    if not word[:1].isalnum():
        return word  # punctuation is its own shape: quotes and ! open and close spans
    return "a"


def token_features(paragraph: str, spans: list[tuple[int, int]], language: str | None,
                   cue_of: Callable[[str], str | None]) -> list[list[str]]:
    """Feature strings per token: the word and its neighbours, shapes, affixes, lexicon cue.

    Position features (first/last token, distance to the paragraph edges) let the tagger learn
    that whole-sentence techniques start and end at sentence boundaries.
    """
    words = [paragraph[s:e] for s, e in spans]
    lower = [w.lower() for w in words]
    n = len(words)
    features = []
    for i, word in enumerate(lower):
        prev1 = lower[i - 1] if i > 0 else "<s>"
        prev2 = lower[i - 2] if i > 1 else "<s>"
        next1 = lower[i + 1] if i + 1 < n else "</s>"
        next2 = lower[i + 2] if i + 2 < n else "</s>"
        cue = cue_of(word)
        row = [
            "w=" + word, "p1=" + prev1, "n1=" + next1, "p2=" + prev2, "n2=" + next2,
            "p1w=" + prev1 + "|" + word, "wn1=" + word + "|" + next1,
            "s=" + _shape(words[i]), "sp=" + _shape(words[i - 1]) if i else "sp=<s>",
            "suf=" + word[-3:], "pre=" + word[:4], "lang=" + (language or "?"),
            "pos=" + str(min(i, 5)), "rpos=" + str(min(n - 1 - i, 5)),
            "len=" + str(min(n // 10, 6)),
        ]
        if cue:
            row += ["cue=" + cue, "cuel=" + cue + "|" + (language or "?")]
        features.append(row)
    return features


@lru_cache(maxsize=1)
def _hasher():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer=lambda row: row, n_features=TOKEN_FEATURES,
                             alternate_sign=False, norm=None)


def token_matrix(rows: list[list[str]]) -> sparse.csr_matrix:
    return _hasher().transform(rows).tocsr()
