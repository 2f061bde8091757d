"""Comment-thread rules: where a page's comment section starts and ends, and what its lines are.

The line classifier sees few comment sections in training, so its `comment` labels are weak.
Comment threads have a strong shape (a section header, author and date lines, reply widgets,
indentation for replies), and these rules use that shape to relabel lines. The line-shape
helpers here (`timestamp_in`, `says_header`, `author_date_header`, `bullet_parts`, `is_widget`,
`looks_like_name`) are shared with `presslens.steps.comments`, which builds the thread tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from presslens.document import Line

COMMENT, BOILERPLATE, BODY = "comment", "boilerplate", "body"

# ---------------------------------------------------------------------------------------------
# Dates and times (en, fr, de, es, it, pl, ru)

_MONTHS = {
    1: "january jan janvier janv januar jänner jaenner enero ene gennaio gen "
       "stycznia styczeń sty января январь янв",
    2: "february feb février fevrier févr fevr februar febrero febbraio "
       "lutego luty lut февраля февраль фев",
    3: "march mar mars märz maerz mär marzo marca marzec марта март мар",
    4: "april apr avril avr abril abr aprile kwietnia kwiecień kwi апреля апрель апр",
    5: "may mai mayo maggio mag maja maj мая май",
    6: "june jun juin juni junio giugno giu czerwca czerwiec cze июня июнь июн",
    7: "july jul juillet juil juli julio luglio lug lipca lipiec lip июля июль июл",
    # no Polish "sie" (sierpnia): it is also a German word
    8: "august aug août aout agosto ago sierpnia sierpień августа август авг",
    9: "september sep sept septembre septiembre setiembre settembre set "
       "września wrzesień wrz сентября сентябрь сен",
    10: "october oct octobre oktober okt octubre ottobre ott "
        "października październik paź октября октябрь окт",
    11: "november nov novembre noviembre listopada listopad lis ноября ноябрь ноя",
    12: "december dec décembre decembre déc dezember dez diciembre dic dicembre "
        "grudnia grudzień gru декабря декабрь дек",
}
MONTH_NUMBER = {name: num for num, names in _MONTHS.items() for name in names.split()}
# longest names first so "sept" wins over "sep" and "mars" over "mar"
_DIGIT = re.compile(r"\d")

# Month names are matched as any short word and then looked up: one alternation of a hundred
# names tried at every position made the search ten times slower.
_WORD = r"([^\W\d_]{3,12})"
_DATE_PATTERNS = (
    # 2019-10-18
    ("ymd", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    # 18.10.2019, 22/01/2020, 14. 01. 2020, 8.6.20
    ("dmy", re.compile(r"\b(\d{1,2})\s?[./]\s?(\d{1,2})\s?[./]\s?(\d{4}|\d{2})\b")),
    # 18. Oktober 2019, 15 mai 2019, 3 de marzo de 2019
    # (no word boundary before the day: renderings glue a commenter's name to it, "Sana6. Juni")
    ("dMy", re.compile(rf"(?<!\d)(\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?{_WORD}\.?,?\s+"
                       rf"(?:de\s+)?(\d{{4}})\b")),
    # March 3, 2019 / Feb 6, 2014
    ("Mdy", re.compile(rf"\b{_WORD}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")),
    # "IwonaMay 30, 2019": renderings glue the name to a capitalised month too
    ("gMdy", re.compile(r"(?<=[a-zß-ÿ])([A-ZÀ-Þ][a-zß-ÿ]{2,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+"
                        r"(\d{4})\b")),
    # 24-01-22: day and year cannot be told apart, kept raw
    ("raw", re.compile(r"\b\d{2}-\d{2}-\d{2}\b")),
    # 12 Octobre, without a year: kept raw
    ("dM", re.compile(rf"\b(\d{{1,2}})\.?\s+{_WORD}\b\.?")),
)
_MONTH_GROUP = {"dMy": 1, "Mdy": 0, "gMdy": 0, "dM": 1}
#: patterns whose month stands as a word of its own (the glued one does not)
_MONTH_WORD_KINDS = frozenset({"dMy", "Mdy", "dM"})
# the month group of each of those patterns is a whole \w+ word (it stands between non-word
# characters), so a text none of whose words is a month name cannot match them: one word
# split spares three scans and the loop over "12 people"-like matches
_WHOLE_WORD = re.compile(r"\w+")
_MONTH_NAMES = frozenset(MONTH_NUMBER)
#: characters a date pattern cannot match without
_PATTERN_NEEDS = {"ymd": "-", "dmy": "./", "raw": "-"}
# "10:14", "10h14", "10 Uhr 14", "3:14 pm", and WordPress's French default "10 h 14 min"
_TIME = re.compile(r"\b(\d{1,2})\s?(?::|h|Uhr\s?)\s?(\d{2})(?::\d{2})?(?:\s?([ap])\.?m\.?|\s?min\b)?"
                   r"(?!\d)", re.I)
# every alternative starts with one of the letters in the lookahead: the search skips other
# positions after one class test instead of trying each alternative there
_AGE_UNIT = (r"(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?|"
             r"sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?|"
             r"secondes?|heures?|jours?|semaines?|mois|ans?|années?|"
             r"segundos?|minutos?|horas?|días?|dias?|semanas?|meses|mes|años?|"
             r"secondi|minuti|ore|ora|giorni|giorno|settimane?|mesi|mese|anni|anno)")
_RELATIVE = re.compile(
    r"(?=[\daoeuivhytjg])(?:"
    # "3 hours ago", "2 Tage", "12 Stunden 33 Minuten her" (a second unit, "her": ago)
    rf"\b(?:\d+|an?|one|ein(?:e|em|er)?|un(?:e|a|o)?)\s+{_AGE_UNIT}"
    rf"(?:,?\s+\d+\s+{_AGE_UNIT})?(?:\.?\s+(?:ago|fa|her))?\b"  # "5 hr. ago" too
    r"|\b(?:il y a|vor|hace)\s+(?:\d+|une?|einem|einer|un|una)\s+\w+"
    r"|\b(?:yesterday|today|just now|gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi)\b)",
    re.I)
# the compact ages of comment plugins ("2y", "3w", "5d", "12h", "40m"), lower case and closing
# the line or a widget run: "3D printing", "£12m" and "12h de négociations" are no ages
_COMPACT_AGE = re.compile(r"(?<![\w£$€.,])\d{1,2}(?:y|w|d|h|m|mo|yr|hr|min)(?:\s+ago)?(?=\s*(?:$|[·•|]))")
_WEEKDAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|lunes|martes|miércoles|jueves|viernes|"
    r"sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|"
    r"poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье")
_FILLER = re.compile(
    r"\b(?:at|on|um|uhr|à|a|le|el|de|del|alle|il|am|the|posted|edited|updated|modifié|publié|"
    rf"bearbeitet|ago|fa|il y a|vor|hace|o|в|{_WEEKDAYS})\b"
    # the comment's number in its thread: "#1 — vor 8 Stunden", "#1.1 — …"
    r"|#\d+(?:\.\d+)*"
    r"|[\s,./|·•\-–—:()\[\]#]+",
    re.I)


class AuthorDate(NamedTuple):
    """A comment header line's commenter, date and, for a reply, whom it answers."""

    author: str
    timestamp: Timestamp
    replying_to: str | None = None


