"""Spam templates in English, French, Spanish, German, Italian and Portuguese (fictional).

The YouTube collection is English self-promotion on music videos; news comment spam is mostly
money schemes, crypto "coaches", loans, dating and pharmacy links, often with a phone number
or a messaging app. Names, sites and numbers below are invented.
"""

from __future__ import annotations

import random

from . import expand

SITES = ["www.easy-cash-today.com", "bit.ly/3xRich", "https://profit-daily.net/start",
         "quickgains.xyz", "www.homejob-secrets.info", "tinyurl.com/freemoney99",
         "https://crypto-mentor.io/join", "www.bonus-gratuit.fr"]
PHONES = ["+1 (555) 013-2291", "+44 7700 900461", "+33 6 12 34 56 78", "+34 612 345 678",
          "+49 151 2345 6789", "0800 555 0199"]
AMOUNTS_EN = ["$97", "$350", "$8,000", "$15k", "$1,200", "$500"]
AMOUNTS_EU = ["97 €", "350€", "8 000 euros", "1 200 €", "500 €"]
NAMES = ["Mrs Linda Hart", "Mr Kevin Adebayo", "Dr Sara Lenz", "Coach Maria", "Mr Paul Vidal"]

SPAM_PATTERNS = {
    "en": [
        "I earn {a} per hour working from home. Go to {s} to see how.",
        "My neighbour made {a} last month on this site: {s}",
        "Stop reading the news and start earning! {s}",
        "Thanks to {n} my bitcoin investment doubled in a week. Contact her on WhatsApp {p}",
        "Need a loan fast? No credit check, call {p} today.",
        "Hot singles in your area are waiting for you at {s}",
        "Cheap meds without prescription, discreet delivery: {s}",
        "Check out my channel and subscribe, I post every day! {s}",
        "Want to lose 10 kg in 2 weeks? Click here {s}",
        "Hello everyone, I was broke until I found {n}. Text {p} for the trading plan.",
        "Free gift cards for the first 100 people, claim yours at {s}",
        "Work from home and make {a} a day, no experience needed. Message me {p}",
    ],
    "fr": [
        "Je gagne {e} par jour depuis chez moi. Allez sur {s} pour savoir comment.",
        "Ma voisine a touché {e} le mois dernier grâce à ce site : {s}",
        "Arrêtez de lire les infos et commencez à gagner de l'argent ! {s}",
        "Grâce à {n} mon investissement en bitcoin a doublé en une semaine. Contactez-la sur WhatsApp au {p}",
        "Besoin d'un prêt rapide sans justificatif ? Appelez le {p}",
        "Des célibataires près de chez vous vous attendent sur {s}",
        "Médicaments sans ordonnance, livraison discrète : {s}",
        "Abonnez-vous à ma chaîne, une vidéo chaque jour ! {s}",
        "Perdez 10 kg en 2 semaines, cliquez ici {s}",
        "Travaillez depuis chez vous et gagnez {e} par jour, écrivez-moi au {p}",
    ],
    "es": [
        "Gano {e} al día desde casa. Entra en {s} y descubre cómo.",
        "Gracias a {n} mi inversión en bitcoin se duplicó. Escríbele por WhatsApp al {p}",
        "¿Necesitas un préstamo rápido? Llama al {p}",
        "Suscríbete a mi canal, subo vídeos cada día {s}",
    ],
    "de": [
        "Ich verdiene {e} am Tag von zu Hause aus. Schau auf {s} vorbei.",
        "Dank {n} hat sich meine Bitcoin-Investition verdoppelt. Schreib ihr auf WhatsApp {p}",
        "Schneller Kredit ohne Schufa, ruf jetzt an: {p}",
        "Abonniert meinen Kanal, jeden Tag ein neues Video {s}",
    ],
    "it": [
        "Guadagno {e} al giorno da casa. Vai su {s} per scoprire come.",
        "Grazie a {n} il mio investimento in bitcoin è raddoppiato. Scrivile su WhatsApp {p}",
        "Prestito veloce senza garanzie, chiama il {p}",
    ],
    "pt": [
        "Eu ganho {e} por dia trabalhando em casa. Acesse {s}",
        "Graças a {n} meu investimento em bitcoin dobrou. Chame no WhatsApp {p}",
        "Empréstimo rápido sem consulta, ligue {p}",
    ],
}

#: comments that mention money, links or numbers without selling anything
NOT_SPAM = [
    "The tax rise will cost families {a} a year, according to the article.",
    "The full report is on the ministry's website, worth reading.",
    "Call your MP about this, it's the only thing that works.",
    "My rent went up by {a} this year and my salary didn't.",
    "Bitcoin crashed again, I feel for people who put their savings in it.",
    "The council's number for pothole reports is on their site, they fixed mine in a week.",
    "La hausse des impôts coûtera {e} par an aux familles, selon l'article.",
    "Le rapport complet est sur le site du ministère, ça vaut le coup.",
    "Mon loyer a augmenté de {e} cette année, pas mon salaire.",
    "Le bitcoin s'est encore effondré, je plains ceux qui y ont mis leurs économies.",
    "Appelez votre député, c'est la seule chose qui marche.",
    "Subscribing to this paper was the best decision I made this year, great reporting.",
]


def examples(rng: random.Random) -> list[dict]:
    spam = {"spam": 1, "toxicity": 0, "insult": 0, "identity_attack": 0, "threat": 0, "obscene": 0}
    slots = {"a": AMOUNTS_EN, "e": AMOUNTS_EU, "s": SITES, "p": PHONES, "n": NAMES}
    out: list[dict] = []
    for lang, patterns in SPAM_PATTERNS.items():
        limit = 320 if lang in ("en", "fr") else 90
        out += expand("spam", lang, patterns, slots, spam, limit, rng)
    not_spam = {**spam, "spam": 0}
    out += expand("not_spam", "mixed", NOT_SPAM, slots, not_spam, 60, rng)
    return out
