"""Comment moderation: toxicity, insult, identity attack, threat, obscenity and spam scores.

Every comment gets ``moderation``: a calibrated score in [0, 1] per label, ``labels`` (the
labels whose score reaches its threshold) and ``targets`` (the identity groups a comment
flagged as an identity attack names). The page gets ``comment_summary``: share of toxic
comments, spam rate, label counts, the commenters with most flagged comments and the groups
targeted. The model is one multilingual set of linear heads (see models/moderation/MODEL_CARD.md).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Sequence

import numpy as np

from presslens.document import Document
from presslens.steps.moderation.features import clip
from presslens.steps.moderation.groups import groups_named
from presslens.steps.moderation.model import HEADS, load_model

#: comments scored per model call; bigger batches amortise the sparse product, smaller ones
#: keep memory flat on pages with thousands of comments
BATCH = 512
#: comments longer than this are scored in pieces of about CHUNK_CHARS (see `chunks`)
LONG_COMMENT_CHARS = 600
CHUNK_CHARS = 160
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
#: how many commenters and groups the summary lists
TOP = 5
#: labels that make a comment "flagged" for the per-commenter count (spam included: a spammer
#: is the commenter a moderator most wants to find)
FLAGGING = HEADS


def moderate_texts(texts: Sequence[str]) -> list[dict[str, Any]]:
    """One moderation record per text: six scores, `labels` and `targets`."""
    model = load_model()
    records: list[dict[str, Any]] = []
    for start in range(0, len(texts), BATCH):
        batch = [t if isinstance(t, str) else "" for t in texts[start:start + BATCH]]
        # nothing to judge in an empty or blank comment: no score, rather than the model's prior
        scored = [i for i, t in enumerate(batch) if t.strip()]
        pieces = [(i, chunk) for i in scored for chunk in chunks(batch[i])]
        scores = model.scores([chunk for _, chunk in pieces])
        by_index: dict[int, Any] = {}
        for (i, _), row in zip(pieces, scores):
            # a threat or a slur anywhere in a long comment is in the comment: keep the worst part
            by_index[i] = row if i not in by_index else np.maximum(by_index[i], row)
        for i, text in enumerate(batch):
            records.append(_record(text, by_index.get(i), model.heads, model.thresholds))
    return records


def chunks(text: str) -> list[str]:
    """A comment as pieces of whole sentences of at most about CHUNK_CHARS (head and tail if huge).

    The features are length-normalised, so one threatening sentence in a 30,000-character
    comment would be diluted to nothing; pieces the size of a short comment keep it visible.
    Ordinary comments are one piece, scored whole.
    """
    text = clip(text)
    if len(text) <= LONG_COMMENT_CHARS:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        for part in _cut(sentence):
            if current and len(current) + len(part) + 1 > CHUNK_CHARS:
                pieces.append(current)
                current = part
            else:
                current = f"{current} {part}" if current else part
    if current:
        pieces.append(current)
    return pieces


def _cut(sentence: str) -> list[str]:
    """A run-on sentence cut at spaces into parts of at most CHUNK_CHARS."""
    parts = []
    while len(sentence) > CHUNK_CHARS:
        cut = sentence.rfind(" ", CHUNK_CHARS // 2, CHUNK_CHARS)
        cut = cut if cut > 0 else CHUNK_CHARS
        parts.append(sentence[:cut])
        sentence = sentence[cut:].lstrip()
    return parts + [sentence] if sentence else parts


def _record(text: str, scores, heads: Sequence[str], thresholds) -> dict[str, Any]:
    if scores is None:
        record: dict[str, Any] = {head: 0.0 for head in heads}
        record.update(labels=[], targets=[])
        return record
    record = {head: round(float(s), 4) for head, s in zip(heads, scores)}
    labels = [head for head, s, t in zip(heads, scores, thresholds) if s >= t]
    record["labels"] = labels
    record["targets"] = groups_named(text) if "identity_attack" in labels else []
    return record


def summarize(moderations: Sequence[dict[str, Any]], authors: Sequence[str | None]) -> dict[str, Any]:
    """The thread summary of a page's comments and their moderation records."""
    total = len(moderations)
    label_counts = Counter(label for m in moderations for label in m["labels"])
    flagged_by_author = Counter(
        author for author, m in zip(authors, moderations)
        if author and any(label in FLAGGING for label in m["labels"]))
    groups = Counter(group for m in moderations for group in m["targets"])
    return {
        "comments": total,
        "toxic_share": round(label_counts["toxicity"] / total, 4) if total else 0.0,
        "spam_rate": round(label_counts["spam"] / total, 4) if total else 0.0,
        "label_counts": {head: label_counts[head] for head in HEADS},
        "top_flagged_commenters": [{"author": a, "flagged": n}
                                   for a, n in flagged_by_author.most_common(TOP)],
        "groups_targeted": [{"group": g, "comments": n} for g, n in groups.most_common()],
    }


class ModerationStep:
    """Adds `moderation` to every comment and `comment_summary` to the page."""

    name = "moderation"
    requires = ("comments",)
    provides = ("comments", "comment_summary")

    def __call__(self, doc: Document) -> None:
        records = moderate_texts([c.text for c in doc.comments]) if doc.comments else []
        for comment, record in zip(doc.comments, records):
            comment.extras["moderation"] = record
        doc.comments = doc.comments  # marks the field as provided
        doc.extras["comment_summary"] = summarize(records, [c.author for c in doc.comments])