@dataclass(slots=True, frozen=True)
class Timestamp:
    """A date or time found in a line: `line[start:end]`, normalised to ISO where possible."""

    start: int
    end: int
    value: str


def _iso(kind: str, groups: tuple[str, ...]) -> str | None:
    if kind == "ymd":
        year, month, day = (int(g) for g in groups)
    elif kind == "dmy":
        day, month, year = (int(g) for g in groups)
        if month > 12 and day <= 12:  # a US month/day/year
            day, month = month, day
        if year < 100:
            year += 2000 if year < 70 else 1900
    elif kind == "dMy":
        day, month, year = int(groups[0]), MONTH_NUMBER[groups[1].lower()], int(groups[2])
    else:  # Mdy
        month, day, year = MONTH_NUMBER[groups[0].lower()], int(groups[1]), int(groups[2])
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _time_near(text: str, start: int, end: int) -> re.Match[str] | None:
    """A clock time within a few words after (or just before) a date."""
    after = _TIME.search(text, end, min(len(text), end + 25))
    if after:
        return after
    before = _TIME.search(text, max(0, start - 12), start)
    return before


def _date_match(pattern: re.Pattern[str], kind: str, text: str) -> re.Match[str] | None:
    group = _MONTH_GROUP.get(kind)
    for m in pattern.finditer(text):
        if group is None or m.groups()[group].lower() in MONTH_NUMBER:
            return m
    return None


@lru_cache(maxsize=8192)
def timestamp_in(text: str) -> Timestamp | None:
    """The first date (with its time) or relative age ("2 hours ago") in `text`, or None."""
    has_digit = _DIGIT.search(text) is not None
    has_month = has_digit and not _MONTH_NAMES.isdisjoint(
        map(str.lower, _WHOLE_WORD.findall(text)))
    for kind, pattern in _DATE_PATTERNS if has_digit else ():
        needed = _PATTERN_NEEDS.get(kind)
        if needed and not any(ch in text for ch in needed):
            continue  # "2019-10-18" needs a hyphen, "18.10.2019" a dot or a slash
        if kind in _MONTH_WORD_KINDS and not has_month:
            continue
        m = _date_match(pattern, kind, text)
        if not m:
            continue
        date = _iso(kind, m.groups()) if kind not in ("raw", "dM") else None
        clock = _time_near(text, m.start(), m.end())
        start = min(m.start(), clock.start()) if clock else m.start()
        end = max(m.end(), clock.end()) if clock else m.end()
        if date is None:
            return Timestamp(start, end, text[start:end].strip(" ,.-/|"))
        if clock:
            hour, minute = int(clock.group(1)), int(clock.group(2))
            half = (clock.group(3) or "").lower()
            hour = hour % 12 + (12 if half == "p" else 0) if half else hour
            if hour < 24 and minute < 60:
                date += f"T{hour:02d}:{minute:02d}"
        return Timestamp(start, end, date)
    # an age stands on a short line
    m = (_RELATIVE.search(text) or (has_digit and _COMPACT_AGE.search(text))) \
        if len(text) <= 80 else None
    if m:
        return Timestamp(m.start(), m.end(), m.group(0))
    return None


def _only_filler(text: str) -> bool:
    return not _FILLER.sub("", text)


#: the longest line taken as a date alone: dates with clock, weekday, filler words and a reply
#: widget are under 60 characters on the training pages
MAX_TIMESTAMP_LINE = 120


@lru_cache(maxsize=8192)
def timestamp_line(text: str) -> Timestamp | None:
    """The timestamp when the whole line is a date/time/age and nothing else."""
    if len(text) > MAX_TIMESTAMP_LINE:
        return None  # a paragraph beside a comment's header: searching it for dates is costly
    stamp = timestamp_in(text)
    if stamp is None:
        return None
    if _only_filler(text[:stamp.start] + " " + text[stamp.end:]):
        return stamp
    # "03.03.2024, 16:18 Zum Antworten anmelden": a comment's date with its reply widget
    if _only_filler(text[:stamp.start]) and widget_after_filler(text[stamp.end:]):
        return stamp
    # "Like · Reply · 2y": the widget first (comment plugins close each comment so)
    if _only_filler(text[stamp.end:]) and widget_before(text[:stamp.start]):
        return stamp
    return None


def closes_comment(text: str, stamp: Timestamp) -> bool:
    """The date line `text` (its date at `stamp`) also holds a widget, before or after the
    date: "Like · Reply · 2y", "2 мар 2019 в 10:14 Ответить". Comment plugins close each
    comment with such a line."""
    return widget_before(text[:stamp.start]) or widget_after_filler(text[stamp.end:])


def widget_before(head: str) -> bool:
    """`head` (what precedes a date) is a reply widget and its separator: "Like · Reply · "."""
    head = head.rstrip(" ·•|-–—,")
    return bool(head) and is_widget(head)


def widget_after_filler(rest: str) -> bool:
    """`rest` (what follows a date) is a reply widget, maybe after filler words and
    punctuation: " - Reply", " Uhr - Antworten", " at 9:14 am | Reply"."""
    tail = rest
    while tail and (m := _FILLER.match(tail)) and m.end():
        tail = tail[m.end():]
    return bool(tail) and is_widget(tail)


# ---------------------------------------------------------------------------------------------
# Line shapes

_BULLET = re.compile(r"^([•\-*·▪◦‣●■+o]|\d{1,3}[.)])\s+(?=\S)")
_NAME_FORBIDDEN = re.compile(r"[,;:!?…\"“”«»()<>@=]|https?:|www\.|\.\S{2,}$")


@lru_cache(maxsize=8192)
def bullet_parts(text: str) -> tuple[str, str] | None:
    """(marker, content) when the stripped line starts with a list marker, else None."""
    m = _BULLET.match(text)
    return (m.group(1), text[m.end():]) if m else None


