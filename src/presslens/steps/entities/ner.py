"""Named-entity recognisers per language, loaded once per process.

English: the model trained by training/train_ner.py, shipped in models/ner_en/ (spaCy format).
French: spaCy's fr_core_news_sm with only its `ner` component (it has its own tok2vec), which
is a dependency of presslens. Other languages have no statistical model here: the knowledge-base
gazetteer (gazetteer.py) finds the names it knows. A user's own transformers model (backend.py)
can replace the recogniser, for every language or some (PRESSLENS_NER_TRANSFORMERS).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Callable, Collection, Iterable

from presslens.steps.entities.normalize import TITLES, name_key

#: labels every recogniser is mapped to
LABELS = ("PER", "ORG", "LOC", "MISC")
#: French pipeline parts that entity recognition does not need (loading and running them
#: would triple the time per page)
_FR_UNUSED = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")
_LABEL_MAP = {"PERSON": "PER", "GPE": "LOC", "FAC": "LOC", "NORP": "MISC", "PRODUCT": "MISC",
              "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}
#: a determiner or elided article at the start of a span is grammar, not name ("la France");
#: a capitalised French article usually belongs to the name ("Le Drian", "La Paz", "Le Monde")
_LEADING_ARTICLE = re.compile(r"(?:(?:the|The|le|la|les)\s+|[lL]['’])(?=\w)")

#: "d’al-Waleed", "d’Alep": the elided "de" before a place is grammar ("Valéry Giscard
#: d’Estaing" keeps it: persons are left alone)
_ELIDED_DE = re.compile(r"[dD]['’](?=\w)")
_TRAILING_FUNCTION_WORD = re.compile(r"(?:\s+(?:from|of|the|and|to|in|at|for|with|by|on|de|du|"
                                     r"des|et|à|au|aux|pour|par|sur))+$")
# a French word elided before the next one ("n’", "qu’", "l’"), which the recogniser may
# take into the name before it
_TRAILING_ELISION = re.compile(r"\s+(?:n|qu|l|d|j|s|c|m|t|jusqu|lorsqu|puisqu)$")
#: particles that start a name in lower case ("de Gaulle", "van Gogh", "al Thani")
_NAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "du", "des", "van", "von", "le",
                             "la", "al", "el", "bin", "abu", "ibn", "ben"})
_SPACED_WORD = re.compile(r"\S+\s*")


def _description_length(piece: str) -> int:
    """How many characters of common nouns start a place or group span before its capitalised
    name ("province de Hasakeh", "city of Homs"), 0 when it starts with the name."""
    first = re.match(r"[^\W\d_]+", piece)
    if first is None or not piece[0].islower() or first.group() in _NAME_PARTICLES or \
            piece[first.end():first.end() + 1] not in (" ", "\t", "\n"):
        return 0  # "al-Qaeda", "l’État": articles have their own rules
    for word in _SPACED_WORD.finditer(piece):
        if word.group()[0].isupper():
            return word.start()
        if word.group()[:2].lower() in ("d’", "d'", "l’", "l'") and word.group()[2:3].isupper():
            return word.start() + 2
    return 0


_models: dict[str, Any] = {}


def model_path(language: str) -> Path:
    return Path(str(files("presslens").joinpath(f"models/ner_{language}")))


def import_spacy() -> Any:
    """spaCy, imported without letting thinc import PyTorch when nothing has yet.

    thinc imports torch whenever it is installed (it is, for the optional transformers
    backend of the persuasion step), which costs about 750 MB of memory and a second of start-up
    although presslens' spaCy models run on thinc's NumPy ops. The block lasts only for the
    import: code that needs torch later imports it as usual.
    """
    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" fails at once
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


def load_model(language: str) -> Any | None:
    """The spaCy pipeline for `language` ("en", "fr"), or None when there is none."""
    if language in _models:
        return _models[language]
    spacy = import_spacy()

    model = None
    if language == "en" and (model_path("en") / "meta.json").is_file():
        model = spacy.load(model_path("en"))
    elif language == "fr":
        try:
            model = spacy.load("fr_core_news_sm", exclude=list(_FR_UNUSED))
        except OSError:  # the model package is missing: the gazetteer still runs
            model = None
    _models[language] = model
    return model


def recognise(texts: Iterable[str], language: str | None,
              recognizer: Callable[[list[str]], list[list[tuple[int, int, str]]]] | None = None
              ) -> list[list[tuple[int, int, str]]]:
    """Per text, `(start, end, label)` spans found by the language's model (empty without one),
    or by `recognizer` (the optional transformers backend) where one is given."""
    texts = list(texts)
    if recognizer is not None:
        raw = recognizer(texts)
        stop_words = _stop_words(language)
    else:
        model = load_model(language) if language in ("en", "fr") else None
        if model is None:
            return [[] for _ in texts]
        raw = [[(e.start_char, e.end_char, _LABEL_MAP.get(e.label_, e.label_)) for e in doc.ents]
               for doc in model.pipe(texts, batch_size=16)]
        stop_words = model.Defaults.stop_words
    # `text`, not `doc.text`: spaCy rebuilds that string from the tokens at every call
    return [_cleaned(text, spans, language, stop_words) for text, spans in zip(texts, raw)]


def _cleaned(text: str, raw: list[tuple[int, int, str]], language: str | None,
             stop_words: Collection[str]) -> list[tuple[int, int, str]]:
    """A model's spans trimmed to the names, with titles joined and sentence-initial common
    words dropped."""
    spans = [_after_honorific(text, trim_span(text, start, end, label), include=language == "fr")
             for start, end, label in raw if label in LABELS]
    if language == "fr":
        spans = [_without_opening_participle(text, s) for s in spans]
    return _join_titles(text, [s for s in spans if s is not None and _has_capital(text, s)
                               and not _capitalised_word(text, s, stop_words)])


def _stop_words(language: str | None) -> Collection[str]:
    """spaCy's stop words of `language` (none for a language spaCy does not know)."""
    if not language:
        return frozenset()
    try:
        return import_spacy().util.get_lang_class(language).Defaults.stop_words
    except Exception:  # spaCy raises ImportError or its own error for unknown codes
        return frozenset()


