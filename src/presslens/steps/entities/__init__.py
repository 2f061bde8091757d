"""Named entities: who and what a page names, linked to one id per real-world entity.

Every mention in the title and body gets `text`, `label` (PER, ORG, LOC, MISC), `start`,
`end` (offsets into `doc.text`; `text == doc.text[start:end]`), `entity_id` and the canonical
`name`; places also `lat`, `lon` and `country`. Recognition: a spaCy model per language
(ner.py) or a user's own transformers model (backend.py), plus the knowledge-base gazetteer
(gazetteer.py); linking: linking.py.
"""

from __future__ import annotations

import os
import re
from typing import Any, Iterable

from presslens.document import Document
from presslens.steps.entities import gazetteer, rules
from presslens.steps.entities.kb import KnowledgeBase, default_kb
from presslens.steps.entities.linking import Mention, entity_record, link
from presslens.steps.entities.ner import (TRANSFORMERS_ENV, TRANSFORMERS_LANGUAGES_ENV,
                                           recognise, transformers_recognizer)
from presslens.steps.entities.normalize import name_key
from presslens.steps.entities.passages import passages, source_span

__all__ = ["EntitiesStep", "find_mentions", "KnowledgeBase"]


class EntitiesStep:
    """Adds `entities` (one record per mention, in text order) to the document."""

    name = "entities"
    requires = ("body", "language")
    provides = ("entities",)

    def __init__(self, kb: KnowledgeBase | None = None, transformers_path: str | None = None,
                 transformers_languages: Iterable[str] | None = None) -> None:
        """`transformers_path` (or PRESSLENS_NER_TRANSFORMERS): a local token-classification
        model used instead of the built-in recognisers for `transformers_languages` (or
        PRESSLENS_NER_TRANSFORMERS_LANGUAGES, comma-separated; neither: every language)."""
        self._kb = kb
        self.transformers_path = transformers_path or os.environ.get(TRANSFORMERS_ENV) or None
        if transformers_languages is None:
            named = os.environ.get(TRANSFORMERS_LANGUAGES_ENV, "")
            transformers_languages = [code.strip() for code in named.split(",") if code.strip()]
        self.transformers_languages = frozenset(transformers_languages) or None

    def recognizer(self, language: str | None) -> Any:
        """The transformers recogniser where it covers `language`, else None (built-in models)."""
        languages = self.transformers_languages
        if self.transformers_path is None or (languages is not None and language not in languages):
            return None
        return transformers_recognizer(str(self.transformers_path))

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = default_kb()
        return self._kb

    def __call__(self, doc: Document) -> None:
        mentions = find_mentions(doc, self.kb, self.recognizer(doc.language))
        link(mentions, self.kb)
        doc.extras["entities"] = [entity_record(m) for m in mentions if m.group is not None]


def find_mentions(doc: Document, kb: KnowledgeBase, recognizer: Any = None) -> list[Mention]:
    """Model, rule and gazetteer mentions of the page, mapped to `doc.text`, without overlaps."""
    views = passages(doc)
    model_spans = recognise((p.text for p in views), doc.language, recognizer)
    found_in = rules.repeated_names(
        [p.text for p in views],
        [_model_and_rule_spans(p.text, spans, kb) for p, spans in zip(views, model_spans)])
    body_keys = {name_key(p.text[s:e], strip_titles=True)
                 for p, spans in zip(views, found_in) if p.kind == "body" for s, e, _ in spans}
    mentions: list[Mention] = []
    for passage, spans in zip(views, found_in):
        if passage.kind == "title" and rules.is_title_case(passage.text):
            # a Title Case headline capitalises every word: trust only names the page repeats
            spans = [s for s in spans if rules.known_in_body(passage.text[s[0]:s[1]], body_keys)]
        found = _merge([(s, e, label, None) for s, e, label in spans],
                       gazetteer.find(passage.text, kb))
        for start, end, label, kb_id in found:
            source_start, source_end = source_span(doc, passage, start, end)
            if source_end > source_start:
                mentions.append(Mention(source_start, source_end,
                                        doc.text[source_start:source_end], label, kb_id))
    mentions.sort(key=lambda m: m.start)
    mentions = _with_particles(doc.text, _without_overlaps(mentions))
    mentions = rules.leaders_of_administrations(doc.text, mentions, kb)
    return rules.peoples(doc.text, mentions, doc.language, kb)


def _model_and_rule_spans(text: str, spans: list, kb: KnowledgeBase) -> list:
    spans = rules.title_case_tails(
        text, rules.whole_person_names(text, rules.split_joined(text, spans, kb)))
    return rules.add_role_names(text, spans, rules.role_names(text, kb))


#: lower-case-able particles of surnames ("Le Drian", "De Mistura", "Van Rompuy", "Al Thani")
_PARTICLES = frozenset({"le", "la", "de", "del", "della", "di", "da", "du", "des", "van", "von",
                        "der", "den", "ter", "al", "el", "abu", "bin", "ben", "ibn", "mac", "st"})
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


def _with_particles(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name whose particle was left out of the span ("Le" in "Le Drian a ensuite…", read as
    an article at a sentence start) gets it back when the page writes the name with that
    particle elsewhere ("Jean-Yves Le Drian")."""
    names = [name_key(m.text, strip_titles=True).split() for m in mentions]
    for index, mention in enumerate(mentions):
        before = _WORD_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        if before is None or before.group(1).lower() not in _PARTICLES or \
                not before.group(1)[0].isupper():
            continue
        if index and mentions[index - 1].end > before.start():
            continue
        wanted = [before.group(1).lower(), *names[index]]
        if any(len(other) > len(wanted) - 1 and other[-len(wanted):] == wanted
               for other in names):
            mention.start = before.start(1)
            mention.text = text[mention.start:mention.end]
    return mentions


def _merge(model: list, known: list) -> list:
    """Model spans, plus gazetteer spans that overlap none; a gazetteer span that contains a
    model span replaces it ("État" inside "État islamique")."""
    kept = list(model)
    for g_start, g_end, label, kb_id in known:
        overlapping = [m for m in kept if m[0] < g_end and g_start < m[1]]
        if not overlapping:
            kept.append((g_start, g_end, label, kb_id))
        elif all(g_start <= m[0] and m[1] <= g_end for m in overlapping) and any(
                (m[0], m[1]) != (g_start, g_end) for m in overlapping):
            kept = [m for m in kept if m not in overlapping]
            kept.append((g_start, g_end, label, kb_id))
        else:
            # same span: the model's label stands, the gazetteer's id is a linking hint
            kept = [(m[0], m[1], m[2], kb_id) if (m[0], m[1]) == (g_start, g_end) else m
                    for m in kept]
    return sorted(kept)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    # title and body views of an HTML page never overlap, but a body map may fold two view
    # spans onto one source span; keep the first
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
