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

from presslens.document import Line

COMMENT, BOILERPLATE, BODY = "comment", "boilerplate", "body"

# ---------------------------------------------------------------------------------------------
# Dates and times (en, fr, de, es, it)

_MONTHS = {
    1: "january jan janvier janv januar jänner jaenner enero ene gennaio gen",
    2: "february feb février fevrier févr fevr februar febrero febbraio",
    3: "march mar mars märz maerz mär marzo",
    4: "april apr avril avr abril abr aprile",
    5: "may mai mayo maggio mag",
    6: "june jun juin juni junio giugno giu",
    7: "july jul juillet juil juli julio luglio lug",
    8: "august aug août aout agosto ago",
    9: "september sep sept septembre septiembre setiembre settembre set",
    10: "october oct octobre oktober okt octubre ottobre ott",
    11: "november nov novembre noviembre",
    12: "december dec décembre decembre déc dezember dez diciembre dic dicembre",
}
MONTH_NUMBER = {name: num for num, names in _MONTHS.items() for name in names.split()}
# longest names first so "sept" wins over "sep" and "mars" over "mar"
_DIGIT = re.compile(r"\d")

# Month names are matched as any short word and then looked up: one alternation of a hundred
# names tried at every position made the search ten times slower.
_WORD = r"([^\W\d_]{3,10})"
_DATE_PATTERNS = (
    # 2019-10-18
    ("ymd", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    # 18.10.2019, 22/01/2020, 14. 01. 2020, 8.6.20
    ("dmy", re.compile(r"\b(\d{1,2})\s?[./]\s?(\d{1,2})\s?[./]\s?(\d{4}|\d{2})\b")),
    # 18. Oktober 2019, 15 mai 2019, 3 de marzo de 2019
    ("dMy", re.compile(rf"\b(\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?{_WORD}\.?,?\s+"
                       rf"(?:de\s+)?(\d{{4}})\b")),
    # March 3, 2019 / Feb 6, 2014
    ("Mdy", re.compile(rf"\b{_WORD}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")),
    # 24-01-22: day and year cannot be told apart, kept raw
    ("raw", re.compile(r"\b\d{2}-\d{2}-\d{2}\b")),
    # 12 Octobre, without a year: kept raw
    ("dM", re.compile(rf"\b(\d{{1,2}})\.?\s+{_WORD}\b\.?")),
)
_MONTH_GROUP = {"dMy": 1, "Mdy": 0, "dM": 1}
_TIME = re.compile(r"\b(\d{1,2})\s?(?::|h|Uhr\s?)\s?(\d{2})(?::\d{2})?(?:\s?([ap])\.?m\.?)?(?!\d)",
                   re.I)
# every alternative starts with one of the letters in the lookahead: the search skips other
# positions after one class test instead of trying each alternative there
_RELATIVE = re.compile(
    r"(?=[\daoeuivhytjg])(?:"
    r"\b(?:\d+|an?|one|ein(?:e|em|er)?|un(?:e|a|o)?)\s+"
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?|"
    r"secondes?|heures?|jours?|semaines?|mois|ans?|années?|"
    r"segundos?|minutos?|horas?|días?|dias?|semanas?|meses|mes|años?|"
    r"secondi|minuti|ore|ora|giorni|giorno|settimane?|mesi|mese|anni|anno)"
    r"(?:\s+(?:ago|fa))?\b"
    r"|\b(?:il y a|vor|hace)\s+(?:\d+|une?|einem|einer|un|una)\s+\w+"
    r"|\b(?:yesterday|today|just now|gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi)\b)",
    re.I)
_FILLER = re.compile(
    r"\b(?:at|on|um|uhr|à|a|le|el|de|del|alle|il|am|the|posted|edited|updated|modifié|publié|"
    r"bearbeitet|ago|fa|il y a|vor|hace|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|lunes|martes|miércoles|jueves|viernes|"
    r"sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)\b"
    r"|[\s,./|·•\-–—:()\[\]#]+",
    re.I)


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
    for kind, pattern in _DATE_PATTERNS if has_digit else ():
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
    m = _RELATIVE.search(text) if len(text) <= 80 else None  # an age stands on a short line
    if m:
        return Timestamp(m.start(), m.end(), m.group(0))
    return None


def _only_filler(text: str) -> bool:
    return not _FILLER.sub("", text)


def timestamp_line(text: str) -> Timestamp | None:
    """The timestamp when the whole line is a date/time/age and nothing else."""
    stamp = timestamp_in(text)
    if stamp is None or not _only_filler(text[:stamp.start] + " " + text[stamp.end:]):
        return None
    if _TIME.fullmatch(text.strip()):  # a bare "11:43" is a clock, still a comment's time
        return stamp
    return stamp


# ---------------------------------------------------------------------------------------------
# Line shapes

_BULLET = re.compile(r"^([•\-*·▪◦‣●■+o]|\d{1,3}[.)])\s+(?=\S)")
_NAME_FORBIDDEN = re.compile(r"[,;:!?…\"“”«»()<>@=]|https?:|www\.|\.\S{2,}$")


def bullet_parts(text: str) -> tuple[str, str] | None:
    """(marker, content) when the stripped line starts with a list marker, else None."""
    m = _BULLET.match(text)
    return (m.group(1), text[m.end():]) if m else None


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
_SAYS = re.compile(
    r"\s(?:says|said|wrote|writes|replied|dit|a dit|écrit|a écrit|répond|sagt|schreibt|schrieb|"
    r"meint|antwortet|dice|dijo|escribe|escribió|comenta|comentó|scrive|ha scritto|scrisse|"
    r"risponde)\s*:\s*",
    re.I)
_AUTHOR_PREFIX = re.compile(r"^(?:#?\d+\s+)?(?:kommentar von|comment by|commentaire de|"
                            r"comentario de|commento di|by|par|von|de|di|posted by)\s+", re.I)
_AUTHOR_SUFFIX = re.compile(r"(?:[\s,/|·•\-–—]|\b(?:le|am|à|el|il|on))*$", re.I)
_HEADER_SEPARATOR = re.compile(r"(?:[,/|·•\-–—]|\b(?:le|am|à|el|il))\s*$", re.I)
_WEEKDAY_END = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|"
    r"sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|lunes|martes|miércoles|jueves|"
    r"viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)"
    r"\.?,?\s*$", re.I)
