"""Stance cues that change what hateful words mean: negation, quotation, reporting, rejection.

A bag of n-grams adds evidence up; it cannot say "these words are hateful, *but* they are
quoted to be condemned". The second stage of the model (see model.py) multiplies the first
stage's scores by these cues, which lets it learn that a group attack inside a condemnation,
a negation or a news report is not an attack. Cues are closed word classes (English, French),
matched on the normalised text (lower case, no accents).
"""

from __future__ import annotations

import re

import numpy as np

from presslens.steps.moderation.groups import NEUTRAL_MENTION


def _words(*words: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])(?:" + "|".join(words) + r")(?![a-z])")


CUES: dict[str, re.Pattern[str]] = {
    # a group is named in neutral words (slurs are left to the first stage)
    "group": NEUTRAL_MENTION,
    "negation": _words(r"not", r"no", r"never", r"nobody", r"nothing", r"none", r"\w+n't",
                       r"ne", r"n'\w+", r"pas", r"jamais", r"aucun", r"aucune", r"personne",
                       r"rien", r"ni"),
    "quotation": re.compile(r"[\"“”«»]|(?<![a-z])'(?=[a-z])|(?<=[a-z.!?])'(?![a-z])"),
    # somebody else's words: reported speech and news reporting
    "reporting": _words(r"says?", r"said", r"saying", r"claim\w*", r"wrote", r"writes?", r"writing",
                        r"posted", r"posting", r"posts?", r"tweeted", r"shouted", r"chant\w*",
                        r"called", r"calling", r"described?", r"describing", r"accused", r"telling",
                        r"arrested", r"convicted", r"charged", r"sentenced", r"trial", r"court",
                        r"police", r"investigat\w+", r"report\w*", r"survey", r"researchers?",
                        r"study", r"according", r"dit", r"disent", r"dire", r"ecrit", r"affirm\w*",
                        r"pretend\w*", r"traite\w*", r"qualifi\w*", r"crie\w*", r"tague", r"arrete",
                        r"condamne\w*", r"proces", r"tribunal", r"enquete", r"rapport", r"selon",
                        r"sondage", r"chercheurs"),
    # the writer rejects what is quoted or reported
    "rejection": _words(r"racis\w+", r"antisemit\w+", r"bigot\w*", r"hate\w*", r"hatred",
                        r"hateful", r"prejudice\w*", r"stereotype\w*", r"myths?", r"lies?", r"lying",
                        r"false", r"wrong", r"shame\w*", r"ashamed", r"disgust\w*", r"vile",
                        r"nonsense", r"garbage", r"conspiracy", r"debunked", r"bigotry",
                        r"homophob\w+", r"transphob\w+", r"sexis\w+", r"misogyn\w+", r"islamophob\w+",
                        r"xenophob\w+", r"persecution", r"pogroms?", r"denial", r"condemn\w*",
                        r"haine", r"haineux", r"haineuse", r"prejuges?", r"cliches?", r"mythes?",
                        r"mensonges?", r"faux", r"fausse", r"honte", r"ignoble", r"complot",
                        r"negationnisme", r"ignominie", r"signale\w*", r"reported"),
    "positive": _words(r"welcome\w*", r"proud", r"respect\w*", r"love\w*", r"wonderful", r"great",
                       r"better", r"best", r"helped", r"thanks?", r"excellent", r"good", r"safe",
                       r"enrich\w*", r"valued?", r"celebrat\w+", r"won", r"bienvenue?s?", r"fiers?",
                       r"fiere", r"aime\w*", r"merveilleu\w+", r"meilleure?s?", r"merci", r"bons?",
                       r"bonnes?", r"enrichi\w*", r"precieux", r"gagne", r"utile"),
    # a person addressed: insults and threats, rarely group hate
    "second_person": _words(r"you", r"your", r"you're", r"youre", r"u", r"ur", r"yourself",
                            r"tu", r"t'\w+", r"te", r"toi", r"ton", r"ta", r"tes", r"vous", r"votre"),
    # the writer announces an act
    "first_person_future": _words(r"i'll", r"i will", r"i'm going to", r"im going to", r"we'll",
                                  r"we will", r"we're going to", r"je vais", r"on va", r"je te",
                                  r"nous allons", r"i'm gonna", r"gonna"),
}
NAMES = tuple(CUES)


def cue_flags(norm_texts: list[str]) -> np.ndarray:
    """0/1 matrix, one row per normalised text, one column per cue in NAMES."""
    flags = np.zeros((len(norm_texts), len(NAMES)), dtype=np.float64)
    for row, text in enumerate(norm_texts):
        for col, pattern in enumerate(CUES.values()):
            if pattern.search(text):
                flags[row, col] = 1.0
    return flags
