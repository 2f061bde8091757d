"""One id per real-world entity: mentions grouped within a page, then resolved against the KB.

Within a page, a short form joins the longer name it ends ("Le Drian" -> "Jean-Yves Le
Drian"), a given name the one person the page names with it ("Karim" -> "Karim Wasifi"),
an acronym joins the name it abbreviates ("SOHR"), and a misspelt form joins a name
one or two edits away ("Le Drain") unless both spellings are known names of their own. Each
group is then looked up in the knowledge base by every spelling it has; a place name shared by
several places ("Tripoli") goes to the place in a country the page names, else the most
populous. A group the KB does not know gets `corpus:<hash of its name key>`, so the same
unknown name links across pages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from presslens.steps.entities.gazetteer import MIN_CITY_POPULATION
from presslens.steps.entities.kb import Entity, KnowledgeBase, is_code_alias
from presslens.steps.entities.normalize import (TITLES, corpus_id, edit_distance, initials,
                                                name_key)
from presslens.steps.entities.rules import place_in_region


@dataclass(slots=True)
class Mention:
    """A name found in the page: `text` is `doc.text[start:end]`."""

    start: int
    end: int
    text: str
    label: str
    kb_id: str | None = None  # set when the gazetteer found it by a KB alias
    key: str = ""
    group: "Group | None" = None


@dataclass(slots=True)
class Group:
    """Mentions taken to name one entity."""

    mentions: list[Mention] = field(default_factory=list)
    entity: Entity | None = None
    entity_id: str = ""
    name: str = ""
    label: str = ""

    @property
    def longest(self) -> Mention:
        return max(self.mentions, key=lambda m: (len(m.key.split()), len(m.key), -m.start))


def mention_key(text: str, label: str) -> str:
    # people are named with titles ("M. Jaafari", "President Obama"); the key is the name
    return name_key(text, strip_titles=label == "PER")


def link(mentions: list[Mention], kb: KnowledgeBase) -> list[Group]:
    """Group the page's mentions and give each group an id, a canonical name and a label."""
    for mention in mentions:
        mention.key = mention_key(mention.text, mention.label)
    groups = _group(mentions, kb)
    context = _context_countries(groups, kb)
    for group in groups:
        _resolve(group, kb, context)
    return groups


# --- grouping within the page ---------------------------------------------------------------

def _group(mentions: list[Mention], kb: KnowledgeBase) -> list[Group]:
    by_key: dict[tuple[str, str], Group] = {}
    for mention in mentions:
        if not mention.key:
            continue
        slot = (_kind(mention.label), mention.key)
        group = by_key.setdefault(slot, Group())
        group.mentions.append(mention)
        mention.group = group
    # longest names first: a short form joins the longest name it belongs to
    ordered = sorted(by_key.items(), key=lambda item: (-len(item[0][1].split()),
                                                        -len(item[0][1])))
    merged: dict[int, Group] = {}
    for index, ((kind, key), group) in enumerate(ordered):
        target = _longer_match(kind, key, ordered[:index], kb)
        if target is not None:
            target = merged.get(id(target), target)
            target.mentions.extend(group.mentions)
            for mention in group.mentions:
                mention.group = target
            merged[id(group)] = target
    groups = [g for g in by_key.values() if id(g) not in merged]
    return _surnames_mislabelled(_one_kind_per_name(groups, kb), kb)


def _one_kind_per_name(groups: list[Group], kb: KnowledgeBase) -> list[Group]:
    """A name the page uses both as a person and as a place or group ("Idlib" tagged LOC
    twice and PER once) is one entity: the kind most of its mentions have, the knowledge
    base's kind on a tie."""
    by_key: dict[str, list[Group]] = {}
    for group in groups:
        by_key.setdefault(group.mentions[0].key, []).append(group)
    kept = []
    for key, same in by_key.items():
        if len(same) == 1:
            kept.extend(same)
            continue
        known = kb.candidates(key)
        same.sort(key=lambda g: (len(g.mentions), bool(known) and
                                 (known[0].label == "PER") == (g.mentions[0].label == "PER")),
                  reverse=True)
        target = same[0]
        for other in same[1:]:
            for mention in other.mentions:
                mention.label, mention.group = target.mentions[0].label, target
            target.mentions.extend(other.mentions)
        kept.append(target)
    return kept


