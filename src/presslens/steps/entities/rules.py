"""Rules around the statistical recogniser: what a small model gets wrong in a known way.

- A model span that runs over a sentence end, a comma or an "and" between two names
  ("Ezzor and Damascus", "al-Hasakah, Raqqa") is split; a piece that crosses a sentence end is
  no name at all.
- A person named after a role ("Kremlin spokesman Dmitry Peskov", "journalist Wassim Nasr",
  "Secretary of State Antony Blinken") is a person even when the model misses the name.
- A headline in Title Case capitalises every word, so a model span there counts only when the
  knowledge base or the page's body knows the name.
"""

from __future__ import annotations

import re

from presslens.steps.entities.kb import KnowledgeBase
from presslens.steps.entities.ner import SENTENCE_START, trim_span
from presslens.steps.entities.normalize import TITLE_LINKS, TITLES, name_key

Span = tuple[int, int, str]

_SENTENCE_BREAK = re.compile(r"[.!?;:]\s+(?=[^\W\d_])|\n\s*\n")
_LIST_BREAK = re.compile(r",\s+|\s+(?:and|et|und|y|e|i|or|ou|&)\s+")


def split_joined(text: str, spans: list[Span], kb: KnowledgeBase) -> list[Span]:
    """Model spans without the pieces that join two names (module doc)."""
    kept: list[Span] = []
    for start, end, label in spans:
        surface = text[start:end]
        if _SENTENCE_BREAK.search(surface) and not _abbreviation_only(surface):
            continue
        pieces = _list_pieces(start, end, surface)
        if len(pieces) == 1 or kb.candidates(surface) or \
                place_in_region(surface, kb) is not None:
            kept.append((start, end, label))
            continue
        if label == "ORG" and not all(kb.candidates(text[s:e]) for s, e in pieces):
            # organisations are named with lists ("Bureau of Alcohol, Tobacco and Firearms")
            kept.append((start, end, label))
            continue
        for piece_start, piece_end in pieces:
            piece = trim_span(text, piece_start, piece_end, label)
            if piece and any(ch.isupper() for ch in text[piece[0]:piece[1]]):
                kept.append(piece)
    return kept


_PLACE_IN_REGION = re.compile(r"(?P<place>[^,]{2,60}),\s+(?P<region>[^,]{2,40})")
_LARGER_PLACES = ("country", "region", "state")


