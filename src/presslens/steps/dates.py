"""Dates and bylines as news pages write them, in en, fr, de, es, it, pt, nl, pl and ru."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

MIN_YEAR, MAX_YEAR = 1990, 2100

# month names per language, January first; abbreviations are derived as unambiguous prefixes
_MONTH_NAMES = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
          "dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
          "dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
          "december",
    # Polish and Russian dates put the month in the genitive ("11 maja 2021", "3 марта
    # 2022"); headings and archives use the nominative
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
          "listopada grudnia",
    "pl_nominative": "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień "
                     "październik listopad grudzień",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ru_nominative": "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь "
                     "декабрь",
}
_EXTRA_ABBREVIATIONS = {"sept": 9, "jän": 1, "setiembre": 9}
#: prefixes that are words of another language first (German "Sie" is no "sierpnia")
_NOT_ABBREVIATIONS = frozenset({"sie"})


def _fold(word: str) -> str:
    """Lowercase without accents, so "fevrier", "Février" and "FÉVR." all look the same."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).rstrip(".")


def _month_table() -> dict[str, int]:
    seen: dict[str, set[int]] = {}
    for names in _MONTH_NAMES.values():
        for month, name in enumerate(names.split(), start=1):
            folded = _fold(name)
            for size in range(3, len(folded) + 1):
                seen.setdefault(folded[:size], set()).add(month)
            if "ä" in name:
                seen.setdefault(_fold(name.replace("ä", "ae")), set()).add(month)
    table = {prefix: months.pop() for prefix, months in seen.items()
             if len(months) == 1 and prefix not in _NOT_ABBREVIATIONS}
    table.update(_EXTRA_ABBREVIATIONS)
    return table


MONTHS = _month_table()

_WORD = r"[^\W\d_]{3,}\.?"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})(?:er|st|nd|rd|th|º|°|\.)?\s*(?:de\s+)?(?P<m>{_WORD})"
    rf"\s*(?:de\s+|del\s+|,\s*)?(?P<y>\d{{4}})(?!\d)", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(
    rf"(?P<m>{_WORD})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)", re.IGNORECASE)
_YEAR_MONTH_DAY = re.compile(r"(?<![\d.])(?P<y>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(?P<a>\d{1,2})([-/.])\s?(?P<b>\d{1,2})\2\s?(?P<y>\d{4})(?!\d)")

_YEAR = re.compile(r"(?:19|20|21)\d\d")

UPDATE_WORDS = re.compile(
    r"\b(?:updated|last\s+updated|modified|mis\s+à\s+jour|mise\s+à\s+jour|modifié|actualisé|"
    r"aktualisiert|geändert|actualizado|modificado|aggiornato|atualizado|bijgewerkt|"
    r"zaktualizowano|aktualizacja|обновлено|обновлен)\b",
    re.IGNORECASE)


def valid_date(year: int, month: int, day: int) -> str | None:
    """ISO "YYYY-MM-DD" for a real calendar date in the years we accept, else None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str, *, month_first: bool = False) -> list[tuple[int, str]]:
    """Every valid date in `text` as (offset, ISO date), in text order.

    Numeric day/month order is read day-first unless one side is over 12 or `month_first`.
    """
    if _YEAR.search(text) is None:
        return []  # every form we read carries a four-digit year; most lines have none
    found: dict[int, str] = {}
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], iso: str | None) -> None:
        if iso and not any(s < match.end() and match.start() < e for s, e in taken):
            found[match.start()] = iso
            taken.append((match.start(), match.end()))

    for match in _YEAR_MONTH_DAY.finditer(text):
        add(match, valid_date(int(match["y"]), int(match["m"]), int(match["d"])))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            month = MONTHS.get(_fold(match["m"]))
            if month:
                add(match, valid_date(int(match["y"]), month, int(match["d"])))
    for match in _NUMERIC.finditer(text):
        add(match, _numeric(int(match["a"]), int(match["b"]), int(match["y"]), month_first))
    return sorted(found.items())


def _numeric(a: int, b: int, year: int, month_first: bool) -> str | None:
    if a > 12 or (b <= 12 and not month_first):
        return valid_date(year, b, a)
    return valid_date(year, a, b) or valid_date(year, b, a)


def parse_date(value: object) -> str | None:
    """A date from metadata (ISO timestamp, "March 3, 2019", …) as "YYYY-MM-DD", or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    dates = find_dates(value.strip()[:100])
    return dates[0][1] if dates else None


def published_in(line: str, *, month_first: bool = False) -> tuple[str | None, bool]:
    """The publication date a byline line gives, and whether it only gave an update date."""
    update = UPDATE_WORDS.search(line)
    cut = update.start() if update else len(line)
    dates = find_dates(line, month_first=month_first)
    before = [iso for offset, iso in dates if offset < cut]
    if before:
        return before[0], False
    return (dates[0][1], True) if dates else (None, False)


# --- bylines ---------------------------------------------------------------------------------

