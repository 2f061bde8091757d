"""Name keys: one spelling-insensitive form of a name, used to look names up and to link them.

"États-Unis", "Etats Unis" and "ETATS-UNIS" share a key; so do "Deir ez-Zor", "Deir al-Zor",
"Deir el Zor" and (as a second variant) "Deir Ezzor". Keys drop accents, case, dots of
abbreviations, hyphens and apostrophes, leading titles ("M.", "President") and the Arabic
article in its transliterations (al-, el-, ez-, az-, ad-, ar-, as-, ash-, at-, an- …).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import OSA

#: hyphen-attached Arabic article forms (sun-letter assimilations included); dropped from keys
ARABIC_ARTICLES = frozenset({
    "al", "el", "ul", "il", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en",
    "er", "es", "et", "ez", "ud", "ur", "us", "ut", "uz",
})
#: free-standing article words dropped when not the first word ("Deir al Zor"); "El Salvador"
#: and "Al Jazeera" keep theirs because a first word is part of how the name is said
_FREE_ARTICLES = frozenset({"al", "el"})
FREE_ARTICLES = _FREE_ARTICLES
#: titles and honorifics that start a person mention but are not the name
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "m", "mme", "mlle", "me",
    "herr", "frau", "sr", "sra", "sig", "pan", "pani", "president", "president-elect",
    "vice-president", "prime", "minister", "ministre", "premier", "chancellor", "chancelier",
    "general", "gen", "lt", "col", "colonel", "capt", "captain", "major", "maj", "sgt",
    "sheikh", "cheikh", "imam", "king", "roi", "queen", "reine", "prince", "emir", "sultan",
    "senator", "senateur", "sen", "rep", "gov", "governor", "secretary", "secretaire",
    "ambassador", "ambassadeur", "commander", "commandant", "marshal", "marechal", "admiral",
    "amiral", "pope", "pape", "ayatollah", "mullah", "judge", "juge", "mayor", "maire", "saint",
    "st", "foreign", "defence", "defense", "interior", "state", "deputy", "former", "ex",
    "presidente", "prasident", "ministerin", "spokesman", "spokeswoman", "porte", "parole",
    "affaires", "etrangeres", "armees", "mgr", "monseigneur", "docteur", "professeur", "madame",
    "monsieur", "mademoiselle", "vice", "elect", "chief", "head", "leader", "chef",
    # occupations written before a name ("analyst Jonas Ebner", "l'agriculteur Jean Roux")
    "father", "pere", "brother", "sister", "soeur", "rabbi", "reverend", "rev", "bishop",
    "eveque", "cure", "abbe", "analyst", "analyste", "farmer", "agriculteur", "driver",
    "chauffeur", "official", "officer", "worker", "lawyer", "avocat", "avocate", "teacher",
    "researcher", "chercheur", "chercheuse", "journalist", "journaliste", "reporter", "doctor",
    "nurse", "activist", "militant", "militante", "witness", "temoin", "historian", "historien",
    "historienne", "coordinator", "coordinatrice", "coordinateur", "prefet", "capitaine",
    "cheffe", "senatrice", "depute", "deputee", "emissaire", "envoy", "diplomat", "diplomate",
    "police", "health", "aid", "un", "spokesperson", "responsable", "directeur", "directrice",
    "director", "lieutenant", "sergeant", "sergent", "economist", "economiste", "professor",
    "professeure", "infirmier", "infirmiere", "investigator", "enqueteur", "enqueteuse",
    "engineer", "ingenieur", "ingenieure", "medecin", "surgeon", "chirurgien", "chirurgienne",
    "enseignant", "enseignante", "ambassadrice", "presidente", "gouverneur", "negotiator",
    "negociateur", "negociatrice", "expert", "experte", "prosecutor", "procureur", "procureure",
    "chair", "chairman", "chairwoman", "chairperson", "administrator", "administratrice",
    "administrateur", "superintendent", "commissioner", "commissaire", "manager",
})
_DETERMINERS = frozenset({"the", "le", "la", "les", "l", "der", "die", "das", "il", "lo"})
DETERMINERS = _DETERMINERS
#: small words inside a title run ("ministre des Affaires étrangères", "the Foreign Minister")
_TITLE_LINKS = frozenset({"le", "la", "l", "les", "the", "of", "de", "du", "des", "d", "for"})
TITLE_LINKS = _TITLE_LINKS
#: words a title run may contain ("Foreign Minister", "ministre des Affaires étrangères")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ABBREVIATION_DOTS = re.compile(r"(?<=\b\w)\.(?=\w\b|\w\.|\s|$)")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"['’]s$|['’]$")
_HYPHEN_ARTICLE = re.compile(
    r"(?<![^\W\d_])(" + "|".join(sorted(ARABIC_ARTICLES, key=len, reverse=True)) + r")[-‐‑–]"
    r"(?=[^\W\d_])", re.IGNORECASE)
_FUSED_ARTICLE = re.compile(r"^[ae][l]?([bcdfghjklmnpqrstvwxz])\1(\w{2,})$")
_SKIP_CHARS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                             "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


def strip_accents(text: str) -> str:
    """Letters without their diacritics ("É" -> "E", "ł" -> "l"); other scripts kept."""
    text = text.translate(_SKIP_CHARS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def name_key(name: str, strip_titles: bool = False) -> str:
    """The key of a name: accents, case, punctuation, Arabic articles and (optionally) titles out."""
    text = strip_accents(name.translate(_APOSTROPHES)).strip()
    text = _POSSESSIVE.sub("", text)
    text = _ABBREVIATION_DOTS.sub("", text)  # "U.S." -> "US", "M. Jaafari" -> "M Jaafari"
    text = _HYPHEN_ARTICLE.sub(" ", text)
    words = [w.casefold() for w in _WORD.findall(text)]
    words = [w for i, w in enumerate(words) if i == 0 or w not in _FREE_ARTICLES]
    # "the Islamic State", "l'État islamique", "le Hezbollah": the determiner is grammar
    words = _drop_determiners(words)
    if strip_titles:
        words = _drop_determiners(drop_titles(words))
    return " ".join(words)


def _drop_determiners(words: list[str]) -> list[str]:
    while len(words) > 1 and words[0] in _DETERMINERS:
        words = words[1:]
    return words


def drop_titles(words: list[str]) -> list[str]:
    """Words of a person's name without the titles before it ("ministre", "M", "President")."""
    index = 0
    # keep at least one word: "Président" alone is a mention of someone, not an empty name
    while index < len(words) - 1:
        if words[index] in TITLES or (words[index] in _TITLE_LINKS
                                      and words[index + 1] in TITLES):
            index += 1
        else:
            break
    return words[index:]