def _surnames_mislabelled(groups: list[Group], kb: KnowledgeBase) -> list[Group]:
    """A one-word non-person name that is the surname of a person named on the page, and no
    known place or organisation, is that person ("Le Drian en visite", tagged LOC); so is the
    given name of the one person the page names with it, where the recogniser took it for
    that person at least once (a story calling "Karim Wasifi" "Karim")."""
    people = [g for g in groups if g.mentions[0].label == "PER"]
    kept = []
    for group in groups:
        key = group.mentions[0].key
        target = None
        if group.mentions[0].label != "PER" and " " not in key and not kb.has_key(key):
            target = next((p for p in people if p.longest.key.split()[-1] == key
                           and " " in p.longest.key), None) or _called_by(key, people)
        if target is None:
            kept.append(group)
            continue
        for mention in group.mentions:
            mention.label, mention.group = "PER", target
        target.mentions.extend(group.mentions)
    return kept


def _given_name_of(key: str, people: list[Group]) -> Group | None:
    """The one person whose full name starts with this word, if the page names only one."""
    found = [p for p in people if " " in p.longest.key and p.longest.key.split()[0] == key]
    return found[0] if len(found) == 1 else None


def _called_by(given_name: str, people: list[Group]) -> Group | None:
    person = _given_name_of(given_name, people)
    if person is not None and any(m.key == given_name for m in person.mentions):
        return person
    return None


def _kind(label: str) -> str:
    # a person is never the same entity as a place; organisations, places and MISC often are
    # (re3d and news call a state both "Syria" the place and "Syria" the government)
    return "PER" if label == "PER" else "NAME"


def _longer_match(kind: str, key: str, longer: list, kb: KnowledgeBase) -> Group | None:
    words = key.split()
    known = kb.has_key(key)
    for (other_kind, other_key), group in longer:
        if other_kind != kind or other_key == key:
            continue
        other_words = other_key.split()
        if kind == "PER" and len(words) < len(other_words) and \
                other_words[-len(words):] == words:
            return group  # "Le Drian" ends "Jean-Yves Le Drian"
        if kind == "PER" and len(words) == 1 and other_words[0] == key and \
                _given_name_of(key, [g for (k, _), g in longer if k == "PER"]) is group:
            return group  # "Karim" is "Karim Wasifi" where no other Karim is named
        if kind == "PER" and len(words) < len(other_words) and \
                _close(" ".join(other_words[-len(words):]), key) and not known:
            return group  # "Le Drain": a misspelt surname
        if kind == "NAME" and len(words) == 1 and len(other_words) >= 2 and \
                key == initials(other_key) and len(key) >= 2 and not known:
            # "SOHR" abbreviates "Syrian Observatory for Human Rights"; a known acronym
            # keeps its own sense ("US" beside "Union Station")
            return group
        if len(words) == len(other_words) and _one_word_typo(other_words, words) and not (
                known and kb.has_key(other_key)):
            return group  # one spelling is a typo of the other
    return None


def _one_word_typo(a: list[str], b: list[str]) -> bool:
    """Names alike but for one word that is a typo of the other's ("le drain"/"le drian");
    "Amira Haddou" and "Amira Haddad" are two people (two edits in a short word)."""
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    return len(differing) == 1 and _close(*differing[0])