# lead words that put an author's name right after them
_LEAD = (r"(?:(?:posted|published|written|reported|story|text|words|photos?)\s+by|by|"
         r"publi[ée]e?\s+par|[ée]crit\s+par|r[ée]dig[ée]e?\s+par|propos\s+recueillis\s+par|par|"
         r"geschrieben\s+von|ver[öo]ffentlicht\s+von|von|"
         r"publicado\s+por|escrito\s+por|redactado\s+por|por|"
         r"pubblicato\s+da|scritto\s+da|a\s+cura\s+di|di|"
         r"geschreven\s+door|door|"
         r"author|auteur|autor|autore|auteurs|authors|автор)")
_LEAD_AT_START = re.compile(rf"^\W{{0,3}}{_LEAD}\s*[:\-–]?\s+", re.IGNORECASE)
_LEAD_ANYWHERE = re.compile(rf"(?:^|[\s|,•·–-]){_LEAD}\s*:?\s+", re.IGNORECASE)
# a lead word the rendering glued to the name: "ByJ.R. Stone", "PorRodolfo Costa"
_GLUED_LEAD = re.compile(r"^\W{0,3}(?:By|Por|Par|Von|Door|Di)(?=[A-ZÀ-ÞĀ-Ž][\w.])")
# lines that announce publication, whose "by X" is then a byline even mid-line
_PUBLISH_START = re.compile(
    r"^\W{0,3}(?:posted|published|publi[ée]|mis\s+en\s+ligne|ver[öo]ffentlicht|publicado|"
    r"pubblicato|gepubliceerd|updated|mis\s+à\s+jour|opublikowano|опубликовано)\b",
    re.IGNORECASE)

_PARTICLES = frozenset({"de", "du", "des", "da", "di", "do", "dos", "das", "del", "della", "van",
                        "von", "der", "den", "ter", "le", "la", "al", "el", "bin", "ibn", "zu",
                        "st.", "y"})
_JOINERS = frozenset({"and", "et", "und", "y", "e", "en", "&"})
#: day names, folded (en, fr, de, es, pl, ru)
WEEKDAYS = frozenset(_fold(w) for w in (
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi "
    "vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag lunes "
    "martes miércoles jueves viernes sábado domingo poniedziałek wtorek środa czwartek piątek "
    "sobota niedziela понедельник вторник среда четверг пятница суббота воскресенье").split())
_NOT_NAMES = WEEKDAYS | frozenset(_fold(w) for w in (
    "the a an le la les un une der die das ein eine el los las il lo gli uno una o os "
    "admin staff editor rédaction redaktion redacción redazione redactie our notre unser "
    "nuestro nostro updated posted published publié mis modified "
    "today yesterday hier heute aujourd'hui "
    # the words that join a byline to its date: "Von Jule Radeck Vom 3. Februar 2022"
    "vom am on at").split())
_TOKEN_EDGE = "\"'“”«»()[]"


def announces_publication(line: str) -> bool:
    """Whether `line` opens with a word that announces publication ("Posted on …",
    "Veröffentlicht am …", "Publié le …"): a byline or dateline, whatever follows."""
    return _PUBLISH_START.match(line) is not None


def is_calendar_word(word: str) -> bool:
    """A day or month name or abbreviation ("Monday", "mars", "Dec."): capitalised in English
    and German, yet no part of a name."""
    folded = _fold(word)
    return folded in WEEKDAYS or folded in MONTHS


def author_in(line: str) -> str | None:
    """The author a byline line names ("By X | March 3, 2019", "Publié par X le …"), or None."""
    match = _LEAD_AT_START.match(line) or _GLUED_LEAD.match(line)
    if match is None and (_PUBLISH_START.match(line) or find_dates(line)):
        match = _LEAD_ANYWHERE.search(line)
    if match is None:
        return None
    return _name_at(line[match.end():])


#: words in one person's name standing alone on a line (one word is a label as often as a name)
NAME_WORDS = (2, 4)
_LIST_MARK = re.compile(r"^[\s*•·\-–—]+")


def names_alone(line: str) -> str | None:
    """The people a line consists of, when it names nothing else: "Tina Klostermeier",
    "* Isabella Beyer", "Christian Kahle, 03.11.2023 15:32 Uhr" (a date may follow),
    "Ibtisam Mahdi, Ruwaida Kamal Amer"; None otherwise."""
    text = _LIST_MARK.sub("", line)
    dates = find_dates(text)
    if dates:
        text = text[:dates[0][0]]
    people = [part.strip() for part in text.strip(" ,|·•–-").split(",")]
    for person in people:
        words = person.split()
        if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] or _name_at(person) != person:
            return None
    return ", ".join(people)


def person_alone(line: str) -> str | None:
    """One person's name alone on a line (`names_alone` naming a single person): "Gewässer und
    Auen" or "Anna, Bernd" are not one person."""
    name = names_alone(line)
    if name is None or "," in name or not _JOINERS.isdisjoint(name.lower().split()):
        return None
    return name


