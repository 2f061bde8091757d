"""Per-line features for the segmenter: shape, cues and context, language- and site-neutral.

Every feature is a property of the line's form (length, letters, punctuation, indentation), its
place in the page (position, block, distance to the longest text block, repetition) or a short
multilingual cue lexicon (boilerplate, comments, photo credits). The same features of the two
lines before and after are appended, so the classifier sees each line in context.
"""

from __future__ import annotations

import itertools
import math
import re
import string
from collections import Counter
from functools import lru_cache
from operator import itemgetter
from typing import Sequence

import numpy as np

from presslens.document import Line

# -- cue lexicons -------------------------------------------------------------------------------
# All cue patterns are matched against the lower-cased head of a line (no IGNORECASE: it
# made matching several times slower).
# Phrases that mark page furniture in en, fr, de, es, it, pl, ru, pt, nl. Matched case-blind
# anywhere in a line; the classifier weighs them against the line's shape (a long sentence that
# happens to say "share" stays body).
_BOILERPLATE_CUES = [
    # en
    r"subscribe", r"newsletter", r"sign up", r"sign in", r"log ?in", r"log ?out", r"register",
    r"share (this|on)", r"share\b", r"tweet", r"cookies?", r"privacy( policy)?",
    r"terms (of use|of service|and conditions)", r"copyright", r"all rights reserved",
    r"previous (article|post|story)", r"next (article|post|story)", r"read more", r"more from",
    r"related (articles?|stories|posts|content)", r"recommended", r"you (may|might) also like",
    r"donate", r"support us", r"advertis\w*", r"sponsored", r"follow us", r"contact us",
    r"about us", r"skip to", r"back to top", r"main menu", r"search", r"menu", r"home\b",
    r"print\b", r"e-?mail\b", r"tags?:", r"categor(y|ies)", r"filed under", r"most (read|popular)",
    r"trending", r"click here", r"download", r"app\b", r"facebook", r"twitter", r"instagram",
    r"linkedin", r"whatsapp", r"telegram", r"youtube", r"pinterest", r"rss", r"imprint",
    r"accept", r"continue reading", r"premium", r"paywall", r"free trial", r"sitemap",
    # fr
    r"abonne\w*", r"inscri\w*", r"partager", r"connexion", r"se connecter", r"mentions légales",
    r"tous droits réservés", r"article (précédent|suivant)", r"lire (aussi|la suite|plus)",
    r"à lire aussi", r"sur le même sujet", r"faire un don", r"soutenez", r"publicité",
    r"suivez-nous", r"nous contacter", r"accueil", r"rechercher", r"en savoir plus",
    # de
    r"abonnier\w*", r"abo\b", r"anmelden", r"abmelden", r"registrieren", r"teilen",
    r"datenschutz\w*", r"impressum", r"alle rechte vorbehalten", r"vorheriger? artikel",
    r"nächster artikel", r"weiterlesen", r"mehr zum thema", r"mehr lesen", r"das könnte sie",
    r"spenden", r"anzeige", r"werbung", r"folgen sie", r"kontakt", r"startseite", r"suche\b",
    r"zurück", r"nutzungsbedingungen", r"jetzt lesen", r"zum artikel", r"mehr artikel",
    # es
    r"suscr[ií]b\w*", r"bolet[ií]n", r"compartir", r"iniciar sesi[oó]n", r"reg[ií]strate",
    r"todos los derechos reservados", r"art[ií]culo (anterior|siguiente)", r"leer m[aá]s",
    r"relacionad[oa]s", r"don(ar|aci[oó]n)", r"publicidad", r"s[ií]guenos", r"contacto",
    r"inicio\b", r"buscar", r"aviso legal", r"pol[ií]tica de privacidad",
    # it
    r"iscriviti", r"condividi", r"accedi", r"tutti i diritti riservati",
    r"articolo (precedente|successivo)", r"leggi (anche|di più)", r"correlati", r"dona\b",
    r"pubblicità", r"seguici", r"contatti", r"cerca\b",
    # pl
    r"subskrybuj", r"zapisz się", r"udostępnij", r"zaloguj", r"wszelkie prawa zastrzeżone",
    r"poprzedni artykuł", r"następny artykuł", r"czytaj (więcej|też|także)", r"zobacz (też|także)",
    r"powiązane", r"wesprzyj", r"reklama", r"obserwuj", r"kontakt", r"szukaj",
    r"polityka prywatności", r"udostępnij",
    # ru
    r"подпи\w*", r"рассылк\w*", r"поделиться", r"войти", r"регистрац\w*",
    r"все права защищены", r"предыдущая статья", r"следующая статья", r"читать (далее|также)",
    r"читайте также", r"похожие", r"пожертвова\w*", r"реклама", r"контакты", r"поиск",
    # pt / nl
    r"assine", r"inscreva-se", r"compartilhe", r"todos os direitos reservados", r"leia (mais|também)",
    r"abonneer", r"deel\b", r"inloggen", r"alle rechten voorbehouden", r"lees (meer|ook)",
    # "read also:" leads and credits that introduce a teaser or a picture source
    r"see also", r"also read", r"read also", r"watch:", r"listen:", r"lea( también| más)?:",
    r"vea también", r"ver también", r"lesen sie (auch|mehr)", r"auch interessant", r"tipp:",
    r"voir aussi", r"lire aussi", r"czytaj", r"fot\.", r"zobacz", r"leggi", r"guarda anche",
    r"смотрите также", r"читайте",
]