def _close(a: str, b: str) -> bool:
    """Near enough to be a typo: one edit from 5 characters, two from 9 (short names differ
    in one letter too often: Iraq/Iran, Mali/Bali). A name that only extends the other, or its
    stem, is a derived word, not a typo ("Syria"/"Syrian", "Israel"/"Israeli")."""
    shortest = min(len(a), len(b))
    if shortest < 5 or a.startswith(b) or b.startswith(a):
        return False
    short, long = sorted((a, b), key=len)
    if len(long) > len(short) and long.startswith(short[:-1]):
        return False  # "Americas"/"Americans": a plural and a demonym, not a typo
    limit = 2 if shortest >= 9 else 1
    return edit_distance(a, b, limit) <= limit


# --- resolution against the knowledge base --------------------------------------------------

def _candidates(group: Group, kb: KnowledgeBase) -> list[Entity]:
    """KB entities the group may be, by each of its spellings, longest first."""
    kind = _kind(group.mentions[0].label)
    # how many of the group's mentions the recogniser or the gazetteer called places
    places = sum(m.label == "LOC" for m in group.mentions)
    called_place = places * 2 > len(group.mentions) or (places and len(group.mentions) < 3)
    seen: set[str] = set()
    for mention in sorted(group.mentions, key=lambda m: -len(m.key)):
        if mention.key in seen:
            continue
        seen.add(mention.key)
        inside = place_in_region(mention.text, kb) if kind == "NAME" else None
        if inside is not None:
            # "Palmyra, Syria": the place of that name in that country
            found = [e for e in kb.candidates(inside[0]) if e.is_place and e.country == inside[1]]
            if found:
                return found
        known = kb.candidates(mention.text, strip_titles=kind == "PER")
        found = [e for e in known
                 if _compatible(kind, e) and _plausible_city(e, mention.text, called_place)]
        if found:
            return found
        if kind == "NAME" and " " in mention.key and any(e.label == "PER" for e in known):
            # a known person's full name the model tagged as a thing ("Recep Tayyip Erdoğan"
            # as MISC): names of two words or more rarely belong to anything else
            return [e for e in known if e.label == "PER"]
    if kind == "PER":
        return _by_surname(group, kb) or _strong_non_person(group, kb)
    return []


#: places big enough that a name tagged as a person is more likely the place
STRONG_CITY_POPULATION = 1_000_000
#: how many people a US state counts as when same-named places are ranked (see _rank_population)
STATE_RANK_POPULATION = 500_000


def _plausible_city(entity: Entity, surface: str, called_place: bool) -> bool:
    """Whether a mention may be this entity as far as cities go. GeoNames lists small places
    named "University", "Isabel" or "He" and codes ("SAC"): a city needs a capitalised name of
    three letters or more that is not a code, and a mention the recogniser did not call a
    place is a city only if it is a big one ("Moscow said …")."""
    if entity.kind != "city":
        return True
    letters = [ch for ch in surface if ch.isalpha()]
    if len(letters) < 3 or not any(ch.isupper() for ch in letters) or \
            is_code_alias(surface, entity):
        return False
    return called_place or entity.population >= STRONG_CITY_POPULATION


def _strong_non_person(group: Group, kb: KnowledgeBase) -> list[Entity]:
    """A "person" whose name is a country, a curated group or a big city is that entity: the
    model tags an unfamiliar context, the knowledge base knows the name. Which of the places
    so named ("Tripoli", Libya or Lebanon) is left to the page's context, as for any place."""
    for mention in group.mentions:
        found = kb.candidates(mention.text)
        if found and (found[0].kind not in ("city", "state") or
                      found[0].population >= STRONG_CITY_POPULATION) and found[0].label != "PER":
            if found[0].is_place:
                return [e for e in found if e.is_place and e.label != "PER"]
            return found[:1]
    return []


def _compatible(kind: str, entity: Entity) -> bool:
    return (entity.label == "PER") == (kind == "PER")


def _by_surname(group: Group, kb: KnowledgeBase) -> list[Entity]:
    """A lone surname ("Lavrov") names the one KB person with that surname, if only one."""
    key = group.longest.key
    if " " in key or len(key) < 4:
        return []
    people = [e for e in kb.surname_index().get(key, [])]
    return people if len(people) == 1 else []