def place_in_region(surface: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """("Palmyra", "SY") for "Palmyra, Syria", ("Fort Campbell", "US") for "Fort Campbell,
    Kentucky": a place followed by the country or region it lies in, which news and the NER
    corpora write as one name; None for a list ("Syria, Iraq") or anything else."""
    match = _PLACE_IN_REGION.fullmatch(surface.strip())
    if match is None:
        return None
    larger = kb.candidates(match.group("region"))
    if not larger or larger[0].kind not in _LARGER_PLACES or not larger[0].country:
        return None
    place = kb.candidates(match.group("place"))
    if place and place[0].kind in _LARGER_PLACES:
        return None  # two countries or regions: a list
    return match.group("place").strip(), larger[0].country


def _abbreviation_only(surface: str) -> bool:
    """ "U.S. Army", "Gen. Smith": a dot after a capital or short word is no sentence end."""
    return all(re.search(r"(?:\b[A-Z]|\b\w{1,3})$", surface[:m.start()]) and m.group()[0] == "."
               for m in _SENTENCE_BREAK.finditer(surface))


def _list_pieces(start: int, end: int, surface: str) -> list[tuple[int, int]]:
    pieces, position = [], 0
    for match in _LIST_BREAK.finditer(surface):
        pieces.append((start + position, start + match.start()))
        position = match.end()
    pieces.append((start + position, end))
    return [p for p in pieces if p[1] > p[0]]


# --- people named after their role ------------------------------------------------------------

#: title words that describe an office or a field, not a person: "Foreign Ministry", "State
#: Department" and "Health Agency" follow them; a role run needs another word
_QUALIFIERS = frozenset({"foreign", "defence", "defense", "interior", "state", "deputy", "former",
                         "ex", "vice", "elect", "head", "chief", "police", "health", "aid", "un",
                         "porte", "parole", "affaires", "etrangeres", "armees", "prime", "saint",
                         "st", "leader", "m", "me"})
#: words of an organisation's name: "Commander Forces Command" is no person
_ORG_WORDS = frozenset({
    "ministry", "department", "office", "council", "army", "forces", "force", "command",
    "committee", "party", "agency", "service", "services", "court", "house", "headquarters",
    "guard", "university", "bank", "group", "commission", "assembly", "parliament", "government",
    "administration", "staff", "corps", "brigade", "battalion", "division", "regiment", "police",
    "ministere", "conseil", "armee", "gouvernement", "parti", "union", "church", "eglise",
    "media", "radio", "tv", "newspaper", "news", "press", "network", "networks", "channel",
    "limited", "ltd", "inc", "company", "corporation", "database", "research", "institute",
    "foundation", "center", "centre", "association", "society", "club", "school", "college",
    "hospital", "airport", "station", "street", "road", "square", "park", "cloud",
})
_NAME_WORD = r"(?:[A-Z][\w’'\-]*\w|[A-Z]\.)"
_PARTICLE = r"(?:(?:al|el|ad|as|ash|az|ez|bin|ibn|abu|de|del|della|di|da|du|des|la|le|van|von|der|den|ter)(?: {1,2}|[\-‐]))"
#: two to four capitalised words, particles allowed between them ("Bashar al-Assad")
_NAME = re.compile(_NAME_WORD + r"(?:(?: {1,2}|[\-‐])" + _PARTICLE + r"?" + _NAME_WORD
                   + r"){1,3}(?!\w)")
_WORD = re.compile(r"(?<![\w.])[^\W\d_]+")
_GAP = re.compile(r"[ \t]+|[ \t]*\n[ \t]*")


def role_names(text: str, kb: KnowledgeBase) -> list[Span]:
    """`(start, end, "PER")` for two- to four-word names right after a role ("spokesman",
    "Minister", "journaliste", "Secretary of State"), when no word of the name is a title or an
    organisation's and the knowledge base knows the name as nothing but a person."""
    found: list[Span] = []
    for role in _WORD.finditer(text):
        key = role.group().casefold()
        if key not in TITLES or key in _QUALIFIERS or (found and role.start() < found[-1][1]) \
                or (len(key) > 2 and role.group().isupper()):
            continue  # a role in capitals is a label or a heading ("AVOCAT"), not prose
        start = _after_title_run(text, role.end())
        match = _NAME.match(text, start) if start is not None else None
        if match is None:
            continue
        end = match.end() - 2 if match.group().endswith(("'s", "’s")) else match.end()
        words = name_key(text[start:end]).split()
        if any(w in TITLES or w in _ORG_WORDS for w in words) or _in_title_case_run(text, start,
                                                                                     end) \
                or any(len(w) > 2 and w.isupper() for w in text[start:end].split()):
            continue  # "Radio PLUS": a word in capitals is an acronym, not a name
        known = kb.candidates(text[start:end])
        if known and known[0].label != "PER":
            continue
        found.append((start, end, "PER"))
    return found


_NEXT_CAPITALISED = re.compile(r"[ \t]+[A-ZÀ-Ý]")


def _in_title_case_run(text: str, start: int, end: int) -> bool:
    """Whether a name after a role sits in a Title Case run, not a sentence: more capitalised
    words follow ("General Mills Brands Careers"), or its line is a headline or a menu
    ("Governor Brown Fills California Supreme Court Seat")."""
    if _NEXT_CAPITALISED.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].rstrip()
    # a sentence full of names is no headline: headlines and menus end without a full stop
    return is_title_case(line) and not line.endswith((".", "!", "?", '"', "”", "»"))


