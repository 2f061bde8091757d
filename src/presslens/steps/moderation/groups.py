"""Which identity groups a comment names, for the thread summary's "groups targeted".

The model decides *whether* a comment attacks a group; this list only says *which* groups a
flagged comment names, so a moderator sees "12 comments attacking Muslims, 5 attacking Jews".
Patterns match the normalised text (lower case, accents removed), English and French.
"""

from __future__ import annotations

import re

from presslens.steps.moderation.features import normalize

GROUP_TERMS: dict[str, tuple[str, ...]] = {
    "jews": ("jew", "jews", "jewish", "juif", "juifs", "juive", "juives", "zionist", "zionists",
             "sioniste", "sionistes", "rothschild", "rothschilds", "kike", "kikes", "youpin",
             "youpins", "feuj", "feujs"),
    "muslims": ("muslim", "muslims", "musulman", "musulmans", "musulmane", "musulmanes", "islam",
                "islamic", "islamique", "mosque", "mosquee", "moslem", "muzzie", "muzzies"),
    "black people": ("black people", "blacks", "noirs", "noires", "negro", "negroes", "nigger", "colored",
                     "niggers", "nigga", "niggas", "negre", "negres", "black man", "black men",
                     "black woman", "black women"),
    "arabs": ("arab", "arabs", "arabe", "arabes", "bougnoule", "bougnoules", "maghrebin", "rebeu", "rebeus",
              "maghrebins", "beur", "beurs", "bicot", "bicots"),
    "asians": ("asian", "asians", "asiatique", "asiatiques", "chinese", "chinois", "chinoise",
               "chink", "chinks", "ching chong"),
    "roma": ("roma", "rom", "roms", "gypsy", "gypsies", "gitan", "gitans", "tzigane", "tziganes"),
    "immigrants and refugees": ("immigrant", "immigrants", "immigre", "immigres", "migrant",
                                "migrants", "refugee", "refugees", "refugie", "refugies",
                                "foreigners", "etrangers", "illegals", "illegal aliens", "clandestins"),
    "women": ("women", "woman", "femme", "femmes", "girls", "bitch", "bitches", "hoe", "hoes", "slut",
              "sluts", "whore", "whores", "salope", "salopes", "feminist", "feminists",
              "feministe", "feministes"),
    "lgbtq people": ("gay", "gays", "lesbian", "lesbians", "lesbienne", "lesbiennes", "homosexual",
                     "homosexuals", "homosexuel", "homosexuels", "trans", "transgender",
                     "faggot", "faggots", "fag", "fags", "dyke", "dykes", "pede", "pedes",
                     "tapette", "tapettes", "tranny", "lgbt", "queer", "queers"),
    "disabled people": ("disabled", "handicape", "handicapes", "retard", "retards", "retarded",
                        "autistic", "autiste", "autistes", "mongol", "mongols", "mongoloid",
                        "mongoloids"),
    "christians": ("christian", "christians", "chretien", "chretiens", "catholic", "catholics",
                   "catholique", "catholiques"),
    "hindus": ("hindu", "hindus", "hindou", "hindous"),
    "latinos": ("mexican", "mexicans", "latino", "latinos", "hispanic", "hispanics", "beaner",
                "beaners", "spic", "spics"),
    "white people": ("white people", "whites", "white trash", "cracker", "crackers", "blancs"),
    "africans": ("african", "africans", "africain", "africains", "africaine", "africaines"),
}

#: the terms above that are slurs or insults in themselves; NEUTRAL_MENTION leaves them out
SLURS = frozenset({
    "kike", "kikes", "youpin", "youpins", "feuj", "feujs", "moslem", "muzzie", "muzzies", "negro",
    "negroes", "nigger", "niggers", "nigga", "niggas", "negre", "negres", "colored", "bougnoule",
    "bougnoules", "bicot", "bicots", "rebeu", "rebeus", "beur", "beurs", "chink", "chinks",
    "ching chong", "gypsy", "gypsies", "illegals", "illegal aliens", "clandestins", "bitch",
    "bitches", "hoe", "hoes", "slut", "sluts", "whore", "whores", "salope", "salopes", "faggot",
    "faggots", "fag", "fags", "dyke", "dykes", "pede", "pedes", "tapette", "tapettes", "tranny",
    "retard", "retards", "retarded", "mongol", "mongols", "mongoloid", "mongoloids", "beaner",
    "beaners", "spic", "spics", "white trash", "cracker", "crackers",
})


def _alternation(terms) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, terms)) + r")(?![a-z])")


#: a group named in words that are not slurs: the stance cues of the second stage ask whether
#: a group is *named*; slurs are the first stage's business (they are attacks by themselves)
NEUTRAL_MENTION = _alternation(sorted({t for terms in GROUP_TERMS.values() for t in terms} - SLURS))

_PATTERNS = {group: _alternation(terms) for group, terms in GROUP_TERMS.items()}


def groups_named(text: str) -> list[str]:
    """The identity groups a comment names, in GROUP_TERMS order."""
    norm = normalize(text)
    return [group for group, pattern in _PATTERNS.items() if pattern.search(norm)]
