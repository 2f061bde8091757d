"""Names the knowledge base knows, found in text without a model.

Adds recall where the model misses a name (a rare armed group, "Daech" in an English page) and
is the only recogniser for languages without a model. To keep common words out ("Reading",
"Mobile", "Nice" are cities too) a match must start with a capital letter, a small city
(under MIN_CITY_POPULATION) never matches, and a one-word city at the start of a sentence or
after a German article is skipped: sentence-initial capitals say nothing about being a name,
and German capitalises every noun ("das Essen").
"""

from __future__ import annotations

import re

from presslens.steps.dates import is_calendar_word
from presslens.steps.entities.kb import Entity, KnowledgeBase, is_code_alias
from presslens.steps.entities.ner import SENTENCE_START, trim_span
from presslens.steps.entities.normalize import (DETERMINERS, FREE_ARTICLES, fused_variant,
                                                key_variants, name_key)

#: longest alias tried, in words
MAX_WORDS = 6
MIN_CITY_POPULATION = 100_000
_TOKEN = re.compile(r"[lLdD]['’](?=[^\W\d_])|[^\W_](?:[\w'’.\-]*[^\W_])?\.?|[^\W\d_]\.", re.UNICODE)
_ARTICLE_START = re.compile(r"(?:al|el|an|ar|as|ash|at|ad|az|ul)[-‐‑](?=[A-Z])")


#: German articles and article-fused prepositions: German capitalises every noun, and a noun
#: after one of these is a common noun ("das Essen", "die Mitte der Stadt", "zur Halle"),
#: while a German city stands without an article ("in Essen", "aus Halle")
_GERMAN_ARTICLES = frozenset("der die das dem den des ein eine einem einen einer eines im am "
                             "zum zur vom beim".split())
_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)\s+$")


def _german_noun(text: str, start: int, surface: str, sentence_initial: bool) -> bool:
    """Whether a one-word match is a noun after a German article: one in lower case ("zur
    Halle") or opening the sentence ("Das Essen …"; the keys drop the article, so it may be
    inside the match). A capitalised article mid-sentence is part of a name ("in Den Haag")."""
    words = surface.split()
    if len(words) == 2:
        return words[0].lower() in _GERMAN_ARTICLES and (words[0].islower() or sentence_initial)
    before = _WORD_BEFORE.search(text, max(0, start - 8), start)
    if len(words) != 1 or before is None or before.group(1).lower() not in _GERMAN_ARTICLES:
        return False
    return before.group(1).islower() or bool(
        SENTENCE_START.search(text[max(0, before.start(1) - 3):before.start(1)]))


def _eligible(entity: Entity, text: str, start: int, surface: str, sentence_initial: bool) -> bool:
    """Whether `surface`, found at `start` in `text`, may stand for `entity`."""
    if len(surface) <= 3 and not surface.replace(".", "").isupper():
        return False  # "Is", "Un", "Ap": only all-capital short forms are acronyms
    if entity.kind == "city":
        if entity.population < MIN_CITY_POPULATION or is_code_alias(surface, entity):
            return False
        if (sentence_initial and " " not in surface) or \
                _german_noun(text, start, surface, sentence_initial):
            return False
    return True


def find(text: str, kb: KnowledgeBase) -> list[tuple[int, int, str, str]]:
    """`(start, end, label, entity_id)` for KB names in `text`, longest match first, no overlaps."""
    tokens = [(m.start(), _end_without_period(text, m.start(), m.end()))
              for m in _TOKEN.finditer(text)]
    found = []
    heads = kb.heads()
    index = 0
    while index < len(tokens):
        start = tokens[index][0]
        lower_start = not text[start].isupper()
        if lower_start and not _lower_case_start(text, tokens, index):
            index += 1
            continue
        words = _max_words(text, tokens[index], heads)
        if not words:
            index += 1
            continue
        match = _longest_match(text, tokens, index, kb, lower_start, words)
        if match is None:
            index += 1
            continue
        end_index, entity, trimmed = match
        if entity.kind in ("city", "country") and _name_goes_on(text, tokens, end_index):
            index = end_index + 1  # "Villanueva del Cierzo", "Paris Hilton": a longer name
            continue
        found.append((trimmed[0], trimmed[1], entity.label, entity.id))
        index = end_index + 1
    return found


#: small words inside a place's name ("Villanueva del Cierzo", "Stratford-upon-Avon" aside)
_NAME_LINKS = frozenset({"del", "de", "di", "da", "du", "des", "la", "le", "of", "on", "upon",
                         "am", "an", "im", "sur", "sous", "les", "y"})


