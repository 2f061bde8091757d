"""Hand-written, clearly fictional training examples for the moderation model.

The public datasets are thin where news comments need them most: antisemitic tropes, French
insults and threats, spam in languages other than English, and the hard non-hateful cases
(negation, counter-speech, reporting on hate, neutral mentions of groups). These templates fill
those gaps. Every sentence here was written for presslens; none is copied from a dataset.

They are deliberately worded differently from the functional test suites in
tests/data/moderation_functional_*.jsonl, which measure the model and are never trained on:
other sentence frames and other predicates, and no suite sentence may appear here (checked by
tests/test_moderation.py). A shared run of five words, group names masked, was looked for by
hand and the few template wordings that had one were changed; the unit tests' own example
sentences are not templates either.

An example is a dict: text, lang, frame (the template family), labels (head -> 0/1; a head that
is absent is unknown and left out of that head's loss).
"""

from __future__ import annotations

import itertools
import random
from typing import Iterable

HEADS = ("toxicity", "insult", "identity_attack", "threat", "obscene", "spam")
SEED = 20240505


def expand(frame: str, lang: str, patterns: Iterable[str], slots: dict[str, list[str]],
           labels: dict[str, int], limit: int, rng: random.Random) -> list[dict]:
    """Fill every pattern with slot values (a deterministic sample of at most `limit`)."""
    filled: dict[str, str] = {}
    for pattern in patterns:
        names = [n for n in slots if "{" + n + "}" in pattern]
        for values in itertools.product(*(slots[n] for n in names)):
            filled.setdefault(pattern.format(**dict(zip(names, values))), pattern)
    texts = sorted(filled)
    if len(texts) > limit:
        texts = rng.sample(texts, limit)
    # `pattern` lets the split hold out whole sentence frames, not just slot fillings
    return [{"text": _capitalise(t), "lang": lang, "frame": frame, "pattern": filled[t],
             "labels": dict(labels)} for t in texts]


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def all_examples() -> list[dict]:
    """Every template example, English, French and multilingual spam, in a fixed order."""
    from . import en, fr, spam

    rng = random.Random(SEED)
    return en.examples(rng) + fr.examples(rng) + spam.examples(rng)