_TRAILING_WIDGET = re.compile(r"\s+(?:reply|antworten|répondre|responder|rispondi)\s*$", re.I)


def says_header(text: str) -> tuple[str, str] | None:
    """(author, text after the colon) for "Name says: …", "Name dit :", "Name schreibt:"."""
    if ":" not in text[:80]:  # the verb's colon: the regex below needs one
        return None
    m = _SAYS.search(text, 0, 80)
    if not m or m.start() > 61:
        return None
    author = _AUTHOR_PREFIX.sub("", text[:m.start()]).strip()
    if not looks_like_name(author):
        return None
    return author, _TRAILING_WIDGET.sub("", text[m.end():]).strip()


def author_date_header(text: str) -> tuple[str, Timestamp] | None:
    """(author, timestamp) for "Name / 22.04.2020", "Par X, le 15 mai 2019 à 08h07"."""
    stamp = timestamp_in(text)
    if stamp is None or stamp.start == 0:
        return None
    rest = text[stamp.end:]
    if not _only_filler(rest) and not is_widget(rest.strip(" ,.-/|")):
        return None
    before = _WEEKDAY_END.sub("", text[:stamp.start])
    if not _HEADER_SEPARATOR.search(before.rstrip()) and not _AUTHOR_PREFIX.match(before):
        return None  # "I was there on March 3, 2019" is a sentence, not a header
    author = _AUTHOR_SUFFIX.sub("", _AUTHOR_PREFIX.sub("", before)).strip()
    if not looks_like_name(author) or _SCORE.fullmatch(author.lower()):
        return None
    return author, stamp


# ---------------------------------------------------------------------------------------------
# Section cues

_STRONG = (r"comments?|kommentare?|leserkommentare|commentaires?|comentarios?|commenti|"
           r"commento|réactions|vos réactions|discussion|diskussion|discusión|discussione|"
           r"leserpost|leserbriefe|user comments|reader comments|readers' comments")
_WEAK = (r"thoughts?|gedanken|responses?|replies|antworten|reaktionen|reactions?|réponses?|"
         r"respuestas?|risposte|meinungen|avis|opinions?|opiniones")
_COUNT = r"(?:\d[\d.,]*|one|un|une|ein|eine|uno|una)"
_ON = r"(?:on|zu|to|auf|sur|à|a|en|su|zum)"
_SECTION_HEADER = re.compile(
    # "Comments", "12 Kommentare", "Commentaires (3)"
    rf"^(?:{_COUNT}\s+)?(?:{_STRONG})(?:\s*\(?\d+\)?)?\s*:?$"
    # "5 Gedanken zu „Titel“", "One thought on “Title”": a count, or the title quoted
    rf"|^{_COUNT}\s+(?:{_STRONG}|{_WEAK})(?:\s+{_ON}\b.*)?\s*:?$"
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
    r"me gusta|rispondi|segnala|condividi|mi piace|cita|haut de page|top|back to top"
)
_WIDGET_PART = re.compile(rf"(?:{_WIDGET_WORDS})(?:\s*\(?[+-]?\d+\)?)?|[+-]?\d+(?:\s*(?:{_WIDGET_WORDS}))?",
                          re.I)