def grouped_alternation(patterns: Sequence[str]) -> str:
    """The alternation of `patterns` (each opening with a literal character), grouped by that
    character.

    A flat alternation of ~250 phrases is tried phrase by phrase at every position; grouping
    by the first letter makes each position cost one branch test (20x faster on long lines).
    Only alternatives with the same first character can match at one position, and their
    order is kept, so the alternation matches exactly what the flat one does.
    """
    groups: dict[str, list[str]] = {}
    for pattern in patterns:
        pattern = pattern.removeprefix(r"\b")
        groups.setdefault(pattern[0], []).append(pattern[1:])
    branches = [re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in groups.items()]
    return "(?:" + "|".join(branches) + ")"


# over lower-cased text
_BOILERPLATE = re.compile(r"\b" + grouped_alternation(_BOILERPLATE_CUES))


def has_boilerplate_cue(low: str) -> bool:
    """Whether lower-cased `low` holds one of the multilingual furniture cues ("share",
    "subscribe", "tweet", "abonnieren" …)."""
    return _BOILERPLATE.search(low) is not None


_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright|\ball rights\b|droits réservés|"
                        r"rechte vorbehalten|derechos reservados|diritti riservati|"
                        r"prawa zastrzeżone|права защищены")

# every _COPYRIGHT alternative holds one of these; a literal prefilter is many times faster
_COPYRIGHT_HINTS = ("©", "(c)", "copyright", "rights", "réservés", "vorbehalten", "reservados",
                    "riservati", "zastrzeżone", "защищены")
_COPYRIGHT_HINT = re.compile("|".join(map(re.escape, _COPYRIGHT_HINTS)))
_COMMENT_HEADER = re.compile(
    r"^\s*(\d+\s+)?(comments?|responses?|replies|reactions|kommentare?|commentaires?|"
    r"comentarios?|commenti|komentarz\w*|комментари\w*|reacties|discussion|discussione?|"
    r"leave a (reply|comment)|post a comment|add a comment|write a comment|"
    r"join the discussion|laisser un commentaire|écrire un commentaire|"
    r"kommentar schreiben|deja un comentario|lascia un commento|dodaj komentarz|"
    r"оставить комментарий|view all comments|show comments|load more comments|"
    r"inline feedbacks?|notify of)\b.{0,40}$")
