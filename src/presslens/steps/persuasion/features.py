"""Features shared by training and the step: hashed character and word n-grams plus a few
dense cues (language, position, punctuation, lexicon hits, repetition within the article).

Hashing keeps the shipped model free of a vocabulary file and lets one feature space pool all
six languages; the same function builds the matrix at training and at run time, so the two
cannot drift apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from scipy import sparse

#: hash space sizes; the shipped weights are pruned to the useful columns of these spaces
CHAR_FEATURES = 2 ** 19
WORD_FEATURES = 2 ** 19
LANGUAGES = ("en", "fr", "de", "it", "pl", "ru")

_WORD = re.compile(r"\w+", re.UNICODE)
_CAPS_WORD = re.compile(r"\b[^\W\d_a-zа-яё]{3,}\b")
_QUOTE = re.compile(r"[\"“”«»„‟]")


@lru_cache(maxsize=1)
def _vectorizers():
    """Raw counts of character 2-5-grams and word 1-2-grams in two hash spaces."""
    # imported here so that importing the step stays cheap until a page is analysed
    from sklearn.feature_extraction.text import HashingVectorizer

    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=CHAR_FEATURES,
                              alternate_sign=False, norm=None, lowercase=True)
    words = HashingVectorizer(analyzer="word", ngram_range=(1, 2), n_features=WORD_FEATURES,
                              alternate_sign=False, norm=None, lowercase=True,
                              token_pattern=r"(?u)\b\w+\b")
    return chars, words


def ngram_counts(texts: list[str]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """(character n-grams, word n-grams): raw counts, one row per text."""
    chars, words = _vectorizers()
    return chars.transform(texts), words.transform(texts)


def joined_counts(paragraphs: list[str],
                  counts: tuple[sparse.csr_matrix, sparse.csr_matrix]) -> sparse.csr_matrix:
    """`document_counts(["\n".join(paragraphs)])` from the paragraphs' `ngram_counts`, without
    reading the text again: character n-grams stay inside words, so the article's are the sum
    of its paragraphs'; its word bigrams add the pairs that span two paragraphs."""
    chars, words = counts
    _, word_vectorizer = _vectorizers()
    # summed as a product with a row of ones: the sum stays sparse
    ones = sparse.csr_matrix(np.ones((1, len(paragraphs))))
    return sparse.hstack([ones @ chars,
                          ones @ words + _spanning_bigrams(paragraphs, word_vectorizer)],
                         format="csr", dtype=np.float64)


def _spanning_bigrams(paragraphs: list[str], word_vectorizer) -> sparse.csr_matrix:
    """Counts of the word bigrams made of one paragraph's last word and the next one's first."""
    read = word_vectorizer.build_preprocessor()
    split = word_vectorizer.build_tokenizer()
    words = [tokens for tokens in (split(read(p)) for p in paragraphs) if tokens]
    pairs = [f"{a[-1]} {b[0]}" for a, b in zip(words, words[1:])]
    return _pair_hasher().transform([pairs])


@lru_cache(maxsize=1)
def _pair_hasher():
    """Hashes ready-made word bigrams ("a b") into the word block's columns."""
    from sklearn.feature_extraction.text import HashingVectorizer

    _, words = _vectorizers()
    return HashingVectorizer(analyzer=lambda pairs: pairs, n_features=words.n_features,
                             alternate_sign=False, norm=None)


def _ngram_blocks(counts: tuple[sparse.csr_matrix, sparse.csr_matrix]
                  ) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """(character n-grams, word n-grams), each row of each block L2-normalised."""
    from sklearn.preprocessing import normalize

    return normalize(counts[0]), normalize(counts[1])


def dense_names(lexicon_categories: list[str]) -> list[str]:
    """Names of the dense columns, in order (stored in the model so a mismatch is caught)."""
    names = [f"lang={code}" for code in LANGUAGES]
    names += ["is_title", "position", "log_chars", "exclamations", "questions", "quotes",
              "caps_words", "repeated_words", "short"]
    names += [f"lexicon={c}" for c in lexicon_categories]
    return names