@lru_cache(maxsize=8192)
def looks_like_name(text: str) -> bool:
    """A short, unpunctuated line: an author name (or a title-like fragment)."""
    text = text.strip()
    if not text or len(text) > 40 or _NAME_FORBIDDEN.search(text):
        return False
    words = text.split()
    if len(words) > 5 or not any(ch.isalpha() for ch in text):
        return False
    # "Georg N." is a name; "That was it." is a sentence
    return not text.endswith(".") or len(words[-1]) <= 2


# the verb is searched for and the author is what comes before it: a lazy "author" group in
# front of the verb backtracked on every long line
_SAY_VERBS = (r"says|said|wrote|writes|replied|dit|a dit|écrit|a écrit|répond|sagt|schreibt|"
              r"schrieb|meint|antwortet|dice|dijo|escribe|escribió|comenta|comentó|scrive|"
              r"ha scritto|scrisse|risponde")
_SAYS = re.compile(rf"\s(?:{_SAY_VERBS})\s*:\s*", re.I)
# Blogger's header stands alone on its line and ends in an ellipsis: "Anonymous said...",
# "Anna hat gesagt…", "Jean a dit…"
_SAID_ELLIPSIS = re.compile(rf"\s(?:{_SAY_VERBS}|hat gesagt|ha detto|disse|zei|powiedział[a]?|"
                            rf"сказал[а]?)\s*(?:\.\.\.|…)$", re.I)
# the verb between a commenter's name and the date: "Anna says March 3, 2019 at 9:14 am",
# "anna said, on August 3, 2019 at 3:12 pm"
_SAYS_BEFORE_DATE = re.compile(rf"\s(?:{_SAY_VERBS})\s*[:,]?\s*(?:(?:on|am|le|el|il)\s*)?$",
                               re.I)
# (forum software heads each post "Post by X » date", "Beitrag von X »", "Message par X »")
_AUTHOR_PREFIX = re.compile(r"^(?:#?\d+\s+)?(?:kommentar von|comment by|commentaire de|"
                            r"comentario de|commento di|by|par|von|de|di|posted by|post by|"
                            r"beitrag von|message par|mensaje por|messaggio da)\s+", re.I)
_AUTHOR_SUFFIX = re.compile(r"(?:[\s,/|·•»\-–—]|\b(?:le|am|à|el|il|on))*$", re.I)
_HEADER_SEPARATOR = re.compile(r"(?:[,/|·•»\-–—]|\b(?:le|am|à|el|il))\s*$", re.I)
_WEEKDAY_END = re.compile(rf"\b(?:{_WEEKDAYS})\.?,?\s*$", re.I)
# a commenter known by a number ("3. 1009 schreibt:"): no name, but the verb and colon say it
_USER_NUMBER = re.compile(r"\d{3,10}")
_TRAILING_WIDGET = re.compile(r"\s+(?:reply|antworten|répondre|responder|rispondi)\s*$", re.I)


@lru_cache(maxsize=8192)
def says_header(text: str) -> tuple[str, str] | None:
    """(author, text after the colon) for "Name says: …", "Name dit :", "Name schreibt:"."""
    if ":" not in text[:80]:  # the verb's colon: the regex below needs one
        return _said_ellipsis(text)
    m = _SAYS.search(text, 0, 80)
    if not m or m.start() > 61:
        return None
    author = _AUTHOR_PREFIX.sub("", text[:m.start()]).strip()
    if not (looks_like_name(author) or _USER_NUMBER.fullmatch(author)):
        return None
    return author, _TRAILING_WIDGET.sub("", text[m.end():]).strip()


# a reply's header names the commenter replied to: "Mary Jones > John Smith", "Mary ▸ John",
# "Mary replied to John", "Marie a répondu à Jean"
_REPLY_TO = re.compile(r"(.+?)\s*(?:[>›»→►▸]|\s(?:replied to|in reply to|replying to|antwortet|"
                       r"antwortete|a répondu à|respondió a|ha risposto a))\s+(.+)", re.I)


def _said_ellipsis(text: str) -> tuple[str, str] | None:
    """(author, "") for a header line "Name said..." (the text follows on the next lines)."""
    if len(text) > 80 or not text.endswith(("...", "…")):
        return None
    m = _SAID_ELLIPSIS.search(text)
    if not m:
        return None
    author = _AUTHOR_PREFIX.sub("", text[:m.start()]).strip()
    return (author, "") if looks_like_name(author) else None


@lru_cache(maxsize=8192)
def author_date_header(text: str) -> AuthorDate | None:
    """(author, timestamp, replying_to) for "Name / 22.04.2020", "Par X, le 15 mai 2019 à
    08h07", "Mary > John • 2 hours ago" (Mary replying to John)."""
    stamp = timestamp_in(text)
    if stamp is None or stamp.start == 0:
        return None
    rest = text[stamp.end:]
    if not _only_filler(rest) and not widget_after_filler(rest):
        return None
    before = _WEEKDAY_END.sub("", text[:stamp.start])
    said = _SAYS_BEFORE_DATE.search(before)
    if said:
        before = before[:said.start()]
    marked = said or _HEADER_SEPARATOR.search(before.rstrip()) or _AUTHOR_PREFIX.match(before)
    author = _AUTHOR_SUFFIX.sub("", _AUTHOR_PREFIX.sub("", before)).strip()
    replying = _REPLY_TO.fullmatch(author)
    target = None
    if replying and looks_like_name(replying.group(2)):
        author, target, marked = replying.group(1), replying.group(2), replying
    # a handle before its age: "@truthseeker77 2 days ago" (alone on a line, "@name" is the
    # start of a reply's text, so only here does the "@" stay)
    if not looks_like_name(author.removeprefix("@")) or _SCORE.fullmatch(author.lower()):
        return None
    # "Beth_on_Maple March 6, 2024 at 9:14 am" (rendered HTML puts name and date on one line)
    # has no separator; "I was there on March 3, 2019" is a sentence, not a header
    if not marked and not handle_like(author):
        return None
    return AuthorDate(author, stamp, target)


_NOT_NAME_START = frozenset(
    "on in at since until from as of the a an this that last next updated published posted "
    "date datum stand seit bis vom am im der die das den le la les du des depuis dès el los "
    "las desde hasta il lo dal dalle fino ab".split())
_NOT_IN_NAME = frozenset(
    "the of and or for with to in on at by no not yet my our your more all new news more "
    "und oder der die das für mit im am zum zur von mein unser neue alle "
    "et ou le la les des du pour avec sur dans au aux nos vos plus "
    "y o el los las para con en del por más nuevo "
    "e il per con nel della dei più".split())
_INITIAL = re.compile(r"^[^\W\d_]\.$")