def _after_title_run(text: str, position: int) -> int | None:
    """Where the name starts after a role word: past one gap and any further title words with
    their small links ("of State "); None at a paragraph or sentence break."""
    while True:
        gap = _GAP.match(text, position)
        word = _WORD.match(text, gap.end()) if gap else None
        if word is None:
            return None
        key = name_key(word.group())
        if key in TITLES and key not in _ORG_WORDS:
            position = word.end()
            continue
        if key in TITLE_LINKS:
            following = _GAP.match(text, word.end())
            title = _WORD.match(text, following.end()) if following else None
            if title is not None and name_key(title.group()) in TITLES:
                position = title.end()
                continue
        return gap.end()


def add_role_names(text: str, spans: list[Span], roles: list[Span]) -> list[Span]:
    """Model spans with the role-named people added. A role name replaces the model spans it
    overlaps, unless the model drew a person past it with more than titles
    ("Affaires étrangères Jean-Yves Le Drian" gives way to "Jean-Yves Le Drian")."""
    kept = list(spans)
    for r_start, r_end, _ in roles:
        overlapping = [s for s in kept if s[0] < r_end and r_start < s[1]]
        if any(s[2] == "PER" and (s[1] > r_end or not _titles_only(text[s[0]:r_start]))
               for s in overlapping if s[0] < r_start or s[1] > r_end):
            continue  # the model drew a person's span past the rule's name: it stands
        kept = [s for s in kept if s not in overlapping]
        kept.append((r_start, r_end, "PER"))
    return sorted(kept)


def _titles_only(surface: str) -> bool:
    return all(w in TITLES or w in TITLE_LINKS for w in name_key(surface).split())


# --- headlines ---------------------------------------------------------------------------------

def is_title_case(text: str) -> bool:
    """Whether most longer words of a line are capitalised ("Cost of Rising Tides Hits Ports")."""
    words = [w for w in re.findall(r"[^\W\d_]{4,}", text)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def known_in_body(surface: str, body_keys: set[str]) -> bool:
    """Whether the body names this too, whole or as the end of a longer name ("Le Drian")."""
    key = name_key(surface, strip_titles=True)
    return bool(key) and any(k == key or k.endswith(" " + key) for k in body_keys)


def title_case_tails(text: str, spans: list[Span]) -> list[Span]:
    """A person's span that runs on into a Title Case title quoted in the text ("I Predict
    Trump Will Continue the CIA's Cover-Up") loses its last words while they are common words
    the text also writes in lower case ("will", "make"): "Trump Will" is Trump."""
    out = []
    for start, end, label in spans:
        if label == "PER":
            while _NEXT_CAPITALISED.match(text, end):
                last = text.rfind(" ", start, end)
                word = text[last + 1:end]
                if last <= start or not word.isalpha() or not word[0].isupper() or \
                        not re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text):
                    break
                end = last
        out.append((start, end, label))
    return out


# --- names cut short ----------------------------------------------------------------------------

_NEXT_NAME_WORD = re.compile(r" ([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)(?![\w-])")


def whole_person_names(text: str, spans: list[Span]) -> list[Span]:
    """A one-word person span followed by a capitalised word that starts no other span is the
    first half of a name the model cut short ("her colleague Amira Haddad" read as "Amira"):
    it takes that word too, so the given name is not taken for someone else's."""
    starts = {s for s, _, _ in spans}
    out = []
    for start, end, label in spans:
        if label == "PER" and " " not in text[start:end]:
            following = _NEXT_NAME_WORD.match(text, end)
            if following is not None and following.start(1) not in starts and \
                    not _titles_only(following.group(1)):
                end = following.end(1)
        out.append((start, end, label))
    return out


# --- one name, one reading per page -------------------------------------------------------------

#: shortest name that is looked for again where the recogniser missed it
MIN_REPEATED_NAME = 3