_COMMENT_CUE = re.compile(
    r"\b(reply|replies|antworten|répondre|responder|rispondi|odpowiedz|ответить|"
    r"says|said on|schreibt|wrote|a écrit|escribió|scrive|napisał\w*|пишет|"
    r"likes?|upvotes?|downvotes?|report( abuse)?|melden|signaler|permalink|"
    r"\d+\s+(comments?|kommentare|commentaires|comentarios|commenti|komentarzy|"
    r"комментари\w*))\b\s*:?")
_TIME_AGO = re.compile(
    r"\b\d+\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"sekunden|minuten|stunden|tagen?|wochen|monaten|jahren|"
    r"secondes?|heures?|jours?|semaines?|mois|ans|"
    r"segundos?|minutos?|horas?|días|semanas|meses|años|"
    r"secondi|ore|giorni|settimane|mesi|anni|"
    r"sekund|minut|godzin\w*|dni|tygodni|miesięcy|lat|"
    r"секунд\w*|минут\w*|час\w*|дн\w*|недел\w*|месяц\w*|лет)\s+(ago|her)\b|"
    r"\b(vor|il y a|hace|fa|temu|назад)\b")
# _TIME_AGO's alternative without digits: all a line without digits can match
_AGO_WORD = re.compile(r"\b(vor|il y a|hace|fa|temu|назад)\b")
_TIMESTAMP = re.compile(
    r"\b\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|"
    r"\b(19|20)\d{2}\b")
_MONTH_NAMES = frozenset("""
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june
    july august september october november december januar februar märz mai juni juli oktober
    dezember janvier février mars avril juin juillet août septembre octobre novembre décembre
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre stycznia lutego
    marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia января
    февраля марта апреля мая июня июля августа сентября октября ноября декабря
    """.split())
_BYLINE = re.compile(
    r"^\s*(by|von|par|por|di|da|autor\w*|author|written by|posted by|published( by)?|"
    r"publié( par)?|veröffentlicht|aktualisiert|updated|mis à jour|actualizado|aggiornato|"
    r"opublikowano|автор|опубликовано|обновлено)\b")
_CREDIT = re.compile(
    r"\b(afp|getty( images)?|reuters|ap photo|dpa|epa|imago|shutterstock|istock|picture alliance|"
    r"anadolu|xinhua|sputnik|tass|ria novosti)\b|"
    r"^\s*(photo|foto|bild|image|picture|credit|crédit|source|quelle|fuente|fonte|źródło|"
    r"фото|источник)s?\s*:|"
    r"\b(photo|foto|image|picture|illustration|illustrative image|archive image|"
    r"image d.archive|bild|zdjęcie|фото)\b")
_CURRENCY = re.compile(r"^[\s\d.,'\u00a0]*[\d][\s\d.,'\u00a0]*(\$|€|£|¥|₽|zł|chf|usd|eur)\s*$|"
                       r"^\s*(\$|€|£|¥|₽)\s*[\d][\d\s.,']*\s*$")
_URLISH = re.compile(r"https?://|www\.|\.(com|org|net|de|fr|pl|ru|es|it)\b|@\w")
_BULLET = re.compile(r"^\s*([•·\-*–—►▪▸◦●○■□→»>|]|\d{1,3}[.)]\s)")
_SEPARATORS = re.compile(r"\s[|/»>·•]\s|\s[-–—]\s")
_SENTENCE_END = re.compile(r"[.!?。！？…:;\"'”»)\]](\s*[\"'”»)\]])?\s*$")
_TERMINAL = re.compile(r"[.!?。！？…](\s*[\"'”»)\]])?\s*$")
_WORD = re.compile(r"\w+")
_NON_LETTERS = re.compile(r"[\W\d_]+")  # counting runs of these is faster than letters one by one
_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-ZÀ-ÞĀ-ŽА-ЯΑ-Ω]")
# on ASCII text the classes above are these bytes ([^\W\d_]: letters, \d: 0-9, _UPPER: A-Z)
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_DIGITS = string.digits.encode()
_ASCII_UPPER = string.ascii_uppercase.encode()
# the first letter of each word (a group: findall then gives the letters themselves)
_WORD_INITIAL = re.compile(r"\b([^\W\d_])[\w'’-]*")