# what stands beside the name in a dated byline without being part of it: comment links and
# counts, clock words, weekday abbreviations ("10:08 am Fri Jul 19, 2013")
_BYLINE_FILLER = re.compile(
    r"\b(?:schreibe einen kommentar|leave a (?:comment|reply)|laisser un commentaire|"
    r"deja un comentario|(?:\d+\s*)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti)|"
    r"uhr|am|pm|mon|tue|wed|thu|fri|sat|sun)\b\.?", re.IGNORECASE)
_BYLINE_BREAKS = frozenset("| / - – — • · ,".split())
# "06.11.23": a date with a two-digit year, which find_dates leaves alone (it could be a version)
_SHORT_DATE = re.compile(r"(?<![\d.])\d{1,2}[./]\d{1,2}[./]\d{2}(?![\d.])")


def opens_with_lead(line: str) -> bool:
    """Whether `line` starts with a byline's lead word ("By X", "Von X am …", "ByJ.R. Stone")."""
    return bool(_LEAD_AT_START.match(line) or _GLUED_LEAD.match(line))


def is_bare_lead(line: str) -> bool:
    """A byline's lead word alone on its line ("By", "Von:", "* by"): the name is on the next."""
    match = _LEAD_AT_START.match(line + " ")
    return match is not None and not line[match.end() - 1:].strip(" :-–")


def is_dated(line: str) -> bool:
    """Whether `line` holds a date, a two-digit year allowed."""
    return bool(_SHORT_DATE.search(line) or find_dates(line))


def is_date_only(line: str) -> bool:
    """A line that is a date and little else ("June 8, 2015", "Mon 20 Jan 2020 06.05 GMT"):
    at most two words beside its numbers, day and month names and clock words."""
    if not is_dated(line):
        return False
    words = [w for w in _BYLINE_FILLER.sub(" ", line).split()
             if not any(c.isdigit() for c in w) and not is_calendar_word(w.strip(",.;"))]
    return len(words) <= 2


def name_beside_date(line: str) -> str | None:
    """The person a dated byline names without a lead word: "Swantje Schemmerling | 06.11.23",
    "September 17, 2019 Helmut Rubik 0", "19.6.2007 9:40 Uhr Christoph Becker 71 Kommentare".

    Dates, times, counts and separators cut the line into pieces; the first piece that is a
    name alone (or a byline with its lead word, "… 2019 von Peter Addor") is the author."""
    if not is_dated(line):
        return None
    pieces: list[list[str]] = [[]]
    for raw in _BYLINE_FILLER.sub(" | ", line).split():
        if raw in _BYLINE_BREAKS or any(c.isdigit() for c in raw) \
                or is_calendar_word(raw.strip(",.;")):
            pieces.append([])
        else:
            pieces[-1].append(raw)
    for piece in pieces:
        text = " ".join(piece).strip(" ,;|")
        # "Umwelt & Klima", "PAID CONTENT": a section or label beside its date, not a person
        found = text and "&" not in text and not text.isupper() and (author_in(text)
                                                                     or names_alone(text))
        if found:
            return found
    return None


def _name_at(text: str) -> str | None:
    """The person or people named at the start of `text`: capitalised words, particles, "and"."""
    names: list[list[str]] = [[]]
    joiner_before: list[str] = []
    raws = text.split()[:16]
    for index, raw in enumerate(raws):
        token = raw.strip(_TOKEN_EDGE)
        following = raws[index + 1] if index + 1 < len(raws) else ""
        if _fold(token.rstrip(",;|:")) in MONTHS and following[:1].isdigit():
            break  # "By March 3, 2019": a date, while "Jan de Vries" is a name
        ends = raw.endswith((",", ";", "|", ":")) or raw in {"|", "-", "–", "—", "•", "·"}
        token = token.rstrip(",;|:")
        if not token:
            break
        current = names[-1]
        if token.lower() in _JOINERS and current:
            names.append([])
            joiner_before.append(token)
            continue
        if not _name_token(token, first=not current):
            break
        current.append(token)
        if ends or len(current) > 5:
            break
    people = [_trim_particles(n) for n in names]
    while people and not people[-1]:
        people.pop()
        if joiner_before:
            joiner_before.pop()
    if not people or any(not p for p in people):
        return None
    result = " ".join(people[0])
    for joiner, person in zip(joiner_before, people[1:]):
        result += f" {joiner} {' '.join(person)}"
    return result


def _name_token(token: str, *, first: bool) -> bool:
    folded = _fold(token)
    if folded in _NOT_NAMES or any(ch.isdigit() for ch in token):
        return False
    if token.lower() in _PARTICLES:
        return not first
    head = token[0]
    return head.isupper() and (token.isalpha() or bool(re.fullmatch(r"[\w.’'-]+", token)))


def _trim_particles(tokens: list[str]) -> list[str]:
    while tokens and tokens[-1].lower() in _PARTICLES:
        tokens.pop()
    return tokens
