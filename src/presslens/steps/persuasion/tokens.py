"""Tokens with offsets and the per-token features of the span tagger."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

import numpy as np
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


def feature_matrix(rows: list[list[str]]) -> sparse.csr_matrix:
    """Feature strings per token (`token_features`' rows), hashed: one row per token."""
    return _hasher().transform(rows).tocsr()


def _hashed(strings: list[str]) -> np.ndarray:
    """The column of each feature string, as `feature_matrix` hashes it: scikit-learn's
    FeatureHasher takes the absolute signed 32-bit MurmurHash3 of the UTF-8 string modulo the
    number of columns (for a power of two, its rule for the hash -2**31 gives the same 0)."""
    from sklearn.utils import murmurhash3_32

    signed = np.fromiter((murmurhash3_32(s, 0) for s in strings), dtype=np.int64,
                         count=len(strings))
    return np.abs(signed) % TOKEN_FEATURES


def token_matrix(paragraphs: list[str], offsets: list[list[tuple[int, int]]],
                 language: str | None, cue_of: Callable[[str], str | None]) -> sparse.csr_matrix:
    """`feature_matrix` of the `token_features` of every token of `paragraphs` (`offsets` is
    each paragraph's `tokenize`), one row per token in order.

    Built from the distinct words and word pairs of the paragraphs rather than from each
    token's feature strings: an article repeats about half its words, and the features of a
    word (the word itself, as a neighbour, its affixes and lexicon cue) are hashed once.
    """
    words = [p[s:e] for p, spans in zip(paragraphs, offsets) for s, e in spans]
    if not words:
        return sparse.csr_matrix((0, TOKEN_FEATURES))
    lang = language or "?"
    # ids 0 and 1 are the paragraph edges, as neighbours of the first and last tokens
    vocabulary = {"<s>": 0, "</s>": 1}
    ids = np.array([vocabulary.setdefault(w.lower(), len(vocabulary)) for w in words])
    vocab = list(vocabulary)
    lengths = np.array([len(spans) for spans in offsets])
    size = np.repeat(lengths, lengths)  # tokens in the token's paragraph
    position = np.arange(len(words)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    prev1, prev2 = _neighbour(ids, position, size, -1), _neighbour(ids, position, size, -2)
    next1, next2 = _neighbour(ids, position, size, 1), _neighbour(ids, position, size, 2)
    shape_of: dict[str, int] = {}
    shapes = np.array([shape_of.setdefault(_shape(w), len(shape_of)) for w in words])
    shape_names = list(shape_of)
    previous_shape = _hashed(["sp=" + s for s in shape_names + ["<s>"]])[
        np.where(position > 0, np.roll(shapes, 1), len(shape_names))]
    columns = [
        _hashed(["w=" + v for v in vocab])[ids],
        _hashed(["p1=" + v for v in vocab])[prev1],
        _hashed(["n1=" + v for v in vocab])[next1],
        _hashed(["p2=" + v for v in vocab])[prev2],
        _hashed(["n2=" + v for v in vocab])[next2],
        _pair_columns("p1w=", prev1, ids, vocab),
        _pair_columns("wn1=", ids, next1, vocab),
        _hashed(["s=" + s for s in shape_names])[shapes],
        previous_shape,
        _hashed(["suf=" + v[-3:] for v in vocab])[ids],
        _hashed(["pre=" + v[:4] for v in vocab])[ids],
        np.repeat(_hashed(["lang=" + lang]), len(words)),
        _hashed([f"pos={k}" for k in range(6)])[np.minimum(position, 5)],
        _hashed([f"rpos={k}" for k in range(6)])[np.minimum(size - 1 - position, 5)],
        _hashed([f"len={k}" for k in range(7)])[np.minimum(size // 10, 6)],
    ]
    rows = [np.tile(np.arange(len(words)), len(columns))]
    columns = [np.concatenate(columns)]
    cues = [cue_of(v) if i > 1 else None for i, v in enumerate(vocab)]
    cued = np.flatnonzero(np.array([c is not None for c in cues])[ids])
    if len(cued):
        cue_names = sorted({c for c in cues if c is not None})
        cue_index = np.array([cue_names.index(c) if c is not None else -1 for c in cues])[ids[cued]]
        rows += [cued, cued]
        columns += [_hashed(["cue=" + c for c in cue_names])[cue_index],
                    _hashed(["cuel=" + c + "|" + lang for c in cue_names])[cue_index]]
    rows, columns = np.concatenate(rows), np.concatenate(columns)
    # to CSR summing duplicates, as the hasher does where two features share a column
    return sparse.csr_matrix((np.ones(len(rows)), (rows, columns)),
                             shape=(len(words), TOKEN_FEATURES))


def _neighbour(ids: np.ndarray, position: np.ndarray, size: np.ndarray, step: int) -> np.ndarray:
    """The word id `step` tokens away in the same paragraph, or the edge's id past its ends."""
    inside = (position + step >= 0) & (position + step < size)
    shifted = ids[np.clip(np.arange(len(ids)) + step, 0, len(ids) - 1)]
    return np.where(inside, shifted, 0 if step < 0 else 1)


def _pair_columns(prefix: str, first: np.ndarray, second: np.ndarray, vocab: list[str]) -> np.ndarray:
    """The column of `prefix + first + "|" + second` for each token, each distinct pair of words
    hashed once."""
    pairs, which = np.unique(first * len(vocab) + second, return_inverse=True)
    a, b = np.divmod(pairs, len(vocab))
    return _hashed([prefix + vocab[i] + "|" + vocab[j] for i, j in zip(a, b)])[which]
