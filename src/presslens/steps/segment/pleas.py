"""Calls to the reader inside the article: subscription, newsletter and donation pleas.

They are written as prose ("Join our members to read without ads and keep us independent"), so
the line classifier, which weighs a line's shape, often keeps them as body. What gives them away
in any language is their vocabulary: an action the outlet wants (subscribe, donate, sign up),
addressed to the reader (you, vous, Sie), in the outlet's voice (we, nous, wir) or as an
imperative. A line needs an action word and two more signs of this; a line next to a plea needs
one more (boxes run over several lines: "Members can also take part in the debate").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from presslens.document import Line
from presslens.steps.segment.features import grouped_alternation

# the action words, matched as whole words in lower-cased text; grouped by first letter for
# speed (the same matches: see grouped_alternation)
_ACTION_WORDS = [
    r"subscri\w*", r"newsletters?", r"sign(?:ing)? up", r"donat\w*", r"support(?:ing)? (?:us|our)",
    r"membership", r"follow (?:us|our|the)", r"facebook", r"twitter", r"instagram", r"telegram",
    r"whatsapp", r"youtube", r"apps?", r"letters? to the editor", r"folgen sie", r"suivez-nous",
    r"síguenos", r"seguici", r"help(?:ing)? us", r"aidez-nous", r"helfen sie uns", r"ayúdanos",
    r"aiutaci", r"chip in", r"become a (?:member|subscriber|supporter|patron)", r"premium",
    r"ad-free", r"inbox", r"unlock\w*", r"free trial", r"paywall", r"e-?mail address", r"patreon",
    r"paypal", r"abonn\w*", r"inscri\w*", r"d[ée]sinscri\w*", r"unsubscri\w*",
    r"lettre d.information", r"faire un don",
    r"soutenir", r"soutenez", r"soutien", r"sans publicité", r"boîte de réception",
    r"messagerie", r"adresse (?:e-?mail|électronique)",
    r"abo", r"abonnier\w*", r"spende\w*", r"spenden", r"unterstütz\w*", r"postfach",
    r"werbefrei", r"registrier\w*",
    r"suscr[ií]\w*", r"suscripci[oó]n", r"bolet[ií]n", r"donar", r"donaci[oó]n", r"ap[oó]y\w*",
    r"hazte socio", r"bandeja de entrada", r"sin publicidad", r"correo electr[oó]nico",
    r"abbona\w*", r"iscriv\w*", r"iscrizione", r"sostien\w*", r"sostegno", r"senza pubblicità",
    r"assin\w*", r"doação", r"apoie",
    r"subskryb\w*", r"prenumerat\w*", r"wesprzyj", r"wpłać", r"darowizn\w*",
    r"подпи\w*", r"рассылк\w*", r"пожертв\w*", r"поддерж\w*",
]
_ACTION = re.compile(r"\b" + grouped_alternation(_ACTION_WORDS) + r"\b")
_READER = re.compile(
    r"\b(?:you|your|yours|vous|votre|vos|sie|ihr|ihre|ihren|ihrem|du|dein\w*|tu|tú|te|usted|"
    r"ustedes|tus|voi|vostr\w*|tuo|tua|pan|pani|państwo|ty|twój|вы|ваш\w*|ты|тво\w*)\b")
_OUTLET = re.compile(
    r"\b(?:we|our|us|nous|notre|nos|wir|uns|unser\w*|nosotros|nuestr\w*|nos|noi|nostr\w*|ci|"
    r"my|nasz\w*|мы|наш\w*|нас)\b")
_IMPERATIVE = re.compile(
    # a hook question may come first: "Liked this article? Subscribe …"
    # (its dots may be a domain's: "¿Ya sabías que en Guatemala.com …? Únete …")
    r"^\W*(?:(?:[^.?!]|\.(?=\w)){0,60}\?\s*)?"
    r"(?:subscribe|sign up|join|donate|support|become|register|get (?:our|the|unlimited)|chip in|"
    r"consider (?:helping|supporting|donating|subscribing)|follow|download|"
    r"receive|recevez|erhalten sie|recibe|ricevi|"
    r"abonnez|inscrivez|devenez|soutenez|faites un don|rejoignez|"
    r"abonnieren|unterstützen sie|werden sie|spenden sie|melden sie sich|"
    r"suscr[ií]bete|hazte|apoya|dona|únete|iscriviti|abbonati|sostieni|diventa|"
    r"zapisz się|wesprzyj|подпишитесь|поддержите)\b")

# platforms are where a plea sends the reader, but an article also reports what happens on
# them ("Sie informieren sich bei Instagram", "wir dokumentieren … auf Twitter"): a platform is an
# action only beside a call to share, link, follow or write (or an imperative, `_IMPERATIVE`)
_PLATFORM = re.compile(r"facebook|twitter|instagram|telegram|whatsapp|youtube|apps?")
_CALL = re.compile(
    r"\b(?:share|find us|let us know|join|teil\w*|verlink\w*|findet uns|finden sie uns|folg(?:t|e|en)? uns|folgen sie|"
    r"partag\w*|retrouvez|rejoign\w*|compart\w*|encu[ée]ntranos|condivid\w*|trovaci|"
    r"udostępnij|dołącz|znajdź nas|поделит\w*|присоединяй\w*)\b")

#: pleas are a few sentences; a long paragraph that mentions subscribers is reporting
MAX_WORDS = 60


@lru_cache(maxsize=4096)
def plea_score(text: str) -> int:
    """0 without an action word (a platform alone is none, see `_PLATFORM`); else actions
    (at most 2) + reader + outlet voice + imperative."""
    low = text.lower()
    if len(low.split()) > MAX_WORDS:
        return 0
    actions = {m.group() for m in _ACTION.finditer(low)}
    if not actions:
        return 0
    imperative = _IMPERATIVE.match(low) is not None
    if all(_PLATFORM.fullmatch(action) for action in actions) and not imperative \
            and _CALL.search(low) is None:
        return 0
    return (min(len(actions), 2) + bool(_READER.search(low)) + bool(_OUTLET.search(low))
            + imperative)


def is_plea(text: str) -> bool:
    return plea_score(text) >= 3


def demote_pleas(lines: Sequence[Line], labels: list[str | None]) -> list[str | None]:
    """Body lines that plead with the reader become boilerplate, with the plea lines beside them."""
    out = list(labels)
    rows = [i for i, label in enumerate(labels) if label is not None]
    pleas = {r for r, i in enumerate(rows) if labels[i] == "body" and is_plea(lines[i].stripped)}
    for r in sorted(pleas):
        out[rows[r]] = "boilerplate"
        for step in (-1, 1):  # spread along the box while its lines still plead a little
            q = r + step
            while 0 <= q < len(rows) and out[rows[q]] == "body" \
                    and _part_of_box(lines[rows[q]].stripped):
                out[rows[q]] = "boilerplate"
                q += step
    return out


def _part_of_box(text: str) -> bool:
    """A line beside a plea that belongs to its box: a softer plea, or a button or field label
    ("Other amount", "Donate now") rather than a sentence."""
    if plea_score(text) >= 2:
        return True
    return len(text.split()) <= 3 and not text.endswith((".", "!", "?", "…", '"', "”", "»"))
