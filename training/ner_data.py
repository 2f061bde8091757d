"""NER corpora (GUM, re3d, wikigold, NewsEye-fr) read as passages with PER/ORG/LOC/MISC spans.

Shared by training/train_ner.py and benchmarks/entities.py so both see the same labels and the
same held-out split. Every passage is `(text, [(start, end, label), ...])` with character offsets.

Label mapping (one rule set for training and evaluation; see models/ner_en/MODEL_CARD.md):

- GUM (`is_named = 1` mentions only): person -> PER (plural proper nouns such as "Americans"
  -> MISC, as in CoNLL), organization -> ORG, place -> LOC, event/abstract/object -> MISC;
  time, substance, animal, plant dropped. Spans are full noun phrases upstream, so they are
  trimmed to the name: leading determiners, pronouns and lower-case words and a trailing
  possessive are cut; the outermost named mention wins over nested ones.
- re3d (confidence >= 0.5): Person -> PER, Organisation -> ORG, Location -> LOC, Nationality
  and DocumentReference -> MISC, Weapon/MilitaryPlatform/Vehicle -> MISC when named (a token
  with a capital or a digit, e.g. "AK-47"); the rest dropped. re3d also tags descriptions
  ("the rebels", "Iraqi military officials"): a span is kept only if, after cutting leading
  determiners/possessives, every word other than connectives starts with (or holds) a capital
  letter or a digit. Overlapping spans: the longest wins.
- wikigold: PER/ORG/LOC/MISC as given (IOB1 read as spans).
- NewsEye-fr: PER, ORG, LOC as given, HumanProd -> MISC (evaluation only, no training).

re3d names whose annotators disagreed (confidence < 0.5) are neither gold nor "no name":
training marks their tokens missing, and scoring can leave predictions on them out
(`re3d_documents_with_uncertain`, `score(ignore=...)`); both figures are reported.

Held-out rule (never trained on, never used to pick an epoch or a threshold):
GUM's official `test` split; re3d documents whose sha1(_id) is 0 mod 3; wikigold documents
whose sha1("wikigold-<index>") is 0 mod 3. GUM `dev` picks the best epoch.
"""

from __future__ import annotations

import gzip
import hashlib
import sys
import json
import os
import re
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PRESSLENS_SHARED", REPO.parent / "shared"))
NER_DIR = SHARED / "data" / "ner"
sys.path.insert(0, str(REPO / "src"))

Span = tuple[int, int, str]
Passage = tuple[str, list[Span]]

LABELS = ("PER", "ORG", "LOC", "MISC")
GUM_LABELS = {"person": "PER", "organization": "ORG", "place": "LOC", "event": "MISC",
              "abstract": "MISC", "object": "MISC"}
RE3D_LABELS = {"Person": "PER", "Organisation": "ORG", "Location": "LOC", "Nationality": "MISC",
               "DocumentReference": "MISC", "Weapon": "MISC", "MilitaryPlatform": "MISC",
               "Vehicle": "MISC"}
RE3D_NAMED_ONLY = {"Weapon", "MilitaryPlatform", "Vehicle"}
SPLIT_RULE = ("GUM official test split; re3d docs with int(sha1(_id), 16) % 3 == 0; wikigold docs "
              "with int(sha1('wikigold-<index>'), 16) % 3 == 0 -> held out; GUM dev for epochs")

_LEADING = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
            "that", "some", "all", "both", "my", "your"}
_PRONOUNS = {"i", "we", "he", "she", "they", "it", "you", "us", "them", "his", "her", "their",
             "its", "our", "me", "him", "who", "one"}
#: a demonym or nationality before a person's name ("Iraqi President Fuad Masum") is a title
_DEMONYM = re.compile(r"^(?:[A-Z][a-z]+(?:i|ian|an|ish|ese|ch)|U\.?S\.?|UK|U\.K\.|EU)$")
_CONNECTIVES = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "al", "el", "in", "on",
                "&", "-", "'s", "bin", "ibn", "von", "van", "da", "at", "to", "'", ","}
#: sentences per training passage for corpora that come as sentences (GUM, wikigold)
SENTENCES_PER_PASSAGE = 8


def available() -> bool:
    return (NER_DIR / "gum").is_dir() and (NER_DIR / "re3d").is_dir()


def _hash_third(key: str) -> bool:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 3 == 0


# --- GUM -----------------------------------------------------------------------------------