def paragraph_matrix(paragraphs: list[str], language: str | None, lexicon: "Lexicon",
                     is_title: list[bool] | None = None,
                     counts: tuple[sparse.csr_matrix, sparse.csr_matrix] | None = None
                     ) -> sparse.csr_matrix:
    """One row per paragraph of one article: [char n-grams | word n-grams | dense cues].
    `counts`, where given, is `ngram_counts(paragraphs)`, already worked out."""
    if not paragraphs:
        return sparse.csr_matrix((0, CHAR_FEATURES + WORD_FEATURES + len(dense_names(lexicon.categories))))
    dense = _dense(paragraphs, language, lexicon, is_title or [False] * len(paragraphs))
    blocks = _ngram_blocks(counts or ngram_counts(paragraphs))
    return sparse.hstack([*blocks, sparse.csr_matrix(dense)], format="csr", dtype=np.float32)


def document_counts(texts: list[str]) -> sparse.csr_matrix:
    """One row per article: raw counts of its [character n-grams | word n-grams]."""
    chars, words = _vectorizers()
    return sparse.hstack([chars.transform(texts), words.transform(texts)], format="csr",
                         dtype=np.float64)


def document_matrix(counts: sparse.csr_matrix, languages: list[str | None]) -> sparse.csr_matrix:
    """One row per article for the genre: n-grams of the whole text (each block L2-normalised)
    plus its language; `counts` is `document_counts` of the articles' texts."""
    from sklearn.preprocessing import normalize

    lang = np.zeros((len(languages), len(LANGUAGES)), dtype=np.float32)
    for row, code in enumerate(languages):
        if code in LANGUAGES:
            lang[row, LANGUAGES.index(code)] = 1.0
    return sparse.hstack([normalize(counts[:, :CHAR_FEATURES]), normalize(counts[:, CHAR_FEATURES:]),
                          sparse.csr_matrix(lang)], format="csr", dtype=np.float32)