@lru_cache(maxsize=4096)
def handle_like(text: str) -> bool:
    """A person's name or a user handle ("Dwight H.", "Beth_on_Maple", "deckhand77"), not words."""
    words = text.split()
    if not words or len(words) > 4 or words[0].lower() in _NOT_NAME_START:
        return False
    if len(words) > 1 and any(word.lower() in _NOT_IN_NAME for word in words):
        return False  # "No Comments Yet", "Luxury and Lifestyle": title-cased words
    if len(words) == 1:
        word = words[0].lstrip("@")
        return len(word) >= 2 and any(ch.isalpha() for ch in word)
    for word in words:
        if not (word[0].isupper() or _INITIAL.match(word) or "_" in word
                or any(ch.isdigit() for ch in word)):
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Section cues

_STRONG = (r"comments?|kommentare?|leserkommentare|commentaires?|comentarios?|commenti|"
           r"commento|réactions|vos réactions|discussion|diskussion|discusión|discussione|"
           r"leserpost|leserbriefe|user comments|reader comments|readers' comments|"
           r"komentarze|komentarzy|комментарии|комментариев|комментария")
_WEAK = (r"thoughts?|gedanken|responses?|replies|antworten|reaktionen|reactions?|réponses?|"
         r"respuestas?|risposte|meinungen|avis|opinions?|opiniones")
#: singular words of the same kind, heading a thread only before what it is about ("1 reply
#: on “Title”", "Ein Gedanke zu „Titel“"): alone, "1 reply" is a comment's own widget
_SINGULAR = r"reply|gedanke|antwort|meinung|risposta"
_COUNT = r"(?:\d[\d.,]*|one|un|une|ein|eine|uno|una)"
_ON = r"(?:on|zu|to|auf|sur|à|a|en|su|zum)"
_SECTION_HEADER = re.compile(
    # "Comments", "12 Kommentare", "Commentaires (3)"
    # (the count may be glued to the word: "52Comments")
    rf"^(?:{_COUNT}\s+|\d+)?(?:{_STRONG})(?:\s*\(?\s*\d+\s*\)?)?\s*:?$"
    # "5 Gedanken zu „Titel“", "One thought on “Title”": a count, or the title quoted
    rf"|^{_COUNT}\s+(?:{_STRONG}|{_WEAK})(?:\s+{_ON}\b.*)?\s*:?$"
    rf"|^{_COUNT}\s+(?:{_SINGULAR})\s+{_ON}\s+\S.*$"
    # "38 comments… read them below or add one": a count, then a short invitation
    rf"|^{_COUNT}\s+(?:{_STRONG})\s*(?:…|\.\.\.|[-–—:])\s*.{{0,50}}$"
    rf"|^(?:{_STRONG})\s+{_ON}\s+[\"“„«‘'].*$"
    r"|^(?:join|start) the (?:discussion|conversation)\b.*$"
    r"|^(?:what do you think|diskutieren sie mit|was meinen sie|qu'en pensez-vous|"
    r"la discussion|debate|il dibattito)\W*$",
    re.I)
# an invitation to write a comment: opens the section before the comments, closes it after
_FORM = re.compile(
    r"^(?:leave|post|add|write|submit|have) (?:a|your|new) (?:reply|comment|response)\b.*$"
    r"|^(?:schreibe|hinterlasse|verfasse|schreiben sie)\s+(?:einen|ihren)\s+kommentar.*$"
    r"|^kommentar (?:verfassen|schreiben|abgeben)\b.*$"
    r"|^(?:laisser|poster|ajouter|écrire|publier|laissez|écrivez) (?:un|votre) commentaire.*$"
    r"|^(?:réagir|réagissez|réagissez à cet article)\b.*$"
    r"|^(?:deja|escribe|añade|publica|deje) (?:un|tu|su) comentario.*$"
    r"|^(?:lascia|scrivi|aggiungi|inserisci) (?:un|il tuo) commento.*$"
    r"|^(?:post your comments?|your comment|votre commentaire|dein kommentar|ihr kommentar|"
    r"tu comentario|il tuo commento)\b.*$",
    re.I)
_WIDGET_WORDS = (
    r"reply|replies|report|share|like|likes|unlike|dislike|flag|quote|edit|delete|permalink|"
    r"link|upvote|downvote|vote|votes|points?|cancel reply|report abuse|report comment|"
    r"antworten|antwort|melden|teilen|zitieren|gefällt mir|liken|likenliken|empfehlen|"
    r"répondre|signaler|partager|citer|j'aime|responder|respuesta|reportar|denunciar|compartir|"
    r"me gusta|rispondi|segnala|condividi|mi piace|cita|haut de page|top|back to top|"
    r"odpowiedz|zgłoś|udostępnij|cytuj|ответить|пожаловаться|поделиться|нравится|цитировать|"
    r"permanenter link|permanent link|lien permanent|enlace permanente|link permanente|"
    r"thumbs up|thumbs down|daumen hoch|daumen runter|"
    # a comment's delete link, shown to its author (Blogger: "AntwortenLöschen")
    r"löschen|supprimer|eliminar|elimina|usuń|удалить"
)
_WIDGET_PART = re.compile(rf"(?:{_WIDGET_WORDS})(?:\s*\(?[+-]?\d+\)?)?|[+-]?\d+(?:\s*(?:{_WIDGET_WORDS}))?",
                          re.I)
# separators between widgets, and the arrows icon fonts leave after them ("Reply • Share ›")
_WIDGET_SPLIT = re.compile(r"\s*[·•|/›»]\s*|\s{2,}")
# widget words and counts one after the other, maybe glued: "Like Reply",
# "Daumen hoch0Daumen runter Antworten"
_WIDGET_RUN = re.compile(rf"(?:(?:{_WIDGET_WORDS}|[+-]?\d+)[\s·•|/()›»]*){{2,}}", re.I)
# the first words of _WIDGET_WORDS' alternatives ("points?" as "point" and "points"): a cheap
# test before _WIDGET_RUN, which tries every alternative at the line's start
_WIDGET_FIRST = frozenset(
    form for word in _WIDGET_WORDS.split("|")
    for form in (word.split()[0].rstrip("?s"), word.split()[0].rstrip("?")))