def _gum_tokens(split: str) -> dict[str, list[list[tuple[str, str, str, bool]]]]:
    """doc id -> sentences of (form, upos, xpos, space_after) word tokens."""
    docs: dict[str, list[list[tuple[str, str, str, bool]]]] = {}
    current: list[list[tuple[str, str, str, bool]]] = []
    sentence: list[tuple[str, str, str, bool]] = []
    with gzip.open(NER_DIR / "gum" / f"gum_{split}.conllu.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id ="):
                current = docs.setdefault(line.split("=", 1)[1].strip(), [])
            elif not line:
                if sentence:
                    current.append(sentence)
                sentence = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue  # multi-word ranges and empty nodes carry no entity marks
                sentence.append((cols[1], cols[3], cols[4], "SpaceAfter=No" not in cols[9]))
    if sentence:
        current.append(sentence)
    return docs


def _gum_mentions(split: str) -> dict[str, list[tuple[int, int, str]]]:
    """doc id -> (first token, last token inclusive, label) of named, mapped mentions."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    with gzip.open(NER_DIR / "gum" / "gum_entity_mentions.tsv.gz", "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in fh:
            row = line.rstrip("\n").split("\t")
            if row[col["split"]] != split or row[col["is_named"]] != "1":
                continue
            label = GUM_LABELS.get(row[col["etype"]])
            if label is None:
                continue
            found.setdefault(row[col["doc_id"]], []).append(
                (int(row[col["doc_tok_start"]]), int(row[col["doc_tok_end"]]), label))
    return found


def _trim_gum(tokens: list[tuple[str, str, str, bool]], first: int, last: int, label: str
              ) -> tuple[int, int, str] | None:
    """Cut a noun phrase to its name: no leading determiner/lower-case words, no possessive."""
    while first <= last and (tokens[first][1] in ("DET", "PRON", "PUNCT", "NUM")
                             or not tokens[first][0][:1].isupper()):
        first += 1
    while last >= first and (tokens[last][1] in ("PART", "PUNCT") or not _has_upper_or_digit(
            tokens[last][0])):
        last -= 1
    if last < first or not any(t[1] == "PROPN" for t in tokens[first:last + 1]):
        return None
    if label == "PER":
        from presslens.steps.entities.normalize import TITLES, name_key

        while first < last and (name_key(tokens[first][0]) in TITLES
                                or _DEMONYM.match(tokens[first][0])):
            first += 1
    if label == "PER" and (tokens[last][2] == "NNPS" or (first == last and (
            _DEMONYM.match(tokens[first][0]) or tokens[first][0] in ("White", "Black")))):
        label = "MISC"  # "Americans", "Kurds", "Hispanic": groups, MISC under CoNLL rules
    return first, last, label


def _has_upper_or_digit(word: str) -> bool:
    return any(ch.isupper() or ch.isdigit() for ch in word)


def gum_passages(split: str) -> Iterator[Passage]:
    """GUM passages of a few sentences each, with trimmed name spans."""
    mentions = _gum_mentions(split)
    for doc_id, sentences in _gum_tokens(split).items():
        flat = [tok for sentence in sentences for tok in sentence]
        spans = []
        for first, last, label in mentions.get(doc_id, []):
            trimmed = _trim_gum(flat, first, last, label)
            if trimmed:
                spans.append(trimmed)
        spans = _outermost(spans)
        index = 0
        for chunk_start in range(0, len(sentences), SENTENCES_PER_PASSAGE):
            chunk = sentences[chunk_start:chunk_start + SENTENCES_PER_PASSAGE]
            count = sum(len(s) for s in chunk)
            yield _tokens_to_passage(chunk, index, spans)
            index += count


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop spans nested in or overlapping a longer one (longest first, then leftmost; of two
    labels on the same span the first in alphabetical order, so that the choice does not
    follow the set's order, which changes with Python's string hashing between processes)."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0], s[2])):
        if all(span[1] < k[0] or span[0] > k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def _tokens_to_passage(sentences, offset: int, spans: list[tuple[int, int, str]]) -> Passage:
    """Join tokens with their spacing; token spans [first, last] become character spans."""
    parts: list[str] = []
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    position = 0
    index = offset
    for sentence in sentences:
        for number, (form, _, _, space_after) in enumerate(sentence):
            starts[index] = position
            parts.append(form)
            position += len(form)
            ends[index] = position
            # sentences end with a space too, so the passage reads as running text
            parts.append(" " if space_after or number == len(sentence) - 1 else "")
            position += len(parts[-1])
            index += 1
    text = "".join(parts).rstrip()
    char_spans = [(starts[a], ends[b], label) for a, b, label in spans
                  if a in starts and b in ends]
    return text, char_spans


# --- re3d ----------------------------------------------------------------------------------

def _re3d_keep(value: str, rtype: str) -> tuple[int, int] | None:
    """Offsets inside `value` of the name it holds, or None for a description."""
    words = list(re.finditer(r"\S+", value))
    while words and words[0].group().lower() in _LEADING:
        words.pop(0)
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    trimmed = value[start:end]
    if trimmed.endswith("'s") or trimmed.endswith("’s"):
        end -= 2
    content = [w.group() for w in words if w.group().lower().strip(",") not in _CONNECTIVES]
    if not content or not all(_has_upper_or_digit(w) for w in content):
        return None
    if len(words) == 1 and words[0].group().lower() in _PRONOUNS:
        return None
    if rtype == "Person":
        return _person_name(value, start, end)
    if rtype in RE3D_NAMED_ONLY and not any(_has_upper_or_digit(w) for w in content):
        return None
    return start, end


def _person_name(value: str, start: int, end: int) -> tuple[int, int] | None:
    """A person span without the titles before the name ("Iraqi Foreign Minister, Ibrahim
    al-Jaafari" -> "Ibrahim al-Jaafari"), as CoNLL annotates PER; None if only titles."""
    from presslens.steps.entities.normalize import TITLES, name_key

    comma = value.rfind(",", start, end)
    if comma >= 0 and value[comma + 1:end].strip():
        start = comma + 1
    words = list(re.finditer(r"\S+", value[start:end]))
    linked = False  # a connective crossed: "Secretary of State John Kerry"
    while words and (name_key(words[0].group()) in TITLES or _DEMONYM.match(words[0].group())
                     or words[0].group().lower() in _LEADING
                     or (len(words) > 1 and words[0].group().lower() in _CONNECTIVES)):
        linked = linked or words[0].group().lower() in _CONNECTIVES
        words.pop(0)
    if not words:
        return None
    if linked and any(w.group().lower() in _CONNECTIVES - {"al", "bin", "ibn", "-", "'"}
                      for w in words):
        return None  # "Minister of Foreign Affairs of Iraq": a description, no name
    return start + words[0].start(), end


def _country_label(text: str, label: str) -> str:
    """Country names are LOC whatever re3d's sense ("Iraq" the government is ORG there):
    CoNLL's convention, and the label the linked entity carries in presslens."""
    if label != "ORG":
        return label
    from presslens.steps.entities.kb import default_kb

    found = default_kb().candidates(text)
    return "LOC" if found and found[0].kind == "country" else label


def re3d_documents() -> Iterator[tuple[str, str, str, list[Span]]]:
    """(doc id, split, text, spans) for every re3d document."""
    for doc_id, split, text, spans, _ in re3d_documents_with_uncertain():
        yield doc_id, split, text, spans


def re3d_documents_with_uncertain() -> Iterator[tuple[str, str, str, list[Span],
                                                       list[tuple[int, int]]]]:
    """(doc id, split, text, spans, uncertain) for every re3d document.

    `uncertain`: names re3d's annotators disagreed on (confidence < 0.5, mapped type, a
    name by the rules above) that overlap no kept span. A third of re3d's locations are
    such ("Iraq" 63 times, "ISIL" 49): neither a name nor "no name" can be trusted there, so
    training marks them missing and scoring may leave predictions on them out.
    """
    root = NER_DIR / "re3d"
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").is_file()):
        texts = {}
        for line in (folder / "documents.json").read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts[record["_id"]] = record["text"]
        candidates: dict[str, list[tuple[int, int, str, float]]] = {}
        doubtful: dict[str, list[tuple[int, int]]] = {}
        for line in (folder / "entities.json").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entity = json.loads(line)
            label = RE3D_LABELS.get(entity["type"])
            if label is None:
                continue
            text = texts[entity["documentId"]]
            value = text[entity["begin"]:entity["end"]]
            kept = _re3d_keep(value, entity["type"])
            if kept and entity["confidence"] < 0.5:
                doubtful.setdefault(entity["documentId"], []).append(
                    (entity["begin"] + kept[0], entity["begin"] + kept[1]))
            elif kept:
                label = _country_label(value[kept[0]:kept[1]], label)
                candidates.setdefault(entity["documentId"], []).append(
                    (entity["begin"] + kept[0], entity["begin"] + kept[1], label,
                     entity["confidence"]))
        for doc_id, text in texts.items():
            spans = _longest_first(candidates.get(doc_id, []))
            uncertain = sorted({d for d in doubtful.get(doc_id, [])
                                if not any(d[0] < s[1] and s[0] < d[1] for s in spans)})
            yield doc_id, "test" if _hash_third(doc_id) else "train", text, spans, uncertain


def _longest_first(candidates: list[tuple[int, int, str, float]]) -> list[Span]:
    kept: list[tuple[int, int, str, float]] = []
    for cand in sorted(candidates, key=lambda c: (-(c[1] - c[0]), -c[3], c[0])):
        if all(cand[1] <= k[0] or cand[0] >= k[1] for k in kept):
            kept.append(cand)
    return sorted((s, e, label) for s, e, label, _ in kept)


# --- wikigold ------------------------------------------------------------------------------

def wikigold_documents() -> Iterator[tuple[int, str, list[Passage]]]:
    """(doc index, split, passages) for each wikigold article (IOB1 tags read as spans)."""
    lines = (NER_DIR / "wikigold" / "wikigold.conll.txt").read_text(encoding="utf-8").splitlines()
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    index = 0
    for line in lines + [""]:
        if line.startswith("-DOCSTART-"):
            if sentence:
                sentences.append(sentence)
                sentence = []
            yield index, "test" if _hash_third(f"wikigold-{index}") else "train", \
                _iob_passages(sentences)
            sentences = []
            index += 1
        elif not line.strip():
            if sentence:
                sentences.append(sentence)
            sentence = []
        else:
            token, _, tag = line.rpartition(" ")
            sentence.append((token, tag))


def _iob_passages(sentences: list[list[tuple[str, str]]]) -> list[Passage]:
    passages = []
    for start in range(0, len(sentences), SENTENCES_PER_PASSAGE):
        passages.append(_iob_to_spans(sentences[start:start + SENTENCES_PER_PASSAGE]))
    return passages


def _iob_to_spans(sentences: list[list[tuple[str, str]]]) -> Passage:
    """Tokens joined by spaces; IOB1 or IOB2 tags turned into character spans."""
    parts: list[str] = []
    spans: list[Span] = []
    position = 0
    open_span: list | None = None
    for sentence in sentences:
        for token, tag in sentence:
            kind, _, label = tag.partition("-")
            begins = kind == "B" or (kind == "I" and (open_span is None or open_span[2] != label))
            if open_span and (kind == "O" or begins):
                spans.append(tuple(open_span))
                open_span = None
            if kind in ("B", "I") and open_span is None:
                open_span = [position, position + len(token), "MISC" if label == "HumanProd"
                             else label]
            elif open_span is not None:
                open_span[1] = position + len(token)
            parts.append(token)
            position += len(token) + 1
        if open_span:
            spans.append(tuple(open_span))
            open_span = None
    return " ".join(parts), [s for s in spans if s[2] in LABELS]


# --- NewsEye (French, evaluation only) -----------------------------------------------------

def newseye_passages(split: str = "test") -> Iterator[Passage]:
    """NewsEye-fr passages, one per document chunk of sentences (HIPE TSV, coarse labels)."""
    path = NER_DIR / "fr" / f"HIPE-2022-v2.1-newseye-{split}-fr.tsv.gz"
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("# hipe2022:document_id") and (sentence or sentences):
                if sentence:
                    sentences.append(sentence)
                yield from _iob_passages(sentences)
                sentences, sentence = [], []
            if not line or line.startswith("#") or line.startswith("TOKEN"):
                continue
            cols = line.split("\t")
            sentence.append((cols[0], cols[1]))
            if "EndOfSentence" in cols[-1]:
                sentences.append(sentence)
                sentence = []
    if sentence:
        sentences.append(sentence)
    yield from _iob_passages(sentences)


# --- scoring -------------------------------------------------------------------------------

def score(gold: list[list[Span]], predicted: list[list[Span]],
          labels: tuple[str, ...] = LABELS,
          ignore: list[list[tuple[int, int]]] | None = None) -> dict[str, dict[str, float]]:
    """Exact-span precision, recall and F1 per label and micro-averaged over `labels`;
    predictions overlapping an `ignore` region of their passage (re3d's uncertain names)
    count neither way."""
    counts = {label: [0, 0, 0] for label in labels}  # true positives, predicted, gold
    for index, (gold_spans, predicted_spans) in enumerate(zip(gold, predicted)):
        gold_set = {s for s in gold_spans if s[2] in labels}
        regions = ignore[index] if ignore else []
        predicted_set = {s for s in predicted_spans if s[2] in labels and (
            s in gold_set or not any(s[0] < b and a < s[1] for a, b in regions))}
        for span in predicted_set:
            counts[span[2]][1] += 1
            counts[span[2]][0] += span in gold_set
        for span in gold_set:
            counts[span[2]][2] += 1
    result = {label: _prf(*c) for label, c in counts.items()}
    result["micro"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return result


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "gold": gold}