_WIDGET_SPLIT = re.compile(r"\s*[·•|/]\s*|\s{2,}")
_WIDGET_LINE = re.compile(
    r"^(?:load|show|view|see|read|display) (?:all |more |the |\d+ )*(?:more )?(?:comments?|replies|"
    r"responses)\b.*"
    r"|^(?:hide|collapse|expand) (?:\d+ )?(?:comments?|replies|thread)\b.*"
    r"|^(?:log ?in|sign ?in|register|sign up)\b.*\b(?:comment|reply|post)\b.*"
    r"|^you must be (?:logged|signed) in\b.*"
    r"|^notify (?:me )?of\b.*|^inline feedbacks?$|^(?:newest|oldest|most voted|most liked|"
    r"best|top|new|old)(?:\s*[|·]\s*\w+)*$|^sort(?:ed)? by\b.*"
    r"|^please let us know if you're having issues with commenting\.?$"
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
    r"|^(?:article rating|bewertung)$",
    re.I)
_SCORE = re.compile(r"[+-]?\d[\d.,]*\s*(?:points?|votes?|likes?|punkte|stimmen)?", re.I)
_END = re.compile(
    r"(?=[©(catidpmnrywäàslbük])(?:"  # first letters of the alternatives (see _RELATIVE)
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
    r"kontakt)\b)",
    re.I)


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
    pieces = [p for p in _WIDGET_SPLIT.split(text) if p]
    return bool(pieces) and all(_WIDGET_PART.fullmatch(p) for p in pieces)


def is_section_header(text: str) -> bool:
    """A heading that opens a comment section: "Comments", "12 Kommentare", "Vos réactions"."""
    text = text.strip().rstrip(":")
    if len(text) > 120:
        return False
    parts = bullet_parts(text)
    if parts and parts[0] not in "0123456789":
        text = parts[1]
    return len(text) <= 120 and bool(_SECTION_HEADER.match(text))


def is_form_invite(text: str) -> bool:
    return len(text) <= 80 and bool(_FORM.match(text.strip()))


def is_page_end(text: str) -> bool:
    """Footer, copyright or navigation that follows a comment section."""
    text = text.strip()
    return len(text) <= 120 and bool(_END.search(text))


# ---------------------------------------------------------------------------------------------
# Comment headers: the lines that open one comment


def next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if not lines[j].is_blank:
            return j
    return None


def _header_shape(text: str, indent: int, follower_text: str | None, follower_indent: int) -> bool:
    """`is_comment_header` on a stripped line and its next non-blank line (None: there is none)."""
    if len(text) > 120:
        return False
    if says_header(text) or author_date_header(text):
        return True
    if follower_text is None:
        return False
    if timestamp_line(text):  # a date line over the comment's text
        return len(follower_text) > 20 and not timestamp_line(follower_text)
    parts = bullet_parts(text)
    if parts and looks_like_name(parts[1]):
        # "• Name" with its text indented below; a nested list item has a bullet below instead
        return follower_indent > indent and not bullet_parts(follower_text)
    return False


def is_comment_header(lines: list[Line], i: int) -> bool:
    """Line `i` opens a comment: "Name says:", "Name / date", or "• Name" over indented text."""
    j = next_nonblank(lines, i)
    follower = lines[j] if j is not None else None
    return _header_shape(lines[i].stripped, lines[i].indent,
                         follower.stripped if follower is not None else None,
                         follower.indent if follower is not None else 0)


# ---------------------------------------------------------------------------------------------
# Relabelling

_WINDOW = 40  # non-blank lines after a section header in which a comment must show up
_NAV_RUN = 4  # short boilerplate lines in a row that end a section (a menu or footer)


def _first_body(labels: list[str | None]) -> int:
    return next((i for i, label in enumerate(labels) if label == BODY), 0)


_THREAD_WORD = re.compile(r"(?=[crkanfl])(?:comment|repl|kommentar|antwort|réponse|respuest|rispost|notify|"
                          r"feedback|let us know)", re.I)