# Whole-word cues as sets. An alternative inside `\b(...)\b` made only of word characters
# matches exactly where it is one of the line's \w+ words, so these set tests give the same
# answer as the regexes (searched at every position, several times slower). Each regex is still
# run where a set cannot decide: its multi-word or prefix alternatives, behind literal hints.
# _CREDIT's word alternatives; "getty images", "ap photo", "picture alliance" and the
# "image …" phrases hold one of these words, so only "ria novosti" and the "photo:" lead remain
_CREDIT_WORDS = frozenset("afp getty reuters dpa epa imago shutterstock istock anadolu xinhua "
                          "sputnik tass photo foto image picture illustration bild zdjęcie "
                          "фото".split())
# _COMMENT_CUE's word alternatives ("report abuse" holds "report")
_CUE_WORDS = frozenset("reply replies antworten répondre responder rispondi odpowiedz ответить "
                       "says schreibt wrote escribió scrive пишет like likes upvote upvotes "
                       "downvote downvotes report melden signaler permalink".split())
# every other _COMMENT_CUE match holds one of these: "said on", "a écrit", "napisał…" and
# the count of comments ("12 comments", "3 commentaires", "5 kommentare" …)
_CUE_HINT = re.compile("said on|a écrit|napisał|comment|kommentare|comentarios|komentarzy|"
                       "комментари")
# _AGO_WORD's one-word alternatives; _TIME_AGO's other branch ends in the word "ago" or "her"
_AGO_WORDS = frozenset("vor hace fa temu назад".split())
_AGO_ENDS = frozenset(("ago", "her"))

BASE_NAMES = (
    "log_chars", "log_words", "letters", "digits", "punct", "upper", "ends_terminal",
    "ends_sentence", "ends_colon", "bullet", "log_indent", "rel_position", "repeated",
    "log_block_lines", "log_block_chars", "block_first", "block_last", "boilerplate_cue",
    "boilerplate_short", "copyright", "currency", "comment_header", "comment_cue", "time_ago",
    "timestamp", "month", "byline", "credit", "capitalised", "separators", "urlish",
    "mean_word_len", "commas", "in_longest", "dist_longest", "before_longest", "after_longest",
    "block_share", "after_comment_header", "indent_vs_longest", "short", "long", "blank_before",
    "blank_after", "cum_chars", "page_log_lines", "win_chars", "win_terminal", "win_long",
    "win_cue", "win_short", "dist_first_long", "dist_long_above", "dist_long_below",
    "log_repeats",
)
WINDOW = 5
N_BASE = len(BASE_NAMES)
CONTEXT = (-2, -1, 1, 2)
N_FEATURES = N_BASE * (1 + len(CONTEXT)) + 2  # + 2 flags: has line before / after


def feature_names() -> list[str]:
    names = list(BASE_NAMES)
    for offset in CONTEXT:
        names += [f"{n}@{offset:+d}" for n in BASE_NAMES]
    return names + ["has_prev", "has_next"]


def content_lines(lines: Sequence[Line]) -> list[int]:
    """Indices of the non-blank lines, the sequence the segmenter labels."""
    return [i for i, line in enumerate(lines) if line.text.strip()]


_TEXT_COLUMNS = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                 29, 30, 31, 32, 40, 41)


def text_features(text: str) -> tuple[float, ...]:
    """Features of a stripped line's text alone."""
    return line_record(text)[0]