def repeated_names(texts: list[str], found: list[list[Span]]) -> list[list[Span]]:
    """Each passage's spans plus the other places where the page writes a name the recogniser
    tagged somewhere on it ("Karim" tagged twice in a story naming him fifteen times): a small
    model decides word by word and misses a name in contexts it rarely saw, but a page uses a
    name in one sense. A name the page also writes in lower case is a common word ("Summit").
    The added spans take the label the name carries most often on the page."""
    labels: dict[str, dict[str, int]] = {}
    for text, spans in zip(texts, found):
        for start, end, label in spans:
            counts = labels.setdefault(text[start:end], {})
            counts[label] = counts.get(label, 0) + 1
    names = [name for name in labels if _repeatable(name, texts)]
    if not names:
        return found
    # longest first, so "Karim Wasifi" is claimed before "Karim"
    names.sort(key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return [_with_repeats(text, spans, pattern, labels) for text, spans in zip(texts, found)]


def _repeatable(name: str, texts: list[str]) -> bool:
    if len(name) < MIN_REPEATED_NAME or not name[0].isupper() or "\n" in name or \
            _titles_only(name):
        return False
    lowered = name.lower()
    # a plain substring test first: most names never appear in lower case at all
    holding = [text for text in texts if lowered in text]
    if not holding:
        return True
    word = re.compile(r"(?<![\w-])" + re.escape(lowered) + r"(?![\w-])")
    return not any(word.search(text) for text in holding)


def _with_repeats(text: str, spans: list[Span], pattern: re.Pattern,
                  labels: dict[str, dict[str, int]]) -> list[Span]:
    added = []
    taken = sorted((s, e) for s, e, _ in spans)
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        counts = labels[match.group()]
        added.append((start, end, max(counts, key=counts.get)))
    return sorted(spans + added) if added else spans


#: languages that write a people's adjective in lower case and its noun capitalised: "les
#: forces kurdes" / "les Kurdes", "los soldados rusos" / "los Rusos"
_LOWER_CASE_ADJECTIVES = frozenset({"fr", "es", "it", "pt", "ca", "ro"})


def peoples(text: str, mentions: list, language: str | None, kb: KnowledgeBase) -> list:
    """One-word plural names the knowledge base does not know, whose lower-case form the page
    also writes: mid-sentence they name a people ("les Kurdes" beside "les forces kurdes"),
    MISC as nationalities are, not the place the recogniser took; opening a sentence they are
    common words its capital misled ("Mesures contrôlées …", "Conséquences : …"), no name."""
    if language not in _LOWER_CASE_ADJECTIVES:
        return mentions
    kept = []
    for mention in mentions:
        if _lower_case_plural(text, mention, kb):
            if SENTENCE_START.search(text[max(0, mention.start - 3):mention.start]):
                continue
            mention.label = "MISC"
        kept.append(mention)
    return kept


def _lower_case_plural(text: str, mention, kb: KnowledgeBase) -> bool:
    word = mention.text
    if mention.label == "MISC" or mention.kb_id or len(word) < 4 or not word.isalpha() \
            or not word.endswith("s") or not word[0].isupper() or kb.candidates(word):
        return False
    return re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", text) is not None


# an administration named after its leader: "the Obama administration", "the Assad regime",
# "le gouvernement Macron", "la présidence Trump"
_LEADER_AFTER = re.compile(r"\s+(?:administration|government|regime|cabinet|presidency|campaign)\b")
_LEADER_BEFORE = re.compile(r"(?<!\w)(?:gouvernement|régime|administration|présidence|"
                            r"Regierung|gobierno|governo|rząd|администрация|режим)\s+$",
                            re.IGNORECASE)


def leaders_of_administrations(text: str, mentions: list, kb: KnowledgeBase) -> list:
    """A one-word name the recogniser took for an organisation because it names an
    administration ("the Obama administration", "le gouvernement Macron") is the person it is
    named after, when the knowledge base knows a person of that surname; "the Labour
    government" or "the Taliban regime" stay organisations."""
    surnames = None
    for mention in mentions:
        if mention.label not in ("ORG", "MISC") or " " in mention.text.strip() or not (
                _LEADER_AFTER.match(text, mention.end)
                or _LEADER_BEFORE.search(text, max(0, mention.start - 16), mention.start)):
            continue
        if surnames is None:
            surnames = kb.surname_index()
        if name_key(mention.text) in surnames:
            mention.label = "PER"
    return mentions