_WIDGET_FIRST_GLUED = re.compile("|".join(sorted(_WIDGET_FIRST, key=len, reverse=True)))
_WIDGET_LINE = re.compile(
    r"^(?:load|show|view|see|read|display) (?:all |more |the |\d+ )*(?:more )?(?:comments?|replies|"
    r"responses)\b.*"
    r"|^(?:hide|collapse|expand) (?:\d+ )?(?:comments?|replies|thread)\b.*"
    # "Pokaż odpowiedzi (2)" (rendered glued: "pokażodpowiedzi"), "Показать ответы",
    # "Afficher les réponses", "Antworten anzeigen"
    r"|^(?:pokaż|zobacz|показать|afficher|voir|mostrar|ver|mostra|vedi|zeige)\s*"
    r"(?:wszystkie |все |les |las |los |le |alle )?(?:odpowiedzi|komentarze|ответы|комментарии|"
    r"réponses|commentaires|respuestas|comentarios|risposte|commenti|antworten|kommentare)\b.*"
    r"|^(?:\d+ )?(?:antworten|kommentare) (?:anzeigen|einblenden|ausblenden)\b.*"
    # "Diesen Kommentar auf Twitter teilen?", "Share this comment on Facebook"
    r"|^(?:diesen kommentar|this comment|ce commentaire)\s+(?:auf|on|sur)\s+\w+\s+"
    r"(?:teilen|share|partager)\b.*|^share this comment\b.*"
    r"|^(?:log ?in|sign ?in|register|sign up)\b.*\b(?:comment|reply|post)\b.*"
    r"|^you must be (?:logged|signed) in\b.*"
    r"|^notify (?:me )?of\b.*|^inline feedbacks?$|^(?:newest|oldest|most voted|most liked|"
    r"best|top|new|old)(?:\s*[|·]\s*\w+)*$|^sort(?:ed)? by\b.*"
    # help notices of the comment system: "Let us know if you have trouble commenting",
    # "Problems posting a comment? Write to …"
    r"|^(?:please )?(?:let us know|tell us|contact us|write to us|e-?mail us)\b.{0,30}"
    r"\b(?:issues?|problems?|trouble)\b.{0,20}\bcomment\w*\W*$"
    r"|^(?:having )?(?:issues?|problems?|trouble)\b.{0,30}\bcomment\w*\?.{0,60}$"
    r"|^comments? (?:are|is) (?:closed|disabled)\b.*|^kommentare sind (?:geschlossen|deaktiviert).*"
    r"|^continue this thread$|^level \d+$|^\d+ (?:more )?(?:replies|antworten|réponses|"
    r"respuestas|risposte)$"
    r"|^(?:weitere|mehr|alle) kommentare(?: (?:laden|anzeigen|lesen))?$"
    r"|^(?:charger|afficher|voir) (?:plus de |tous les |les )?(?:commentaires|réponses).*"
    r"|^(?:cargar|ver|mostrar) (?:más |todos los )?(?:comentarios|respuestas).*"
    r"|^(?:carica|mostra|vedi) (?:altri |tutti i )?(?:commenti|risposte).*"
    r"|^(?:name|e-?mail|website|webseite|site web|nom|nombre|nome|sito web)\s*\*?"
    r"(?:\s*\(.*\))?:?\s*\*?$"
    r"|^(?:submit|post comment|send|absenden|kommentar abschicken|envoyer|publier|enviar|"
    r"publicar|invia|pubblica|cancel)$"
    r"|^(?:save my name|meinen namen|enregistrer mon nom|guardar mi nombre|salva il mio nome)\b.*"
    r"|^(?:\w+ )?(?:wird geladen|loading|chargement|cargando|caricamento)\s*(?:\.\.\.|…)$"
    r"|^(?:\d+(?:[.,]\d+)?\s+)?(?:\d+\s+)?(?:votes?|ratings?|bewertungen|stimmen)$"
    r"|^(?:article rating|bewertung)$"
    r"|^(?:\w+ )?comments? plugin$",  # "Facebook Comments Plugin" under an embedded thread
    re.I)
_SCORE = re.compile(r"[+-]?\d[\d.,]*\s*(?:points?|votes?|likes?|punkte|stimmen)?", re.I)
_END = re.compile(
    r"(?=[©(catidpmnrywäàslbükzчсрп])(?:"  # first letters of the alternatives (see _RELATIVE)
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|tous droits réservés|"
    r"alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|"
    r"^(?:impressum|datenschutz(?:erklärung)?|privacy policy|mentions légales|terms of (?:use|"
    r"service)|aviso legal|política de privacidad|note legali|cookie (?:policy|settings)|"
    r"related (?:posts|articles|stories)|recent posts|more stories|you may also like|"
    r"ähnliche beiträge|neueste beiträge|weitere artikel|das könnte dich auch interessieren|"
    r"articles similaires|à lire aussi|lire aussi|sur le même sujet|artículos relacionados|"
    r"noticias relacionadas|articoli correlati|leggi anche|newsletter|"
    r"(?:posts|beitrags|article)[- ]navigation|most (?:read|popular)|meist gelesen|"
    r"les plus lus|lo más leído|i più letti|trending|about us|über uns|contact(?: us)?|"
    r"kontakt|meistgelesen\w*|meistkommentiert\w*|mehr zum thema|lesen sie auch|"
    r"das könnte sie auch interessieren|more from|recommended for you|most (?:viewed|shared|"
    r"commented)|top stories|editor'?s picks|read next|les plus populaires|à découvrir|"
    r"lo más visto|más leídas|te puede interesar|potrebbe interessarti|più letti|"
    r"schlagwörter|share this(?: article)?|"
    r"reklama|zobacz (?:więcej|też|także)|czytaj (?:więcej|też|także)|polecamy|"
    r"najczęściej czytane|реклама|читайте также|смотрите также|популярное|"
    r"похожие (?:статьи|материалы|новости))\b)",
    re.I)


# "log in to reply" in other words and languages: a login word and a comment word together
_LOGIN = re.compile(
    r"(?=[lsraeciu])(?:\b(?:log ?in|logged in|sign ?in|signed in|sign up|register|anmelden|"
    r"angemeldet|einloggen|eingeloggt|registrieren|connecté|connectée|connectez|connexion|"
    r"identifiez|inscrivez|iniciar sesión|inicia sesión|identifícate|regístrate|registrarte|"
    r"accedi|registrati|effettua il login)\b)", re.I)
_LOGIN_TARGET = re.compile(r"(?=[crakpé])(?:comment|kommentar|commenta|comentar|repl|antwort|"
                           r"répon|respond|rispond|réagir|publi|post)", re.I)


