"""Comment text -> hashed sparse features, shared by training and run time.

Two views of a comment:

- a *word view*: tokens of the normalised text plus marked copies of the tokens that sit in a
  negation scope (``neg_hate`` in "I don't hate them") or inside quotation marks
  (``q_vermin`` in 'calling people "vermin" is vile'). A linear model cannot see that "hate" is
  negated or quoted; the marked copies give it separate weights for mention and negation, so
  negated statements and counter-speech are not scored like the hate they reject. Word
  bigrams, and a few feature tokens for links, phone numbers and money, complete the view.
- a *character view*: character 2-5-grams inside word boundaries of the normalised text, which
  carry spelling variants, obfuscations ("f*ck") and French morphology.

Both are hashed (scikit-learn's HashingVectorizer, MurmurHash3), so no vocabulary is stored:
the model is a weight matrix indexed by hash bucket.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import Iterable

import numpy as np

#: longest stretch of a comment read; a 5,000-word rant is judged on its first 4,000 characters
#: (and on its last 1,000, see `clip`) so that one huge comment cannot stall a thread
MAX_CHARS = 5000
WORD_BITS = 18
CHAR_BITS = 19

_TAG = re.compile(r"<[^>]{0,300}>")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|info|biz|io|ly|fr|co|me|xyz|ru|tk)"
                  r"(?:/\S*)?\b|@url\b", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_PHONE = re.compile(r"(?<![\w$€£])\+?\d[\d .\-()]{7,}\d(?!\w)")
_MONEY = re.compile(r"[$€£]\s?\d[\d,.]*\s?[kKmM]?\b|\b\d[\d,.]*\s?(?:[kKmM]\s?)?(?:\$|€|£|usd|eur|euros?|dollars?)(?!\w)",
                    re.IGNORECASE)
_MENTION = re.compile(r"(?<!\w)@\w+")
_RT = re.compile(r"^\s*rt\b[\s:]*", re.IGNORECASE)
_REPEAT = re.compile(r"(\D)\1{2,}")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|[!?]|[\"“”«»]|[.,;:]")

#: words that open a negation scope (English, French); "n't" forms are matched by suffix
_NEGATORS = frozenset({
    "not", "no", "never", "nobody", "nothing", "none", "nor", "neither", "without", "cannot",
    "ne", "n", "pas", "jamais", "aucun", "aucune", "personne", "rien", "ni", "sans", "non",
})
_SCOPE_LENGTH = 5
_QUOTE = frozenset({'"', "“", "”", "«", "»"})
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?"})


def normalize(text: str) -> str:
    """Lower-cased, accent-free text with links, e-mails, phones, money and @users as tokens.

    French training tweets come lower-cased and often without accents, so accents are
    removed everywhere: "fdp" and "fils de pute" must meet "FILS DE PUTE" and "fils dé pute".
    """
    text = clip(text)
    text = html.unescape(_TAG.sub(" ", text)).replace("\ufeff", " ")
    text = _RT.sub("", text)
    text = _EMAIL.sub(" xemail ", text)
    text = _URL.sub(" xurl ", text)
    text = _MONEY.sub(" xmoney ", text)
    text = _PHONE.sub(" xphone ", text)
    text = _MENTION.sub(" xuser ", text)
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _REPEAT.sub(r"\1\1", text)


def clip(text: str) -> str:
    """At most MAX_CHARS characters: the head and the tail, which is where a comment's point is."""
    if len(text) <= MAX_CHARS:
        return text
    return text[: MAX_CHARS - 1000] + " … " + text[-1000:]


def word_tokens(norm: str) -> list[str]:
    """Tokens, marked scope copies, bigrams and feature tokens of a normalised comment."""
    raw = _TOKEN.findall(norm)
    tokens: list[str] = []
    marked: list[str] = []
    negation_left = 0
    quoted = False
    for token in raw:
        if token in _QUOTE:
            # curly quotes and guillemets say which side they are; straight ones toggle
            quoted = True if token in "“«" else False if token in "”»" else not quoted
            continue
        if token in _CLAUSE_END:
            negation_left = 0
            tokens.append(token)
            continue
        if negation_left:
            marked.append("neg_" + token)
            negation_left -= 1
        if quoted:
            marked.append("q_" + token)
        if token in _NEGATORS or token.endswith(("n't", "n’t")):
            negation_left = _SCOPE_LENGTH
        tokens.append(token)
    bigrams = [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
    return tokens + bigrams + marked + _shape_tokens(norm, tokens)


def _shape_tokens(norm: str, tokens: list[str]) -> list[str]:
    """Coarse signals a bag of words misses: length bucket, nothing-but-symbols."""
    words = sum(1 for t in tokens if t[0].isalnum())
    shape = [f"_len{min(words // 5, 8)}"]
    if words == 0:
        shape.append("_nowords")
    if norm.count("xurl") > 1:
        shape.append("_manyurls")
    return shape


def _identity(tokens: list[str]) -> list[str]:
    return tokens


@lru_cache(maxsize=1)
def _vectorizers():
    # imported here: scikit-learn is only needed once a comment is actually scored
    from sklearn.feature_extraction.text import HashingVectorizer

    words = HashingVectorizer(analyzer=_identity, n_features=2 ** WORD_BITS,
                              alternate_sign=False, norm="l2", dtype=np.float32)
    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False,
                              n_features=2 ** CHAR_BITS, alternate_sign=False, norm="l2",
                              dtype=np.float32)
    return words, chars


def featurize(texts: Iterable[str], group_mask: bool = False):
    """Sparse feature matrix (CSR, one row per text): word view then character view."""
    return featurize_normalized([normalize(t or "") for t in texts], group_mask)


#: the models trained now replace every neutral group name (groups.NEUTRAL_MENTION: "muslims",
#: "juifs", "women", not slurs) by one token, `xgroup`, in both views. The keyword-sampled
#: tweets name groups almost only to attack them, so each group's own word was learnt as an
#: attack; masked, no group word can carry the attack and the words around it must. Slurs are
#: kept: they are attacks by themselves. A model says in meta.json whether it was trained so.
GROUP_MASK = True


@lru_cache(maxsize=1)
def _group_pattern():
    # imported here: groups imports this module
    from presslens.steps.moderation.groups import NEUTRAL_MENTION

    return NEUTRAL_MENTION


def mask_groups(norm: str) -> str:
    """A normalised text with its neutral group names replaced by `xgroup`."""
    return _group_pattern().sub("xgroup", norm)


def featurize_normalized(norms: list[str], group_mask: bool = False):
    """`featurize` for texts already passed through `normalize`; `group_mask`: see GROUP_MASK."""
    from scipy.sparse import hstack

    if group_mask:
        norms = [mask_groups(n) for n in norms]
    words, chars = _vectorizers()
    word_matrix = words.transform([word_tokens(n) for n in norms])
    char_matrix = chars.transform(norms)
    return hstack([word_matrix, char_matrix], format="csr")


N_FEATURES = 2 ** WORD_BITS + 2 ** CHAR_BITS
