"""Names the knowledge base knows, found in text without a model.

Adds recall where the model misses a name (a rare armed group, "Daech" in an English page) and
is the only recogniser for languages without a model. To keep common words out ("Reading",
"Mobile", "Nice" are cities too) a match must start with a capital letter, a small city
(under MIN_CITY_POPULATION) never matches, and a one-word city at the start of a sentence is
skipped: sentence-initial capitals say nothing about being a name.
"""

from __future__ import annotations

import re

from presslens.steps.entities.kb import Entity, KnowledgeBase
from presslens.steps.entities.ner import trim_span
from presslens.steps.entities.normalize import key_variants

#: longest alias tried, in words
MAX_WORDS = 6
MIN_CITY_POPULATION = 100_000
_TOKEN = re.compile(r"[lLdD]['’](?=[^\W\d_])|[^\W_](?:[\w'’.\-]*[^\W_])?\.?|[^\W\d_]\.", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”\n]\s*)$")


def _eligible(entity: Entity, surface: str, sentence_initial: bool) -> bool:
    if len(surface) <= 3 and not surface.replace(".", "").isupper():
        return False  # "Is", "Un", "Ap": only all-capital short forms are acronyms
    if entity.kind == "city":
        if entity.population < MIN_CITY_POPULATION:
            return False
        if sentence_initial and " " not in surface:
            return False
    return True


def find(text: str, kb: KnowledgeBase) -> list[tuple[int, int, str, str]]:
    """`(start, end, label, entity_id)` for KB names in `text`, longest match first, no overlaps."""
    tokens = [(m.start(), _end_without_period(text, m.start(), m.end()))
              for m in _TOKEN.finditer(text)]
    found = []
    index = 0
    while index < len(tokens):
        start = tokens[index][0]
        if not text[start].isupper():
            index += 1
            continue
        match = _longest_match(text, tokens, index, kb)
        if match is None:
            index += 1
            continue
        end_index, entity = match
        trimmed = trim_span(text, start, tokens[end_index][1], entity.label)
        if trimmed:
            found.append((trimmed[0], trimmed[1], entity.label, entity.id))
        index = end_index + 1
    return found


def _end_without_period(text: str, start: int, end: int) -> int:
    """A sentence's full stop is not part of the name; an abbreviation's ("U.S.") is."""
    if text[end - 1] == "." and "." not in text[start:end - 1]:
        return end - 1
    return end


def _longest_match(text: str, tokens: list[tuple[int, int]], index: int,
                   kb: KnowledgeBase) -> tuple[int, Entity] | None:
    start = tokens[index][0]
    sentence_initial = bool(_SENTENCE_START.search(text[max(0, start - 3):start]))
    last = min(len(tokens), index + MAX_WORDS) - 1
    for end_index in range(last, index - 1, -1):
        surface = text[start:tokens[end_index][1]]
        if "\n\n" in surface:
            continue
        entity = _known(surface, kb)
        if entity is not None and _eligible(entity, surface, sentence_initial):
            return end_index, entity
    return None


def _known(surface: str, kb: KnowledgeBase) -> Entity | None:
    for key in key_variants(surface):
        ids = kb.aliases.get(key)
        if ids:
            return kb.entities.get(ids[0])
    return None