def fused_variant(key: str) -> str | None:
    """A second key that reads a fused article off a word ("deir ezzor" -> "deir zor"), or None.

    Only tried when the plain key finds nothing: "Assad" would otherwise lose its first syllable.
    """
    words = key.split()
    changed = False
    for i, word in enumerate(words):
        if i == 0:
            continue
        match = _FUSED_ARTICLE.match(word)
        if match:
            words[i] = match.group(1) + match.group(2)
            changed = True
    return " ".join(words) if changed else None


def key_variants(name: str, strip_titles: bool = False) -> list[str]:
    """The keys to try for a name, most literal first."""
    key = name_key(name, strip_titles)
    variants = [key]
    fused = fused_variant(key)
    if fused and fused != key:
        variants.append(fused)
    return variants


def corpus_id(key: str) -> str:
    """A stable id for a name the knowledge base does not know: a hash of its key."""
    return "corpus:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def initials(key: str) -> str:
    """Initials of a name's content words ("syrian observatory for human rights" -> "sohr")."""
    small = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "pour", "et", "in", "on"}
    return "".join(w[0] for w in key.split() if w not in small)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Edit distance with adjacent transpositions ("Drain"/"Drian" is 1; the optimal string
    alignment distance), capped at limit + 1."""
    return OSA.distance(a, b, score_cutoff=limit)