#: environment variables naming a local transformers NER model folder (optional backend) and
#: the languages it is used for (comma-separated ISO codes; unset: every language)
TRANSFORMERS_ENV = "PRESSLENS_NER_TRANSFORMERS"
TRANSFORMERS_LANGUAGES_ENV = "PRESSLENS_NER_TRANSFORMERS_LANGUAGES"


@lru_cache(maxsize=2)
def transformers_recognizer(path: str) -> Any:
    """The optional transformers recogniser of the model in `path`, loaded once per process."""
    from presslens.steps.entities.backend import TransformersRecognizer

    return TransformersRecognizer(path, _LABEL_MAP, LABELS)


#: SENTENCE_START.search(text before a word): the word starts a sentence, line or quote
SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”\n]\s*)$")
#: adverbs by their endings ("Recently", "Reportedly", "Finalement", "Actuellement"); short
#: words and names such as "Kelly", "Emily" or "Clément" do not end so
_ADVERB = re.compile(r"(?:ally|ently|antly|ously|ively|ately|arly|edly|ingly|ibly|ably|ily|"
                     r"ully|ement|emment|amment)$")


def _capitalised_word(text: str, span: tuple[int, int, str], stop_words: set[str]) -> bool:
    """Whether a one-word span is a common word capitalised because it starts a sentence:
    a stop word ("However") or an adverb ("Recently") of eight letters or more."""
    word = text[span[0]:span[1]]
    if not word.isalpha() or word.isupper() or \
            not SENTENCE_START.search(text[max(0, span[0] - 3):span[0]]):
        return False
    lower = word.lower()
    return lower in stop_words or (len(word) >= 8 and bool(_ADVERB.search(lower)))


_OPENING_PARTICIPLE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]{3,}ant\s+(?=[A-ZÀ-Ý])")


def _without_opening_participle(text: str, span: tuple[int, int, str] | None
                                ) -> tuple[int, int, str] | None:
    """A French present participle opening the sentence is no part of the name after it
    ("Accusant Marine Le Pen de …", "Estimant Bruxelles …")."""
    if span is None or not SENTENCE_START.search(text[max(0, span[0] - 3):span[0]]):
        return span
    participle = _OPENING_PARTICIPLE.match(text, span[0], span[1])
    return (participle.end(), span[1], span[2]) if participle else span


def _has_capital(text: str, span: tuple[int, int, str]) -> bool:
    """Names are written with a capital ("al-Qaeda", "iPhone"); a span in lower case only is
    a slip of the model ("qu’", "gas")."""
    return any(ch.isupper() for ch in text[span[0]:span[1]])


#: honorifics that only ever precede a person's name ("M. Le Drain", "Mme Ferrand", "Dr Haddad")
_HONORIFIC = re.compile(r"(?<![\w.])(?:M\.|MM\.|Mme|Mmes|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Herr|Frau)"
                        r"\s+$")