def tfidf_matrix(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """TF-IDF rows for the frames: (1 + log count) x idf, each row L2-normalised over both
    blocks (scikit-learn's TfidfTransformer(sublinear_tf=True) with `idf` as its idf_).

    Frames are topics spread over a whole article, where how rare an n-gram is across articles
    matters: in cross-validation on the training articles these rows gave the frames .63
    micro-F1 against .61 for the genre's rows."""
    from sklearn.preprocessing import normalize

    weighted = counts.astype(np.float64, copy=True)
    weighted.data = (np.log(weighted.data) + 1.0) * idf[weighted.indices]
    return normalize(weighted).astype(np.float32)


def _dense(paragraphs: list[str], language: str | None, lexicon: "Lexicon",
           is_title: list[bool]) -> np.ndarray:
    n = len(paragraphs)
    columns = len(LANGUAGES) + 9 + len(lexicon.categories)
    dense = np.zeros((n, columns), dtype=np.float32)
    if language in LANGUAGES:
        dense[:, LANGUAGES.index(language)] = 1.0
    tokens = [[w.lower() for w in _WORD.findall(p)] for p in paragraphs]
    # a word used in several paragraphs of the same article is the raw material of Repetition
    paragraph_freq: dict[str, int] = {}
    for words in tokens:
        for w in set(words):
            if len(w) > 3:
                paragraph_freq[w] = paragraph_freq.get(w, 0) + 1
    base = len(LANGUAGES)
    for row, (text, words) in enumerate(zip(paragraphs, tokens)):
        long_words = [w for w in words if len(w) > 3] or [""]
        dense[row, base:base + 9] = (
            1.0 if is_title[row] else 0.0,
            row / max(n - 1, 1),
            np.log1p(len(text)) / 8.0,
            min(text.count("!"), 3) / 3.0,
            min(text.count("?"), 3) / 3.0,
            min(len(_QUOTE.findall(text)) + text.count('"'), 6) / 6.0,
            min(len(_CAPS_WORD.findall(text)), 3) / 3.0,
            sum(paragraph_freq.get(w, 0) >= 3 for w in long_words) / len(long_words),
            1.0 if len(text) < 80 else 0.0,
        )
        dense[row, base + 9:] = lexicon.hits(text, language)
    return dense


class Lexicon:
    """Loaded terms by category and language (written for this project, in resources/)."""

    def __init__(self, data: dict[str, dict[str, list[str]]]) -> None:
        self.categories = sorted(k for k in data if not k.startswith("_"))
        self._data = data
        self._cues: dict[str, WordCues] = {}
        self._patterns: dict[str, list[re.Pattern[str] | None]] = {}
        for code in LANGUAGES + ("*",):
            compiled = []
            for category in self.categories:
                terms = data[category].get(code, []) + (data[category].get("*", []) if code != "*" else [])
                compiled.append(_pattern(terms))
            self._patterns[code] = compiled

    def hits(self, text: str, language: str | None) -> np.ndarray:
        """Per category: min(number of matches, 3) / 3."""
        patterns = self._patterns.get(language or "*", self._patterns["*"])
        low = text.lower()  # the patterns are lower-case: once here, not per pattern
        return np.array([min(len(p.findall(low)), 3) / 3.0 if p is not None else 0.0
                         for p in patterns], dtype=np.float32)


    def word_cues(self, language: str | None) -> "WordCues":
        """Single-word terms of `language` (and all languages) -> category, for the tagger."""
        key = language or "*"
        if key not in self._cues:
            pairs = [(term.lower(), category) for category in self.categories
                     for code in {key, "*"} for term in self._data[category].get(code, [])
                     if " " not in term]
            self._cues[key] = WordCues(pairs)
        return self._cues[key]


class WordCues:
    """Looks a lowercased word up among exact terms and stems (terms ending in *)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.exact = {t: c for t, c in pairs if not t.endswith("*")}
        self.stems = {t[:-1]: c for t, c in pairs if t.endswith("*")}
        self.stem_lengths = sorted({len(t) for t in self.stems}, reverse=True)

    def __call__(self, word: str) -> str | None:
        found = self.exact.get(word)
        if found is None:
            for length in self.stem_lengths:
                if len(word) >= length and (found := self.stems.get(word[:length])):
                    break
        return found


def _pattern(terms: list[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    # a trailing * marks a stem (French, German and Slavic words inflect); matched against
    # lower-cased text (IGNORECASE made every category's search 1.7 times slower)
    terms = [t.lower() for t in terms]
    parts = [re.escape(t[:-1]) + r"\w*" if t.endswith("*") else re.escape(t) for t in terms]
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(parts, key=len, reverse=True)) + r")(?!\w)")


def context_matrix(decisions: np.ndarray, language: str | None) -> np.ndarray:
    """Second-stage features of one article: each paragraph's first-stage scores beside the
    article's mean and max and its neighbours' scores.

    Annotators label whole articles, so how much the rest of the article persuades, and which
    techniques travel together, says a lot about one paragraph.
    """
    z = np.clip(decisions, -10.0, 10.0) / 5.0
    n, k = z.shape
    if n == 0:
        return np.zeros((0, 5 * k + len(LANGUAGES)))
    floor = np.full((1, k), -2.0)
    previous = np.vstack([floor, z[:-1]])
    following = np.vstack([z[1:], floor])
    lang = np.zeros((n, len(LANGUAGES)))
    if language in LANGUAGES:
        lang[:, LANGUAGES.index(language)] = 1.0
    return np.hstack([z, np.repeat(z.mean(0, keepdims=True), n, 0),
                      np.repeat(z.max(0, keepdims=True), n, 0), previous, following, lang])