def head_words(text: str) -> tuple[str, ...]:
    """The distinct lower-cased words of a stripped line's first 160 characters (the learned
    lexicon's inputs; see `model.Lexicon`)."""
    return line_record(text)[1]


@lru_cache(maxsize=65536)
def line_record(text: str) -> tuple[tuple[float, ...], tuple[str, ...]]:
    """(text_features, head_words) of a stripped line, worked out together: the cue tests and
    the lexicon read the same words. Cached: menus and footers repeat across pages, and the
    model asks for a page's words right after its features."""
    chars = len(text)
    words = _WORD.findall(text)
    n_words = len(words)
    # shares from the head of the line, cues from its first 160 characters lower-cased:
    # furniture is short, and scanning whole paragraphs cost most of the step's time
    sample = text[:300]
    word_chars = sum(map(len, words))
    letters, digits, upper = _char_counts(sample, word_chars if chars <= 300 else None)
    punct = len(sample) - letters - digits - sample.count(" ")
    head = sample[:160]
    low = head.lower()
    initials = _WORD_INITIAL.findall(head)
    capitalised = sum(map(str.isupper, initials)) / len(initials) if initials else 0.0
    # a short ASCII line is its own head, and lower-casing ASCII keeps word boundaries: the
    # head's lower-case words are the line's words lower-cased, no second scan needed
    short_ascii = chars <= 160 and text.isascii()
    low_words = set(map(str.lower, words)) if short_ascii else set(_WORD.findall(low))
    boiler = 1.0 if _BOILERPLATE.search(low) else 0.0
    # the end-anchored patterns only look at the last characters: scanning a whole paragraph
    # for them was a large share of the step
    tail = text[-16:]
    return (
        math.log1p(chars),
        math.log1p(n_words),
        letters / len(sample),
        digits / len(sample),
        punct / len(sample),
        upper / letters if letters else 0.0,
        1.0 if _TERMINAL.search(tail) else 0.0,
        1.0 if _SENTENCE_END.search(tail) else 0.0,
        1.0 if text.endswith(":") else 0.0,
        1.0 if _BULLET.match(text) else 0.0,
        boiler,
        boiler if n_words <= 8 else 0.0,
        1.0 if _COPYRIGHT_HINT.search(low) and _COPYRIGHT.search(low) else 0.0,
        1.0 if chars < 40 and _CURRENCY.match(low) else 0.0,
        1.0 if chars < 80 and _COMMENT_HEADER.search(low) else 0.0,
        1.0 if _comment_cue(low, low_words) else 0.0,
        1.0 if _time_ago(low, low_words, digits) else 0.0,
        1.0 if digits and _TIMESTAMP.search(low) else 0.0,
        # \w+ words hold no dots, so a plain set test on lower-cased words is the same check
        # (lower-cased joined: one call instead of thirty; a short ASCII line has them already)
        0.0 if _MONTH_NAMES.isdisjoint(low_words if short_ascii and n_words <= 30
                                       else " ".join(words[:30]).lower().split()) else 1.0,
        1.0 if _BYLINE.match(low) else 0.0,
        1.0 if chars < 200 and _credit(low, low_words) else 0.0,
        capitalised,
        min(len(_SEPARATORS.findall(low)), 5) / 5.0,
        1.0 if _URLISH.search(low) else 0.0,
        min(word_chars / n_words, 20.0) / 10.0 if n_words else 0.0,
        min(text.count(",") + text.count("،") + text.count("，"), 10) / 10.0,
        1.0 if n_words <= 3 else 0.0,
        1.0 if n_words >= 25 else 0.0,
    ), tuple(low_words)  # a tuple: the cache holds one per line, and sets are large