def _after_honorific(text: str, span: tuple[int, int, str] | None, include: bool
                     ) -> tuple[int, int, str] | None:
    """A span right after "M.", "Mme", "Mr" … that the model did not call a person is one
    ("M. Le Drain", tagged LOC). With `include` (French, whose model and corpora put titles
    in person spans) the honorific joins the span; English spans leave it out, as CoNLL."""
    if span is None or span[2] == "PER":
        return span  # a person's span stays as the model drew it
    honorific = _HONORIFIC.search(text, max(0, span[0] - 8), span[0])
    if honorific is None:
        return span
    return (honorific.start() if include else span[0]), span[1], "PER"


def _join_titles(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A title tagged apart from the name after it ("M." + "Jaafari") joins that name; a
    title alone is no name."""
    joined: list[tuple[int, int, str]] = []
    for span in spans:
        if joined and _is_title(text[joined[-1][0]:joined[-1][1]]) and \
                not text[joined[-1][1]:span[0]].strip():
            joined[-1] = (joined[-1][0], span[1], "PER")
        else:
            joined.append(span)
    return [s for s in joined if not _is_title(text[s[0]:s[1]], run=True)]


#: small words inside a run of titles ("ministre des Affaires étrangères", "Secretary of State")
_TITLE_LINKS = frozenset({"of", "the", "for", "de", "des", "du", "la", "le", "l", "d", "et",
                          "and"})


def _is_title(surface: str, run: bool = False) -> bool:
    """Whether a span is only a title ("M.", "President"); with `run`, a run of title words
    and the small words between them too ("ministre des Affaires étrangères")."""
    letters = [ch for ch in surface if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return False  # an acronym ("UN", "EU"), whatever its letters spell
    words = name_key(surface).split()
    if not run:
        return bool(words) and all(w in TITLES for w in words)
    return any(w in TITLES for w in words) and all(w in TITLES or w in _TITLE_LINKS
                                                   for w in words)


# a participle hyphenated to a name, which the tokenizer may keep in one token ("U.S.-led",
# "Kremlin-backed", "London-based"): the compound describes something else, the name is before it
_PARTICIPLE_SUFFIX = re.compile(r"[-‐‑](?:led|backed|based|born|made|owned|run|funded|"
                                r"controlled|held|allied|aligned|linked|sponsored|supported|"
                                r"affiliated|friendly|leaning)$")
# an owner's possessive inside a person's span: "the Hill's John Solomon"
_INNER_POSSESSIVE = re.compile(r"['’]s\s+(?=[A-Z])")


def trim_span(text: str, start: int, end: int, label: str, *, description: bool = True
              ) -> tuple[int, int, str] | None:
    """The span without a leading article, trailing possessive or punctuation; None if empty.
    With `description`, the span also loses the lower-case words before its name; the
    gazetteer keeps them, as its aliases include some ("bande de Gaza" is the Strip)."""
    article = _LEADING_ARTICLE.match(text, start, end)
    if article and end - article.end() >= 2:
        start = article.end()
    if description:
        # "province de Hasakeh", "for the Middle East Tobias Ellwood": lower-case words lead
        # into the name; a person's elided "d’" stays ("d’Estaing")
        start += _description_length(text[start:end])
        elided = _ELIDED_DE.match(text, start, end) if label != "PER" else None
        if elided and end - elided.end() >= 2:
            start = elided.end()
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ").":
        end -= 1
    trailing = _TRAILING_FUNCTION_WORD.search(text, start, end)
    if trailing:  # "Engineers from": a name does not end with a preposition
        end = trailing.start()
    elided = _TRAILING_ELISION.search(text, start, end)
    if elided and text.startswith(("'", "’"), end):  # "Macron n’a", "Frontex qu’il"
        end = elided.start()
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    compound = _PARTICIPLE_SUFFIX.search(text, start, end)
    if compound and compound.start() > start:  # "U.S.-led", "Iran-backed": the name is "U.S."
        end = compound.start()
    if label == "PER":
        # "the Hill's John Solomon", "CNN’s Jim Acosta": the person's name is after the owner's
        owner = _INNER_POSSESSIVE.search(text, start, end)
        if owner:
            start = owner.end()
        # "Clara Lindholm of the Monitoring Group": a person's name stops before its affiliation
        cut = re.search(r"\s(?:of|from|at|with|du|de la|des)\s+(?:the\s+|l['’])?[A-Z]", text[start:end])
        if cut:
            end = start + cut.start()
    if end - start < 2 or not any(ch.isalpha() for ch in text[start:end]):
        return None
    return start, end, label