class _Page:
    """One call's lines with what the rules ask of them, each worked out at most once."""

    __slots__ = ("lines", "labels", "texts", "nonblank", "rank", "next", "last_body",
                 "_header", "_form", "_opener", "_thread_widget")

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
        self.rank = rank
        self.next = nxt
        self.last_body = max((i for i, label in enumerate(labels) if label == BODY), default=-1)
        self._header: list[bool | None] = [None] * n
        self._form: list[bool | None] = [None] * n
        self._opener: list[bool | None] = [None] * n
        self._thread_widget: list[bool | None] = [None] * n

    def header(self, i: int) -> bool:
        got = self._header[i]
        if got is None:
            text = self.texts[i]
            if len(text) > 120:
                got = False
            else:
                j = self.next[i]
                lines = self.lines
                if j is None:
                    got = _header_shape(text, 0, None, 0)
                else:
                    got = _header_shape(text, lines[i].indent, self.texts[j], lines[j].indent)
            self._header[i] = got
        return got

    def form(self, i: int) -> bool:
        got = self._form[i]
        if got is None:
            text = self.texts[i]
            got = self._form[i] = len(text) <= 80 and bool(_FORM.match(text))
        return got

    def opener(self, i: int) -> bool:
        got = self._opener[i]
        if got is None:
            text = self.texts[i]
            got = self._opener[i] = is_section_header(text) or self.form(i) or is_widget(text)
        return got

    def thread_widget(self, i: int) -> bool:
        got = self._thread_widget[i]
        if got is None:
            text = self.texts[i]
            got = self._thread_widget[i] = is_widget(text) and bool(_THREAD_WORD.search(text))
        return got


def _has_thread_after(page: _Page, i: int, widgets_count: bool = True) -> bool:
    """A comment header (or thread widget) soon after `i`, or no article text at all after it."""
    nonblank = page.nonblank
    first = page.rank[i + 1] if i + 1 < len(page.rank) else len(nonblank)
    for j in nonblank[first:first + _WINDOW]:
        if page.header(j) or (widgets_count and page.thread_widget(j)):
            return True
    return widgets_count and page.last_body <= i


def _headerless_start(page: _Page, begin: int) -> int | None:
    """The first comment header that is followed by a second one: a thread with no heading."""
    first = None
    nonblank = page.nonblank
    for j in nonblank[page.rank[begin] if begin < len(page.rank) else len(nonblank):]:
        if not page.header(j):
            continue
        if first is not None:
            return first
        first = j
    return None


def _find_start(page: _Page) -> int | None:
    labels = page.labels
    texts = page.texts
    begin = _first_body(labels)
    nonblank = page.nonblank
    for i in nonblank[page.rank[begin] if begin < len(page.rank) else len(nonblank):]:
        if labels[i] == "title":
            continue
        text = texts[i]
        if is_section_header(text) or page.form(i):
            if _has_thread_after(page, i):
                return i
        elif _WIDGET_LINE.match(text) and _THREAD_WORD.search(text):
            # "Notify of", "View all comments": a thread widget with a comment right after
            if _has_thread_after(page, i, widgets_count=False):
                return i
    return _headerless_start(page, begin)


def find_section_start(lines: list[Line], labels: list[str | None]) -> int | None:
    """Index of the line that opens the comment section, or None when the page has none."""
    return _find_start(_Page(lines, labels))


def _opener(text: str) -> bool:
    return is_section_header(text) or is_form_invite(text) or is_widget(text)


def _relabel_section(page: _Page, start: int) -> tuple[list[str | None], int]:
    """Labels inside the section from `start`, and the index where the section ends."""
    lines, labels, texts = page.lines, page.labels, page.texts
    out = list(labels)
    seen_comment = False
    nav_run: list[int] = []
    nonblank = page.nonblank
    for i in nonblank[page.rank[start]:]:
        text = texts[i]
        label = labels[i]
        if seen_comment and (is_page_end(text) or page.form(i)):
            return out, i
        if page.opener(i) or (not seen_comment and label == BOILERPLATE and not page.header(i)):
            out[i] = BOILERPLATE  # the heading, sort tabs, widgets before the first comment
            continue
        if seen_comment and label == BOILERPLATE and len(text) < 60 \
                and lines[i].indent == 0 and not page.header(i):
            nav_run.append(i)
            if len(nav_run) >= _NAV_RUN:
                return _undo_run(out, labels, nav_run), nav_run[0]
        else:
            nav_run = []
        out[i] = COMMENT
        seen_comment = True
    return out, len(lines)


def _undo_run(out: list[str | None], labels: list[str | None], run: list[int]) -> list[str | None]:
    for i in run:
        out[i] = labels[i]
    return out


def _demote(label: str | None, before: str | None) -> str | None:
    """A classifier `comment` outside the section takes its neighbours' label."""
    if label != COMMENT:
        return label
    return before if before in (BODY, BOILERPLATE) else BODY


def _demote_outside(out: list[str | None], begin: int, end: int) -> None:
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
    _demote_outside(out, 0, start)
    _demote_outside(out, end, len(out))
    return out