def _char_counts(sample: str, word_chars: int | None) -> tuple[int, int, int]:
    """Letters, digits and upper-case letters (_UPPER) in `sample`; `word_chars`, where not
    None, is the number of \\w characters in `sample` (the length of its \\w+ words)."""
    if sample.isascii():
        # most lines: deleting byte classes counts them several times faster than the regexes
        raw = sample.encode()
        n = len(raw)
        return (n - len(raw.translate(None, _ASCII_LETTERS)),
                n - len(raw.translate(None, _ASCII_DIGITS)),
                n - len(raw.translate(None, _ASCII_UPPER)))
    digits = len(_DIGIT.findall(sample))
    if word_chars is None:
        letters = len(sample) - sum(map(len, _NON_LETTERS.findall(sample)))
    else:
        # a letter ([^\W\d_]) is a \w character other than a digit or "_" (digits are \w):
        # the words' length gives the count without scanning the sample for non-letters, the
        # slowest class on non-ASCII text
        letters = word_chars - digits - sample.count("_")
    return letters, digits, len(_UPPER.findall(sample))


def _comment_cue(low: str, low_words: set[str]) -> bool:
    """_COMMENT_CUE.search(low), `low_words` being the \\w+ words of `low`."""
    if not _CUE_WORDS.isdisjoint(low_words):
        return True
    return _CUE_HINT.search(low) is not None and _COMMENT_CUE.search(low) is not None


def _time_ago(low: str, low_words: set[str], digits: int) -> bool:
    """Whether "3 hours ago" or "vor 2 Tagen" is in `low`: _TIME_AGO.search(low) where the
    line's first 300 characters hold `digits` digits, else _AGO_WORD.search(low)."""
    if not _AGO_WORDS.isdisjoint(low_words):
        return True
    if "il y a" in low and _AGO_WORD.search(low):
        return True
    # a line without digits cannot hold "3 hours ago"
    return (bool(digits) and not _AGO_ENDS.isdisjoint(low_words)
            and _TIME_AGO.search(low) is not None)


def _credit(low: str, low_words: set[str]) -> bool:
    """_CREDIT.search(low): a news agency or a picture word, or a "Photo:" lead."""
    if not _CREDIT_WORDS.isdisjoint(low_words):
        return True
    return (":" in low or "ria novosti" in low) and _CREDIT.search(low) is not None