def _name_goes_on(text: str, tokens: list[tuple[int, int]], end_index: int) -> bool:
    """Whether the words right after a match continue a longer name: a capitalised word, or
    a small link word and then one other than a day or month ("Stratford on Avon" goes on,
    "Homs on Monday" does not), joined by plain spaces. A capitalised word right after the
    match goes on even if it names a month: "Mitte Mai" is German for mid-May."""
    following = tokens[end_index + 1:end_index + 3]
    previous_end = tokens[end_index][1]
    for position, (start, end) in enumerate(following):
        if text[previous_end:start] != " ":
            return False
        word = text[start:end]
        if word[0].isupper():
            return position == 0 or not is_calendar_word(word)
        if word not in _NAME_LINKS:
            return False
        previous_end = end
    return False


def _end_without_period(text: str, start: int, end: int) -> int:
    """A sentence's full stop is not part of the name; an abbreviation's ("U.S.") is."""
    if text[end - 1] == "." and "." not in text[start:end - 1]:
        return end - 1
    return end


def _max_words(text: str, token: tuple[int, int], heads: dict[str, int]) -> int:
    """How many tokens a name starting at `token` may have: 0 when no name key starts with
    its key, else the longest such key plus two (a determiner and an article "al" drop out
    of keys); an article or determiner may start a longer name ("the", "l'")."""
    key = name_key(text[token[0]:token[1]])
    head = key.split(" ", 1)[0] if key else ""
    if head in DETERMINERS or head in FREE_ARTICLES:
        return MAX_WORDS
    most = heads.get(head, 0)
    return min(MAX_WORDS, most + 2) if most else 0


def _lower_case_start(text: str, tokens: list[tuple[int, int]], index: int) -> bool:
    """Whether a name may start at a lower-case token: an Arabic article before a capital
    ("al-Raqqa", "al-Qaeda"), or a common noun one or two words before a capitalised word
    ("bande de Gaza", "plateau du Golan"), which must then match a multi-word alias."""
    start, end = tokens[index]
    if _ARTICLE_START.match(text, start):
        return True
    following = tokens[index + 1:index + 3]
    return any(text[s].isupper() for s, _ in following)


def _longest_match(text: str, tokens: list[tuple[int, int]], index: int,
                   kb: KnowledgeBase, lower_start: bool = False, words: int = MAX_WORDS
                   ) -> tuple[int, Entity, tuple[int, int, str]] | None:
    start = tokens[index][0]
    sentence_initial = bool(SENTENCE_START.search(text[max(0, start - 3):start]))
    article = lower_start and bool(_ARTICLE_START.match(text, start))
    last = _last_possible(text, tokens, index, min(len(tokens), index + words) - 1, kb)
    for end_index in range(last, index - 1, -1):
        if lower_start and not article and end_index == index:
            break  # a lower-case word alone is no name
        surface = text[start:tokens[end_index][1]]
        if "\n\n" in surface:
            continue
        if lower_start and not any(ch.isupper() for ch in surface):
            break
        entity = _known(surface, kb)
        if entity is None:
            continue
        # judged as it will stand: "The gas" and "He 's" are found through keys that drop
        # the article or the possessive, and what is left must pass on its own
        trimmed = trim_span(text, start, tokens[end_index][1], entity.label,
                             description=False)
        if trimmed is None:
            continue
        kept = text[trimmed[0]:trimmed[1]]
        if not any(ch.isupper() for ch in kept) or \
                not _eligible(entity, text, trimmed[0], kept, sentence_initial):
            continue
        if lower_start and not article and entity.kind == "city":
            continue  # "bande de Gaza" is the Strip, but "ville de Paris" no city alias
        return end_index, entity, trimmed
    return None


def _last_possible(text: str, tokens: list[tuple[int, int]], index: int, last: int,
                   kb: KnowledgeBase) -> int:
    """The last token a name starting at `index` may reach: the words read so far, keyed
    token by token as name_key keys a whole name, must start some multi-word key."""
    prefixes = kb.prefixes()
    words: list[str] = []
    for end_index in range(index, last):
        for word in name_key(text[tokens[end_index][0]:tokens[end_index][1]]).split():
            if words and word in FREE_ARTICLES:
                continue  # "Deir al Zor": a free article after the first word drops out
            words.append(word)
        while len(words) > 1 and words[0] in DETERMINERS:
            words.pop(0)
        joined = " ".join(words)
        if joined in prefixes or words[0] in DETERMINERS:
            continue
        fused = fused_variant(joined)
        if fused is None or fused not in prefixes:
            return end_index
    return last


def _known(surface: str, kb: KnowledgeBase) -> Entity | None:
    for key in key_variants(surface):
        ids = kb.aliases.get(key)
        if ids:
            return kb.entities.get(ids[0])
    return None
