"""Named entities: who and what a page names, linked to one id per real-world entity.

Every mention in the title and body gets `text`, `label` (PER, ORG, LOC, MISC), `start`,
`end` (offsets into `doc.text`; `text == doc.text[start:end]`), `entity_id` and the canonical
`name`; places also `lat`, `lon` and `country`. Recognition: a spaCy model per language
(ner.py) plus the knowledge-base gazetteer (gazetteer.py); linking: linking.py.
"""

from __future__ import annotations

from presslens.document import Document
from presslens.steps.entities import gazetteer
from presslens.steps.entities.kb import KnowledgeBase, default_kb
from presslens.steps.entities.linking import Mention, entity_record, link
from presslens.steps.entities.ner import recognise
from presslens.steps.entities.passages import passages, source_span

__all__ = ["EntitiesStep", "find_mentions", "KnowledgeBase"]


class EntitiesStep:
    """Adds `entities` (one record per mention, in text order) to the document."""

    name = "entities"
    requires = ("body", "language")
    provides = ("entities",)

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self._kb = kb

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = default_kb()
        return self._kb

    def __call__(self, doc: Document) -> None:
        mentions = find_mentions(doc, self.kb)
        link(mentions, self.kb)
        doc.extras["entities"] = [entity_record(m) for m in mentions if m.group is not None]


def find_mentions(doc: Document, kb: KnowledgeBase) -> list[Mention]:
    """Model and gazetteer mentions of the page, mapped to `doc.text`, without overlaps."""
    views = passages(doc)
    model_spans = recognise((p.text for p in views), doc.language)
    mentions: list[Mention] = []
    for passage, spans in zip(views, model_spans):
        found = [(s, e, label, None) for s, e, label in spans]
        found = _merge(found, gazetteer.find(passage.text, kb))
        for start, end, label, kb_id in found:
            source_start, source_end = source_span(doc, passage, start, end)
            if source_end > source_start:
                mentions.append(Mention(source_start, source_end,
                                        doc.text[source_start:source_end], label, kb_id))
    mentions.sort(key=lambda m: m.start)
    return _without_overlaps(mentions)


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