@lru_cache(maxsize=4096)
def is_widget(text: str) -> bool:
    """True for a comment widget: Reply, Report, vote counts, "Load more comments", form fields."""
    text = text.strip()
    if not text or len(text) > 90:  # widgets are short; long lines are someone's words
        return False
    parts = bullet_parts(text)
    if parts and parts[0] not in "0123456789":
        text = parts[1]
    if _WIDGET_LINE.match(text):
        return True
    if _LOGIN.search(text) and _LOGIN_TARGET.search(text) and not _DIGIT.search(text):
        return True  # "Vous devez être connecté pour publier un commentaire."
    pieces = [p for p in _WIDGET_SPLIT.split(text) if p]
    if pieces and all(_WIDGET_PART.fullmatch(p) for p in pieces):
        return True
    # counts alone ("2019 2020") are no widget: a word must stand among them
    return (len(text) <= 60 and _starts_widget_run(text) and _WIDGET_RUN.fullmatch(text) is not None
            and not text.replace(" ", "").isdigit())


def _starts_widget_run(text: str) -> bool:
    """The line opens with a count or with the first word of a widget word, maybe glued to the
    next ("AntwortenLöschen")."""
    first = text.split(None, 1)[0].lower()
    # the set lookup settles most lines; the prefix regex only the glued ones
    return (first[0] in "0123456789+-" or first.rstrip("0123456789()+-") in _WIDGET_FIRST
            or _WIDGET_FIRST_GLUED.match(first) is not None)


@lru_cache(maxsize=8192)
def is_section_header(text: str) -> bool:
    """A heading that opens a comment section: "Comments", "12 Kommentare", "Vos réactions"."""
    # "{ 38 comments… read them below or add one }": some themes bracket the heading
    text = _LEADING_SYMBOLS.sub("", text.strip().strip("{}[]")).strip().rstrip(":")
    if len(text) > 120:
        return False
    parts = bullet_parts(text)
    if parts and parts[0] not in "0123456789":
        text = parts[1]
    if text.lower() in _OPINION_LABELS:  # a bare singular is an opinion column's label
        return False
    return len(text) <= 120 and bool(_SECTION_HEADER.match(text))


# a toggle or icon the renderer kept before a heading: "± 6 Kommentare zu „…“", "▼ Comments"
_LEADING_SYMBOLS = re.compile(r"^[±+−~›»>▶►▼▾▸◆✚]+\s*")

_OPINION_LABELS = frozenset({"comment", "kommentar", "commentaire", "comentario", "commento",
                             "discussion", "diskussion", "debate", "discusión", "discussione"})


def is_form_invite(text: str) -> bool:
    return len(text) <= 80 and bool(_FORM.match(text.strip()))


def is_page_end(text: str) -> bool:
    """Footer, copyright or navigation that follows a comment section."""
    text = text.strip()
    return len(text) <= 120 and bool(_END.search(text))


# ---------------------------------------------------------------------------------------------
# Comment headers: the lines that open one comment

# how surely a line is part of a comment header: a date over text alone (DATED) is also the
# shape of news lists, "• name" over indented text (BULLET) that of nested menus
NO_HEADER, DATED, BULLET, STRONG = 0, 1, 2, 3


def next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if not lines[j].is_blank:
            return j
    return None


# "Liebe Beate,", "Hi Anna,", "Bonjour à tous,": a greeting on a line of its own
_SALUTATION = re.compile(r"[^\W\d_][^,.;:!?]{1,38},")


def _opens_text(text: str) -> bool:
    """The first line of someone's comment: a sentence, or a greeting before one."""
    return _prose(text) or bool(_SALUTATION.fullmatch(text))


@lru_cache(maxsize=8192)
def _prose(text: str) -> bool:
    """Someone's words (a sentence), not a menu entry, a product list or a title-cased label."""
    if text[-1] in ".!?…" and " " in text:
        return True
    words = text.split()
    if len(words) < 4 or len(text) < 20:
        return False
    # sentences have lowercase words; menus, company names and headlines mostly do not
    return sum(word[0].islower() for word in words) * 4 >= len(words)


_BULLET_NAME = re.compile(r"@?[^\W\d][\w.'’-]*(?: [^\W\d][\w.'’-]*){0,2}")


def _bullet_name(text: str) -> bool:
    """ "• name" content: up to three words of letters, digits and _.'- (no ®, &, +, numbering)."""
    return (len(text) <= 40 and bool(_BULLET_NAME.fullmatch(text)) and not is_widget(text)
            and not _THREAD_WORD.search(text) and timestamp_in(text) is None)


@lru_cache(maxsize=4096)
def name_line(text: str) -> bool:
    """A line that is only an author's name or handle: "Dwight H.", "Pendler_aus_Kirchau"."""
    return (len(text) <= 40 and looks_like_name(text) and handle_like(text)
            and not is_widget(text) and not _THREAD_WORD.search(text)
            and timestamp_in(text) is None)


# "Comment by", "Kommentar von": a theme's words before the commenter's name, on the name's line
_COMMENT_BY = re.compile(r"(?:kommentar von|comment by|commentaire de|comentario de|"
                         r"commento di|komentarz od|комментарий от)\s+", re.I)


def commenter_line(text: str) -> bool:
    """A name line, maybe after a theme's "Comment by" ("Kommentar von Mareike"); a byline
    "Kommentar von" heads opinion columns too, so the callers still want a date beside it."""
    m = _COMMENT_BY.match(text)
    return name_line(text[m.end():] if m else text)


# ---------------------------------------------------------------------------------------------
# Relabelling

_WINDOW = 12  # non-blank lines after a section opener in which the first comment must start
_CHAIN = 15  # most non-blank lines between two comments of a thread with no section heading
_TAIL = 12  # non-blank lines a comment may run past its header (deeper-indented lines: any)
_NAV_RUN = 4  # short boilerplate lines in a row that end a section (a menu or footer)


def _first_body(labels: list[str | None]) -> int:
    return next((i for i, label in enumerate(labels) if label == BODY), 0)


_THREAD_WORD = re.compile(r"(?=[crkanfl])(?:comment|repl|kommentar|antwort|réponse|respuest|rispost|notify|"
                          r"feedback|let us know)", re.I)


_CLOSED = re.compile(r"closed|disabled|geschlossen|deaktiviert|fermés|cerrados|chiusi", re.I)


#: lines of text between a commenter's name and the plugin's closing "Like · Reply · 2y"
PLUGIN_TEXT_LINES = 4