def line_features(lines: Sequence[Line]) -> tuple[list[int], np.ndarray]:
    """(indices of non-blank lines, feature matrix with one row per non-blank line)."""
    index = content_lines(lines)
    n = len(index)
    if n == 0:
        return index, np.zeros((0, N_FEATURES), dtype=np.float32)
    stripped = [lines[i].text.strip() for i in index]
    idx = np.asarray(index, dtype=np.int64)
    gap = np.diff(idx) > 1  # a blank line between row k and k+1
    block_of = np.concatenate(([0], np.cumsum(gap)))
    n_blocks = int(block_of[-1]) + 1
    lengths = np.fromiter((len(t) for t in stripped), dtype=np.float64, count=n)
    block_lines = np.bincount(block_of, minlength=n_blocks).astype(np.float64)
    block_chars = np.bincount(block_of, weights=lengths, minlength=n_blocks)
    longest = int(np.argmax(block_chars))
    total_chars = float(lengths.sum()) or 1.0
    counts = Counter(stripped)
    indents = np.fromiter((lines[i].indent for i in index), dtype=np.float64, count=n)
    rows = np.arange(n)
    longest_rows = np.flatnonzero(block_of == longest)
    first_long, last_long = int(longest_rows[0]), int(longest_rows[-1])

    base = np.zeros((n, N_BASE), dtype=np.float64)
    # one flat pass over the rows' values: faster than np.array on a list of tuples
    text_values = itertools.chain.from_iterable(map(itemgetter(0), map(line_record, stripped)))
    base[:, _TEXT_COLUMNS] = np.fromiter(text_values, dtype=np.float64,
                                         count=n * len(_TEXT_COLUMNS)).reshape(n, -1)
    base[:, 10] = np.log1p(indents)
    base[:, 11] = rows / n
    base[:, 12] = np.fromiter((counts[t] > 1 for t in stripped), dtype=np.float64, count=n)
    base[:, 13] = np.log1p(block_lines[block_of])
    base[:, 14] = np.log1p(block_chars[block_of])
    starts_block = np.concatenate(([True], gap))
    ends_block = np.concatenate((gap, [True]))
    base[:, 15] = starts_block
    base[:, 16] = ends_block
    base[:, 33] = block_of == longest
    base[:, 34] = (block_of - longest) / n_blocks
    base[:, 35] = rows < first_long
    base[:, 36] = rows > last_long
    base[:, 37] = block_chars[block_of] / total_chars
    base[:, 38] = np.maximum.accumulate(base[:, 21])  # a comment header seen at or above
    base[:, 39] = np.tanh((indents - indents[first_long]) / 4.0)
    base[:, 42] = starts_block
    base[:, 43] = ends_block
    base[:, 44] = np.cumsum(lengths) / total_chars
    base[:, 45] = math.log1p(n) / 8.0
    # the neighbourhood: means over the WINDOW lines either side
    for col, src in ((46, 0), (47, 6), (48, 41), (49, 17), (50, 40)):
        base[:, col] = _window_mean(base[:, src], rows, WINDOW)
    base[:, 51] = np.sign(rows - first_long) * np.log1p(np.abs(rows - first_long)) / 5.0
    base[:, 52], base[:, 53] = _dist_to(base[:, 41] > 0, rows)  # to the nearest long lines
    base[:, 54] = np.log1p(np.fromiter((counts[t] - 1 for t in stripped), dtype=np.float64,
                                       count=n))

    out = np.zeros((n, N_FEATURES), dtype=np.float32)
    out[:, :N_BASE] = base
    for j, offset in enumerate(CONTEXT, start=1):
        cols = slice(j * N_BASE, (j + 1) * N_BASE)
        if offset < 0:
            out[-offset:, cols] = base[:offset]
        else:
            out[:-offset, cols] = base[offset:]
    out[1:, -2] = 1.0
    out[:-1, -1] = 1.0
    return index, out


# -- second stage: the first stage's label probabilities in context ----------------------------

STACK_WINDOW = 6
_LOG_CHARS, _BLOCK_FIRST = BASE_NAMES.index("log_chars"), BASE_NAMES.index("block_first")
_BODY = 2  # column of `body` in the model's label order (presslens.document.SEGMENT_LABELS)
N_STACK_AGGREGATES = 24
#: lexical inputs of the second stage: the line's word score, its means over 2 and 6 lines
N_STACK_LEXICAL = 3


