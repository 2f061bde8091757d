"""Page furniture the line classifier keeps as body, found by what it is rather than its shape.

Each rule names a kind of line that is never article text whatever the page: a running header
or footer repeated on every printed page, a page number, a copyright line, a bare date, the
author's bio line at the foot, share, rating and previous/next-article widgets, a comment
form's notices, a blog post's footer and pingbacks, a disclosure of paid links, the reading time, and an empty
comment section's heading with its notice.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

from presslens.document import Line
from presslens.steps.segment.threads import (is_page_end, is_section_header, timestamp_in,
                                             timestamp_line)

_DIGITS_AND_SPACES = re.compile(r"[\d\s]+")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|"
    r"\b(?:page|seite|página|pagina|strona|страница)\s+\d+\s*(?:of|/|sur|von|de|di|z|из)\s*\d+\b",
    re.I)
# The searched patterns below open with a lookahead on the first characters of their
# alternatives (and ^ for the anchored ones): it rejects most positions with one class test
# instead of trying every alternative there, several times faster under re.I (as in threads).
_COPYRIGHT = re.compile(r"(?=[©(cadrupп])(?:"
                        r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|droits réservés|"
                        r"rechte vorbehalten|derechos reservados|diritti riservati|"
                        r"prawa zastrzeżone|chronion\w* prawem autorskim|"
                        r"urheberrechtlich geschützt|protégé par le droit d.auteur|"
                        r"protegid[oa] por (?:los )?derechos de autor|права защищены)", re.I)
# "Henrik Almqvist is a contributing writer for …": a capitalised name, then the trade
_BIO = re.compile(
    r"^(?:[A-ZÀ-ÞĀ-Ž][\w.'’-]*\s){1,3}[A-ZÀ-ÞĀ-Ž][\w.'’-]*\s(?:is|was|est|ist|es|è)\s"
    r"(?:(?:a|an|une?|ein|eine|un|una)\s)?[^.]{0,60}?\b(?:writer|journalist|correspondent|"
    r"reporter|editor|columnist|contributor|journaliste|correspondant\w*|rédact\w*|"
    r"chroniqueu\w*|Journalist\w*|Korrespondent\w*|Redakteur\w*|periodista|corresponsal|"
    r"redactor\w*|giornalista|corrispondente)\b")
# a picture's stand-in caption: "Illustrative image", "Image d'archive", "Photo: AFP"
_PICTURE = re.compile(
    r"^(?:illustrative |archive |file |stock )?(?:image|photo|picture|illustration|bild|foto|"
    r"imagen|immagine|zdjęcie|фото)s?(?:\s+(?:d.archive|d.illustration|d.illustration|"
    r"illustrative|de archivo|d.archivio))?\s*(?:[:|/].*)?$", re.I)
# the heading of a box of links to other pages: "Explore further", "Ähnliche Beiträge"
_MORE = re.compile(
    r"^\W*(?:explore further|you are here|see also|also read|read (?:more|also|next)|more on|"
    r"more (?:from|about|stories|articles|news)|related\b|similar (?:articles|posts|stories)|"
    r"further reading|recommended|ähnliche|weitere (?:beiträge|artikel|nachrichten|themen)|"
    r"themenrelevant\w*|mehr (?:zum thema|dazu|lesen|artikel|aus)|lesen sie (?:auch|hier|mehr)|"
    r"auch (?:interessant|lesen)|voir aussi|lire aussi|à lire|sur le même sujet|"
    r"dans la même rubrique|veja também|leia também|(?:le|te) puede interesar|"
    r"dowiedz się więcej|weitere informationen|"
    r"plus d.articles|ver también|lee también|leer más|relacionad\w*|más noticias|"
    r"leggi anche|potrebbe interessarti|czytaj (?:też|także|więcej)|zobacz (?:też|także)|"
    r"читайте также|смотрите также)", re.I)
# a link to another article inside the text: "VEA TAMBIÉN: <headline>", "Read more: …", the
# link-box headings above, or a video's or teaser's imperative lead ("MIRA:", "WATCH:")
_READ_ALSO = re.compile(r"(?:" + _MORE.pattern + r"|\W*(?:mira|mire|vea(?: también)?|watch|lea también))"
                        r"\s*:\s*\S", re.I)
# a picture or text source: "Quelle: Landesregierung", "Abbildung: …", "Roman Prymula, photo:"
_SOURCE = re.compile(
    r"^(?:quelle|quellen|source|sources|fuente|fonte|źródło|источник|abbildung|abb\.|grafik|"
    r"credit|crédit|photo|foto|bild|image|illustration|figure|fig\.)s?\s*\d{0,3}\s*:|,\s*(?:photo|foto|bild)\s*:|"
    r"\((?:photo|foto|bild|bildquelle|image|credit|quelle|source)s?\s*:[^)]*\)\s*$", re.I)
# a byline with its date: "von Anja Muster am 14. Mai 2014", "Pubblicato il 19 Febbraio 2020"
_DATED_BYLINE = re.compile(
    r"^(?:by|von|par|por|di|da|posted|published|publié|publicado|pubblicato|veröffentlicht|"
    r"aktualisiert|updated|mis à jour|actualizado|aggiornato|opublikowano)\b", re.I)
# a page widget: share, download, print, paging
_WIDGET = re.compile(
    r"^\W*(?:share|teile|teilen|partager|partagez|compartir|compartilhe|condividi|udostępnij|"
    r"download|herunterladen|télécharger|descargar|scarica|print|drucken|imprimer|"
    r"auf einer seite lesen|read on one page|next page|previous page|nächste seite|"
    r"page suivante|weiter|zurück)\b|\b(?:herunterladen|downloaden|télécharger)\W*$", re.I)
# a link to the article before or after, often glued to its title: "Previous articleNew Zealand…"
_PAGING = re.compile(
    r"^\W*(?:(?:previous|next|older|newer)\s?(?:article|post|story)|"
    r"article\s(?:précédent|suivant)|(?:vorheriger|nächster)\s(?:artikel|beitrag)|"
    r"artículo\s(?:anterior|siguiente)|articolo\s(?:precedente|successivo)|"
    r"(?:poprzedni|następny)\sartykuł|(?:предыдущая|следующая)\sстатья)", re.I)
# a rating widget: "Article Rating", "3.7 14 votes", "Rate this article", "Copy link"
_RATING = re.compile(
    r"^\W*(?:article rating|rate this|note de l.article|bewertung|valoración|valutazione|"
    r"copy link|copier le lien|copiar (?:el )?enlace|link kopieren|copia (?:il )?link)\b|"
    r"^\d+(?:[.,]\d+)?\s*(?:/\s*\d+\s*)?\(?\d*\s*(?:votes?|stimmen|votos|voti|ratings?)\)?$|"
    # a feedback or share question under the article: "War der Artikel nützlich?"
    r"^\W*(?:was this (?:article|page|post|story) (?:helpful|useful)|"
    r"did you (?:like|enjoy|find) this (?:article|post|story)|"
    r"(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)|"
    r"(?:möchten|wollen) sie (?:den|diesen) (?:artikel|beitrag) teilen|"
    r"cet article vous a-t-il (?:été utile|plu)|vous avez aimé cet article|"
    r"¿?(?:te|le) (?:ha )?(?:sido|resultado|pareció) útil|"
    r"(?:questo articolo )?(?:ti )?è stato utile|"
    r"czy (?:ten )?artykuł był (?:pomocny|przydatny))",
    re.I)
# the notices of a comment form (WordPress's wording and its translations): "Your email address
# will not be published. Required fields are marked *", "Save my name, email, and website …"
_FORM_NOTICE = re.compile(
    r"(?=[recwvво]|^)(?:"
    r"^(?:your|deine|ihre|votre|tu|su|il tuo|twój|o seu|seu|je|uw)\b[^.]{0,40}"
    r"\b(?:will not be published|"
    r"wird nicht veröffentlicht|ne sera pas publiée|no (?:será|se) publica\w*|"
    r"non sarà pubblicat\w|nie zostanie opublikowany|não será publicado|"
    r"wordt niet gepubliceerd)|"
    r"\b(?:required fields are marked|erforderliche felder sind|champs obligatoires sont|"
    r"campos obligatorios están|campi obbligatori sono|wymagane pola są|"
    r"campos obrigatórios são|vereiste velden zijn)|"
    r"^(?:save my name|meinen namen,? meine e-?mail|enregistrer mon nom|guarda mi nombre|"
    r"salva il mio nome|zapisz moje dane|salvar meus dados|notify me of (?:new|follow-up)|"
    r"benachrichtige mich|prévenez-moi|avisarme|notificami|powiadom mnie)\b|"
    r"^you must be logged in to post a comment|"
    r"ваш (?:адрес )?e-?mail не будет опубликован|обязательные поля помечены)",
    re.I)
# a blog's post footer and the pingbacks listed with its comments: "This entry was posted in
# News and tagged …", "Dieser Eintrag wurde veröffentlicht in …", "2. Pingback von …"
_POST_FOOTER = re.compile(
    r"^(?:this (?:entry|post) was posted in|dieser (?:eintrag|beitrag) wurde\b.{0,40}?\b"
    r"(?:veröffentlicht|gepostet|abgelegt) (?:in|unter)|cette entrée a été publiée dans|"
    r"esta entrada (?:fue publicada|se publicó) en|questa voce è stata pubblicata in|"
    r"ten wpis został opublikowany w)\b|"
    r"^\W*(?:\d+\.\s*)?(?:pingback|trackback)s?\b|"
    r"\b(?:view all posts by|all posts by|more posts by|zeige alle beiträge von|"
    r"alle beiträge von|voir tous les articles (?:de|par)|ver todas las entradas de|"
    r"visualizza tutti gli articoli di)\b", re.I)
# a link to a file with its type and size: "Informationsschreiben PDF | 38 KB" (the link text
# may run into the type, "2021PDF", so no word boundary before it, only no letter)
_FILE_LINK = re.compile(r"(?<![^\W\d_])(?:pdf|docx?|xlsx?|pptx?|odt|zip|mp3|mp4|epub)\b\W{0,3}"
                        r"\d+(?:[.,]\d+)?\s*(?:kb|mb|kib|mib|ko|mo)\b", re.I)
# a disclosure of paid links: "Bei den Verlinkungen handelt es sich um Affiliate Links",
# "Advertising disclosure: We may receive compensation …"
_DISCLOSURE = re.compile(
    r"(?=[aceihlsw]|^)(?:"
    r"\b(?:contains?|enthält|enthalten|handelt es sich um|are|sind|includes?)\s+(?:\w+\s+)?"
    r"affiliate[- ]?links?\b|^\W*affiliate[- ]?links?\b|\badvertising (?:disclosure|disclaimer)\b|"
    r"\bwe (?:may )?(?:receive|earn) (?:a )?(?:small )?(?:commission|compensation)\b|"
    r"\b(?:lien|liens) (?:d.affiliation|affiliés?)\b|\benlaces? de afiliad\w+)", re.I)
# a picture agency's credit line: "Jane Roe/AFP/Getty Images", "AFP via Getty Images"
_AGENCY_CREDIT = re.compile(
    r"(?:^|/|\|)\s*(?:afp|getty images|reuters|ap photo|ap|dpa|epa(?:-efe)?|efe|imago(?: images)?|"
    r"shutterstock|istock(?:photo)?|picture alliance|anadolu(?: agency)?|xinhua|sputnik|tass|"
    r"ria novosti|keystone|belga|ansa|pap|zuma press)\s*(?:/|\||$)|"
    # "… via Getty Images", "… via Alamy Photos": a picture agency's distribution credit
    r"\bvia (?:[\w&.'-]+ ){1,3}(?:images|photos|pictures)\s*$|"
    r"^(?:photo(?:graph)?s?|pictures?|images?|fotos?|bild(?:er)?)\s+(?:by|von|de|par|di|por)\s",
    re.I)
#: words in a picture credit line
MAX_CREDIT_WORDS = 8
# the reading time: "4 Min Read", "Lesezeit: 3 Minuten", "5 minutes de lecture"
_READING_TIME = re.compile(
    r"^\W*\d+\s*(?:min(?:ute)?s?|minuten|mins?\.)\s*(?:read|reading|lesezeit|de lecture|"
    r"de lectura|di lettura|czytania)\b|"
    r"^\W*(?:reading time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|"
    r"tempo di lettura|czas czytania)\s*:?\s*(?:ca\.\s*)?\d+", re.I)
#: words of a previous/next link with its teaser title
MAX_PAGING_WORDS = 20
#: words in a teaser title listed under such a heading
MAX_TEASER_WORDS = 14
# a sentence's last character: a running header or caption has none
_CLOSING = (".", "!", "?", "»", "”", '"')
#: words in a "Read more: <headline>" line, and how far its colon may stand
MAX_READ_ALSO_WORDS = 25
READ_ALSO_LEAD_CHARS = 48
#: running headers and captions are short; a repeated long line is a quoted passage
MAX_REPEAT_WORDS = 12
#: words in a line that still reads as an article paragraph after a comment heading
LONG_PARAGRAPH_WORDS = 25


def demote_furniture(lines: Sequence[Line], labels: list[str | None]) -> list[str | None]:
    """Body lines that are page furniture become boilerplate (meta for dates and bios)."""
    out = list(labels)
    body = [i for i, label in enumerate(labels) if label == "body"]
    if not body:
        return out
    repeated = _repeated_shapes(lines, [lines[i].stripped for i in body])
    for i in body:
        kind = furniture_kind(lines[i].stripped, repeated)
        if kind:
            out[i] = kind
    # the classifier files credits under the headline with the byline; they are no metadata
    for i, label in enumerate(labels):
        if label == "meta" and is_picture_credit(lines[i].stripped):
            out[i] = "boilerplate"
    _close_after_comment_heading(lines, out)
    _close_link_boxes(lines, out)
    _drop_tail_islands(lines, out)
    return out


def _drop_tail_islands(lines: Sequence[Line], out: list[str | None]) -> None:
    """After the article's last long paragraph, a short unpunctuated body line with furniture
    on both sides is a link or button of that furniture ("Discover our podcasts")."""
    rows = [i for i, label in enumerate(out) if label is not None]
    long_rows = [r for r, i in enumerate(rows) if out[i] == "body"
                 and len(lines[i].stripped.split()) >= LONG_PARAGRAPH_WORDS]
    if not long_rows:
        return
    for r in range(long_rows[-1] + 1, len(rows) - 1):
        i = rows[r]
        if out[i] == "body" and _teaser(lines[i].stripped) \
                and out[rows[r - 1]] == "boilerplate" and out[rows[r + 1]] == "boilerplate":
            out[i] = "boilerplate"


def is_picture_credit(text: str) -> bool:
    return len(text.split()) <= MAX_CREDIT_WORDS and bool(_AGENCY_CREDIT.search(text))


def _close_link_boxes(lines: Sequence[Line], out: list[str | None]) -> None:
    """A "Related articles" heading kept as body, and the teaser titles listed under it."""
    rows = [i for i, label in enumerate(out) if label is not None]
    r = 0
    while r < len(rows):
        i = rows[r]
        r += 1
        if out[i] != "body" or len(lines[i].text) > 120:
            continue
        text = lines[i].stripped
        if len(text.split()) > 8 or not (_MORE.match(text) or is_page_end(text)):
            continue
        out[i] = "boilerplate"
        while r < len(rows) and out[rows[r]] == "body" and _teaser(lines[rows[r]].stripped):
            out[rows[r]] = "boilerplate"
            r += 1


def _teaser(text: str) -> bool:
    return len(text.split()) <= MAX_TEASER_WORDS and not text.endswith((".", "!", "?", ":"))


def _shape(text: str) -> str:
    """A line without its numbers and spaces: "Page 2 of 3" and "Page 3 of 3" share a shape."""
    return _DIGITS_AND_SPACES.sub("", text).lower()


def _repeated_shapes(lines: Sequence[Line], candidates: list[str]) -> set[str]:
    """Shapes of the short `candidates` that two or more lines of the page share."""
    wanted = {_shape(text) for text in candidates if _could_repeat(text)}
    wanted.discard("")
    if not wanted:
        return set()
    # a line's shape is no longer than the line; padding adds at most a few dozen characters
    low, high = min(map(len, wanted)), max(map(len, wanted)) + 40
    counts = Counter(shape for line in lines if low <= len(line.text) <= high
                     and (shape := _shape(line.text)) in wanted)
    return {shape for shape, n in counts.items() if n >= 2}


def _could_repeat(text: str) -> bool:
    return len(text.split()) <= MAX_REPEAT_WORDS and not text.endswith(_CLOSING)


def furniture_kind(text: str, repeated: set[str] = frozenset()) -> str | None:
    """'boilerplate' or 'meta' when the stripped line is furniture of that kind, else None."""
    # most pages repeat nothing: then no line needs its word count and shape
    if repeated and _could_repeat(text) and _shape(text) in repeated:
        return "boilerplate"  # a running header or footer, a repeated caption
    return _kind_alone(text)


@lru_cache(maxsize=8192)
def _kind_alone(text: str) -> str | None:
    """furniture_kind without the page's repeated lines (cached: footers recur across pages)."""
    n_words = len(text.split())
    # word counts first: most body lines are paragraphs, and searching them costs
    if n_words <= MAX_REPEAT_WORDS and _PAGE_NUMBER.search(text):
        return "boilerplate"
    if n_words < 30 and _COPYRIGHT.search(text):
        return "boilerplate"
    if n_words <= 6 and _PICTURE.match(text):
        return "boilerplate"
    if n_words <= 30 and _SOURCE.search(text):
        return "boilerplate"
    if n_words <= 8 and (_WIDGET.search(text) or _RATING.search(text)):
        return "boilerplate"
    if n_words <= MAX_PAGING_WORDS and _PAGING.match(text):
        return "boilerplate"
    # the colon first: the lead's long alternation is tried only where one follows a few words
    if n_words <= MAX_READ_ALSO_WORDS and ":" in text[:READ_ALSO_LEAD_CHARS] \
            and _READ_ALSO.match(text) and not text.endswith("."):
        return "boilerplate"
    if n_words <= 30 and (_FORM_NOTICE.search(text) or _POST_FOOTER.search(text)):
        return "boilerplate"
    if n_words <= 40 and _DISCLOSURE.search(text):
        return "boilerplate"
    if n_words <= 6 and _READING_TIME.search(text):
        return "boilerplate"
    if is_picture_credit(text):
        return "boilerplate"
    if n_words <= 20 and _FILE_LINK.search(text):
        return "boilerplate"
    if n_words <= 8 and timestamp_line(text):
        return "meta"
    if n_words <= 20 and _DATED_BYLINE.match(text) and timestamp_in(text):
        return "meta"
    if n_words <= 40 and _BIO.match(text):
        return "meta"
    return None


def _close_after_comment_heading(lines: Sequence[Line], out: list[str | None]) -> None:
    """An article does not go on under "Comments": body after such a heading is the section's
    notice ("Let us know if you have trouble posting a comment"), unless real
    paragraphs follow (the heading was a teaser box mid-page)."""
    first_body = out.index("body") if "body" in out else len(out)
    heading = next((i for i in range(first_body + 1, len(out))
                    if out[i] in ("body", "boilerplate") and len(lines[i].text) <= 120
                    and is_section_header(lines[i].stripped)), None)
    if heading is None:
        return
    after = [i for i in range(heading + 1, len(out)) if out[i] == "body"]
    if sum(len(lines[i].stripped.split()) >= LONG_PARAGRAPH_WORDS for i in after) >= 2:
        return
    out[heading] = "boilerplate"
    for i in after:
        out[i] = "boilerplate"