class _Page:
    """One call's lines with what the rules ask of them, each worked out at most once."""

    __slots__ = ("lines", "labels", "texts", "nonblank", "rank", "next", "prev",
                 "_header", "_form", "_opener", "_end", "_section_opener")

    def __init__(self, lines: list[Line], labels: list[str | None]) -> None:
        self.lines = lines
        self.labels = labels
        self.texts = texts = [line.text.strip() for line in lines]
        self.nonblank = nonblank = [i for i, text in enumerate(texts) if text]
        n = len(lines)
        # rank[i]: position in `nonblank` of the first non-blank line at or after i
        rank = [0] * (n + 1)
        nxt: list[int | None] = [None] * n
        k = len(nonblank)
        following: int | None = None
        for i in range(n - 1, -1, -1):
            nxt[i] = following
            if texts[i]:
                following = i
                k -= 1
            rank[i] = k
        rank[n] = len(nonblank)
        prev: list[int | None] = [None] * n
        preceding: int | None = None
        for i in range(n):
            prev[i] = preceding
            if texts[i]:
                preceding = i
        self.rank = rank
        self.next = nxt
        self.prev = prev
        self._header: list[int | None] = [None] * n
        self._form: list[bool | None] = [None] * n
        self._opener: list[bool | None] = [None] * n
        self._end: list[bool | None] = [None] * n
        self._section_opener: list[bool | None] = [None] * n

    def header(self, i: int) -> int:
        """STRONG, BULLET, DATED or NO_HEADER: how surely line `i` opens (or is part of) a comment's header."""
        got = self._header[i]
        if got is None:
            got = self._header[i] = self._header_of(i)
        return got

    def _header_of(self, i: int) -> int:
        text = self.texts[i]
        if len(text) > 120:
            return NO_HEADER
        texts, nxt, prev = self.texts, self.next, self.prev
        parts = bullet_parts(text)
        content = parts[1] if parts else text
        if says_header(content) or author_date_header(content):
            return STRONG
        j, k = nxt[i], prev[i]
        after = texts[j] if j is not None else ""
        before = texts[k] if k is not None else ""
        if timestamp_line(text):
            if k is not None and j is not None and _opens_text(after) and (commenter_line(before) or (
                    _SCORE.fullmatch(before) and prev[k] is not None and name_line(texts[prev[k]]))):
                return STRONG  # a name over its date over the text (a vote count may stand between)
            if j is not None and name_line(after) and nxt[j] is not None \
                    and _opens_text(texts[nxt[j]]):
                return STRONG  # a date over the name over the text
            if j is not None and _opens_text(after) and not timestamp_line(after):
                return DATED  # a date over the text
            return NO_HEADER
        if parts and parts[0][0] not in "0123456789" and j is not None and self.lines[j].indent > self.lines[i].indent \
                and not bullet_parts(after) and _bullet_name(content) and _opens_text(after):
            return BULLET  # "• name" over the indented text
        # a name heads a comment only beside its date or its votes: those tests (cached, and
        # made for every line anyway) go first, so that name_line's runs only where one holds
        if j is None:
            return NO_HEADER
        if not (timestamp_line(after) or _SCORE.fullmatch(after)
                or (k is not None and timestamp_line(before))):
            # "name", a share widget, one line of text, then its date; the widget test
            # first: it is cached and rarely true, name_line is neither
            # (a name is at most 40 characters: most lines skip the plugin's test)
            return STRONG if (self._text_then_date(j) or (
                len(content) <= 40 and self._text_then_widget_date(j))) \
                and name_line(content) else NO_HEADER
        if not commenter_line(content):
            return NO_HEADER
        if timestamp_line(after) and nxt[j] is not None:
            text_at = nxt[j]
            if _SCORE.fullmatch(texts[text_at]) and nxt[text_at] is not None:
                text_at = nxt[text_at]  # "name / date / votes / text"
            if self.header(text_at) == NO_HEADER and _opens_text(texts[text_at]):
                return STRONG
        if _SCORE.fullmatch(after) and nxt[j] is not None and texts[nxt[j]] == content:
            return STRONG  # "name / 12 / name": the forum repeats the author after the votes
        # "date" (the comment above ends with its age), "name", maybe a share widget, "text"
        if is_widget(after) and nxt[j] is not None:
            after = texts[nxt[j]]
        if k is not None and timestamp_line(before) and _opens_text(after):
            return STRONG
        return NO_HEADER

    def _text_then_date(self, j: int) -> bool:
        """Line `j` is a share or reply widget, then comes one line of someone's text, then
        a date line (a vote count may stand between)."""
        texts, nxt = self.texts, self.next
        text_at = nxt[j]
        if text_at is None:
            return False
        closing = nxt[text_at]
        if closing is not None and _SCORE.fullmatch(texts[closing]):
            closing = nxt[closing]
        # the date first: timestamp_line is asked of every line anyway (cached), is_widget not
        return (closing is not None and timestamp_line(texts[closing]) is not None
                and is_widget(texts[j]) and _opens_text(texts[text_at]))

    def _text_then_widget_date(self, j: int) -> bool:
        """Line `j` opens someone's text, which ends within a few lines on its date beside a
        widget: "Like · Reply · 2y" (see `closes_comment`)."""
        texts, nxt = self.texts, self.next
        if not _opens_text(texts[j]):
            return False
        at = nxt[j]
        for _ in range(PLUGIN_TEXT_LINES):
            if at is None:
                return False
            text = texts[at]
            stamp = timestamp_line(text)
            if stamp is not None:
                return closes_comment(text, stamp)
            if not _prose(text):  # a name, a widget, a heading: no comment's words
                return False
            at = nxt[at]
        return False

    def form(self, i: int) -> bool:
        got = self._form[i]
        if got is None:
            text = self.texts[i]
            got = self._form[i] = len(text) <= 80 and bool(_FORM.match(text))
        return got

    def opener(self, i: int) -> bool:
        """A section heading, a form invitation or a widget: the frame around comments."""
        got = self._opener[i]
        if got is None:
            text = self.texts[i]
            got = self._opener[i] = is_section_header(text) or self.form(i) or is_widget(text)
        return got

    def section_opener(self, i: int) -> bool:
        """A line after which a comment section may begin: heading, form, "View all comments"."""
        got = self._section_opener[i]
        if got is None:
            text = self.texts[i]
            # is_widget is False past 90 characters: paragraphs skip the thread-word search
            got = self._section_opener[i] = is_section_header(text) or self.form(i) or (
                len(text) <= 90 and bool(_THREAD_WORD.search(text)) and is_widget(text)
                and not _CLOSED.search(text))
        return got

    def end(self, i: int) -> bool:
        got = self._end[i]
        if got is None:
            got = self._end[i] = is_page_end(self.texts[i])
        return got


def _blocks(page: _Page, first: int, stop: int, gap: int,
            least: int = DATED) -> list[tuple[int, int, int]]:
    """(position, strength, indent) of comment headers from nonblank position `first`.

    Adjacent header lines ("name" then "date") are one header. Stops at a page end, at `stop`,
    or after `gap` non-blank lines with no header; headers weaker than `least` do not count.
    """
    nonblank, lines = page.nonblank, page.lines
    found: list[tuple[int, int, int]] = []
    last = first - 1
    in_block = False
    for pos in range(first, min(stop, len(nonblank))):
        if pos - last > gap:
            break
        i = nonblank[pos]
        strength = page.header(i)
        if strength < least:
            if page.end(i):
                break
            in_block = False
            continue
        if in_block:
            p, s, indent = found[-1]
            found[-1] = (p, max(s, strength), indent)
        else:
            found.append((pos, strength, lines[i].indent))
        in_block = True
        last = pos
    return found