def _dist_to(flags: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Scaled log distance from each row to the nearest flagged row above and below."""
    hits = np.flatnonzero(flags)
    if not len(hits):
        full = np.full(len(rows), 8.0 / 5.0)
        return full, full
    pos = np.searchsorted(hits, rows)
    above = hits[np.maximum(pos - 1, 0)]
    below = hits[np.minimum(pos, len(hits) - 1)]
    up = np.where(above <= rows, np.log1p(np.abs(rows - above)), 8.0) / 5.0
    down = np.where(below >= rows, np.log1p(np.abs(below - rows)), 8.0) / 5.0
    return up, down


def _window_mean(values: np.ndarray, rows: np.ndarray, width: int) -> np.ndarray:
    n = len(values)
    csum = np.concatenate(([0.0], np.cumsum(values)))
    lo = np.maximum(rows - width, 0)
    hi = np.minimum(rows + width + 1, n)
    return (csum[hi] - csum[lo]) / (hi - lo)


def stack_features(features: np.ndarray, proba: np.ndarray,
                   lexical: np.ndarray | None = None) -> np.ndarray:
    """Second-stage inputs: the line's own base features, first-stage probabilities of the lines
    within STACK_WINDOW either side, page/block aggregates of the body probability (the
    block's mean, the main high-probability region, distance to confident body lines) and,
    where the model has a lexicon, its word score of the line (`lexical`) and of its neighbours."""
    n, k = proba.shape
    n_lexical = 0 if lexical is None else N_STACK_LEXICAL
    if n == 0:
        return np.zeros((0, N_BASE + (2 * STACK_WINDOW + 1) * k + N_STACK_AGGREGATES
                         + n_lexical), dtype=np.float32)
    rows = np.arange(n)
    base = features[:, :N_BASE].astype(np.float64)
    window = np.zeros((n, (2 * STACK_WINDOW + 1) * k))
    for j, offset in enumerate(range(-STACK_WINDOW, STACK_WINDOW + 1)):
        cols = slice(j * k, (j + 1) * k)
        if offset < 0:
            window[-offset:, cols] = proba[:offset]
        elif offset > 0:
            window[:-offset, cols] = proba[offset:]
        else:
            window[:, cols] = proba
    body = proba[:, _BODY]
    chars = np.expm1(base[:, _LOG_CHARS])
    block_of = np.cumsum(base[:, _BLOCK_FIRST] > 0) - 1
    n_blocks = int(block_of[-1]) + 1
    block_size = np.bincount(block_of, minlength=n_blocks)
    agg = np.zeros((n, N_STACK_AGGREGATES))
    for c in range(k):
        agg[:, c] = (np.bincount(block_of, weights=proba[:, c], minlength=n_blocks)
                     / block_size)[block_of]
    block_max = np.full(n_blocks, 0.0)
    np.maximum.at(block_max, block_of, body)
    agg[:, 5] = block_max[block_of]
    body_chars = body * chars
    block_body_chars = np.bincount(block_of, weights=body_chars, minlength=n_blocks)
    total_body = float(body_chars.sum()) or 1.0
    agg[:, 6] = block_body_chars[block_of] / total_body
    # the main region: likely-body lines with gaps of at most 4 rows bridged, most body chars
    likely = np.flatnonzero(body > 0.5)
    if len(likely):
        group = np.concatenate(([0], np.cumsum(np.diff(likely) > 5)))
        mass = np.bincount(group, weights=chars[likely])
        best = int(np.argmax(mass))
        members = likely[group == best]
        start, end = int(members[0]), int(members[-1])
        agg[:, 7] = (rows >= start) & (rows <= end)
        agg[:, 8] = np.log1p(np.maximum(start - rows, 0)) / 5.0
        agg[:, 9] = np.log1p(np.maximum(rows - end, 0)) / 5.0
        agg[:, 10] = mass[best] / (chars.sum() or 1.0)
        agg[:, 11] = len(mass) / 10.0
    else:
        agg[:, 8] = agg[:, 9] = 8.0 / 5.0
    agg[:, 12], agg[:, 13] = _dist_to(body > 0.8, rows)
    agg[:, 14], agg[:, 15] = _dist_to(proba[:, 4] > 0.5, rows)  # comment
    agg[:, 16], agg[:, 17] = _dist_to(proba[:, 0] > 0.3, rows)  # title
    agg[:, 18] = np.cumsum(body_chars) / total_body
    agg[:, 19] = _window_mean(body, rows, 10)
    agg[:, 20] = _window_mean(body, rows, 25)
    agg[:, 21] = float(body.max())
    agg[:, 22] = float(body.mean())
    agg[:, 23] = np.log1p(block_size[block_of]) / 3.0
    parts = [base, window, agg]
    if lexical is not None:
        parts.append(np.stack((lexical, _window_mean(lexical, rows, 2),
                               _window_mean(lexical, rows, STACK_WINDOW)), axis=1))
    return np.concatenate(parts, axis=1).astype(np.float32)


N_STACK = N_BASE + (2 * STACK_WINDOW + 1) * 5 + N_STACK_AGGREGATES