def _context_countries(groups: list[Group], kb: KnowledgeBase) -> Counter[str]:
    """Countries the page names, or whose places it names unambiguously, by mention count."""
    countries: Counter[str] = Counter()
    for group in groups:
        found = _candidates(group, kb)
        # a country, or a place whose every candidate lies in one country ("Dallas", US)
        if found and found[0].country and (found[0].kind == "country" or all(
                e.country == found[0].country for e in found)):
            countries[found[0].country] += len(group.mentions)
    return countries


def _resolve(group: Group, kb: KnowledgeBase, context: Counter[str]) -> None:
    found = _candidates(group, kb) or _place_in_context(group, kb, context)
    if found:
        entity = _pick_place(found, context) if len(found) > 1 else found[0]
        group.entity, group.entity_id = entity, entity.id
        group.name, group.label = entity.name, entity.label
        for mention in group.mentions:
            mention.label = entity.label
        return
    longest = group.longest
    group.label = Counter(m.label for m in group.mentions).most_common(1)[0][0]
    group.name = display_name(longest.text, group.label)
    group.entity_id = corpus_id(longest.key)


def _place_in_context(group: Group, kb: KnowledgeBase, context: Counter[str]) -> list[Entity]:
    """A one-word name that is a city of a country the page names is that city, whatever the
    model called it: a "person" ("Homs" in a page on Syria: unfamiliar place names pass for
    surnames), or a thing ("the Idlib zone", "the Aleppo offensive" tagged MISC)."""
    if " " in group.longest.key or any(name_key(m.text) != m.key for m in group.mentions):
        return []  # a title or honorific ("M. Homs") says person
    return [e for e in kb.candidates(group.longest.text) if e.kind == "city" and
            context.get(e.country or "", 0) and e.population >= MIN_CITY_POPULATION and
            _plausible_city(e, group.longest.text, called_place=True)][:1]


def _pick_place(found: list[Entity], context: Counter[str]) -> Entity:
    """The candidate in the country the page names most, else the most populous (KB order
    breaks ties: curated entries before countries before cities)."""
    def score(item: tuple[int, Entity]) -> tuple[int, int, int]:
        rank, entity = item
        return (context.get(entity.country or "", 0), _rank_population(entity), -rank)
    if not any(e.is_place for e in found):
        return found[0]
    in_context = [(i, e) for i, e in enumerate(found) if context.get(e.country or "", 0)]
    pool = in_context or list(enumerate(found))
    if not in_context and found[0].kind not in ("city", "country"):
        return found[0]  # a curated entry (a region, a group) outranks same-named cities
    return max(pool, key=score)[1]


def _rank_population(entity: Entity) -> int:
    """Population for ranking same-named places. The knowledge base has no population for US
    states; ranked as this many people, "Virginia" is the state before the South African town
    but "Washington" stays the capital (690,000) before the state."""
    if not entity.is_place:
        return 0
    return entity.population or (STATE_RANK_POPULATION if entity.kind == "state" else 0)


_WRAPPED_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")


def display_name(text: str, label: str) -> str:
    """A mention as a name: one line, single spaces, and for people no leading titles; a name
    hyphenated across a line break is joined at its hyphen ("Maarrat al-\nNu’man")."""
    words = _WRAPPED_HYPHEN.sub("-", text).split()
    if label == "PER":
        while len(words) > 1 and name_key(words[0]) in TITLES:
            words = words[1:]
    return " ".join(words)


def entity_record(mention: Mention) -> dict[str, Any]:
    """The JSON record of a mention (schema.json `entity`)."""
    group = mention.group
    record: dict[str, Any] = {
        "text": mention.text, "label": group.label, "start": mention.start, "end": mention.end,
        "entity_id": group.entity_id, "name": group.name,
    }
    if group.label == "LOC":
        entity = group.entity
        record["lat"] = entity.lat if entity else None
        record["lon"] = entity.lon if entity else None
        record["country"] = entity.country if entity else None
    return record