def _thread_after(page: _Page, pos: int) -> bool:
    """A comment starts within a few lines after a section opener (nonblank position `pos`)."""
    blocks = _blocks(page, pos, pos + _WINDOW, _WINDOW)
    if any(strength == STRONG for _, strength, _ in blocks):
        return True
    return len(blocks) >= 2 or (bool(blocks) and blocks[0][0] - pos < 3)


def _headerless_thread(page: _Page, pos: int) -> bool:
    """The header at nonblank position `pos` opens a thread that has no section heading.

    Two comments with strong headers ("says:", author and date), or three "• name" comments
    (two when the second is an indented reply to the first), each within a few lines of the last.
    """
    blocks = _blocks(page, pos, len(page.nonblank), _CHAIN, least=BULLET)
    if len(blocks) < 2:
        return False
    if blocks[0][1] == STRONG and blocks[1][1] == STRONG:
        # "says:" is a comment's own word; dates and names over text are also news lists,
        # told apart by a reply widget ("Reply", "Répondre") between the two comments
        if says_header(page.texts[page.nonblank[pos]]):
            return True
        nonblank = page.nonblank
        return any(is_widget(page.texts[nonblank[q]])
                   for q in range(pos, min(blocks[1][0] + 4, len(nonblank))))
    return len(blocks) >= 3 or blocks[1][2] > blocks[0][2]


def _find_start(page: _Page) -> int | None:
    labels = page.labels
    nonblank = page.nonblank
    begin = _first_body(labels)
    for pos in range(page.rank[begin] if begin < len(page.rank) else len(nonblank), len(nonblank)):
        i = nonblank[pos]
        if labels[i] == "title":
            continue
        if page.section_opener(i):
            if _thread_after(page, pos + 1):
                return i
        elif page.header(i) >= BULLET and not _under_link_box(page, pos) \
                and _headerless_thread(page, pos):
            return i
    return None


#: non-blank lines above a headerless thread in which a "More from …" heading makes it a list
LINK_BOX_REACH = 8


def _under_link_box(page: _Page, pos: int) -> bool:
    """A heading of related links ("More From the Times", "Das könnte Sie auch interessieren")
    stands a few lines above, with no word of comments in between ("52Comments"): "• Politics"
    over an indented headline is a teaser, not a commenter over a comment."""
    nonblank = page.nonblank
    for q in range(pos - 1, max(-1, pos - 1 - LINK_BOX_REACH), -1):
        i = nonblank[q]
        if _THREAD_WORD.search(page.texts[i]):
            return False
        if page.end(i):
            return True
    return False


def is_comment_header(lines: list[Line], i: int) -> bool:
    """Line `i` opens a comment: "Name says:", "Name / date", "• Name" over indented text …"""
    return _Page(lines, [None] * len(lines)).header(i) != NO_HEADER


def find_section_start(lines: list[Line], labels: list[str | None]) -> int | None:
    """Index of the line that opens the comment section, or None when the page has none."""
    return _find_start(_Page(lines, labels))


def _relabel_section(page: _Page, start: int) -> tuple[list[str | None], int]:
    """Labels inside the section from `start`, and the index where the section ends."""
    lines, labels, texts = page.lines, page.labels, page.texts
    out = list(labels)
    seen_comment = False
    last_header = -2
    header_indent = 0
    nav_run: list[int] = []
    nonblank = page.nonblank
    for pos in range(page.rank[start], len(nonblank)):
        i = nonblank[pos]
        text = texts[i]
        strength = page.header(i)
        if strength:
            seen_comment = True
            # a header of several lines ("1. Anna sagt:", then its indented date) stands
            # where its first line does
            indent = lines[i].indent
            header_indent = min(header_indent, indent) if last_header == pos - 1 else indent
            last_header = pos
            nav_run = []
            out[i] = COMMENT
            continue
        if not seen_comment or page.opener(i):
            out[i] = BOILERPLATE  # the heading, sort tabs, forms, widgets
            continue
        # a footer or a form ends the thread; indented under a comment's header (and no list
        # item) it is that comment's words ("Nur mal zu deinem Copyright …") or a reply box
        if (page.end(i) or page.form(i)) and (lines[i].indent <= header_indent
                                               or bullet_parts(text)):
            return out, i
        if pos - last_header > _TAIL and lines[i].indent <= header_indent:
            return out, i  # no comment runs this long: the thread is over
        # a menu after the thread, flush left or as a bulleted list ("* Ropa", "* Gaz" …):
        # a comment's header would have reset the run
        if labels[i] == BOILERPLATE and len(text) < 60 and (lines[i].indent == 0
                                                            or bullet_parts(text)):
            nav_run.append(i)
            if len(nav_run) >= _NAV_RUN:
                return _undo_run(out, labels, nav_run), nav_run[0]
        else:
            nav_run = []
        out[i] = COMMENT
    return out, len(lines)


def _undo_run(out: list[str | None], labels: list[str | None], run: list[int]) -> list[str | None]:
    for i in run:
        out[i] = labels[i]
    return out


def _demote_outside(out: list[str | None], begin: int, end: int) -> None:
    """A classifier `comment` outside the section takes its neighbours' label."""
    previous: str | None = None
    for i in range(begin, end):
        label = out[i]
        if label is None:
            continue
        if label == COMMENT:
            label = out[i] = previous if previous in (BODY, BOILERPLATE) else BODY
        previous = label


def mark_comment_lines(lines: list[Line], labels: list[str | None]) -> list[str | None]:
    """Relabel a classifier's line labels by comment-thread structure (see module docstring)."""
    if len(lines) != len(labels):
        raise ValueError(f"{len(lines)} lines but {len(labels)} labels")
    page = _Page(lines, labels)
    start = _find_start(page)
    if start is None:
        out = list(labels)
        _demote_outside(out, 0, len(out))
        return out
    out, end = _relabel_section(page, start)
    # between the article and the section: a newsletter box, share buttons, not the article
    last_body = max((i for i in range(start) if out[i] == BODY), default=-1)
    for i in range(last_body + 1, start):
        if out[i] == COMMENT:
            out[i] = BOILERPLATE
    _demote_outside(out, 0, start)
    _demote_outside(out, end, len(out))
    return out
