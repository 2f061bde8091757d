"""Title, author, publication date and outlet: container metadata first, then the page's text.

Each field is a cascade of small finders tried in a fixed order; the first non-None value wins.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

from presslens.document import Document, Line
from presslens.errors import Errors, PresslensError
from presslens.steps.body import visible
from presslens.steps.dates import (author_in, is_bare_lead, is_date_only, is_dated,
                                   name_beside_date, names_alone, opens_with_lead, parse_date,
                                   person_alone, published_in)
from presslens.steps.segment.features import has_boilerplate_cue
from presslens.steps.segment.model import get_model

_WORD = re.compile(r"\w+")

ENV_REGISTRY = "PRESSLENS_OUTLETS"
BUILTIN_REGISTRY = Path(__file__).resolve().parent.parent / "resources" / "outlets.json"

#: bylines sit among the first lines of a page and are short
HEAD_LINES = 15
MAX_BYLINE_CHARS = 160
#: in body text a byline is shorter still; longer lines there are sentences that cite dates
MAX_BODY_BYLINE_CHARS = 90
#: non-blank lines above the article's first paragraph where a date or byline line may stand
#: (rendered pages open with long menus, so the page's first lines miss it)
ARTICLE_HEAD_LINES = 8
#: non-blank lines under (and over) the headline where a byline may stand
TITLE_NEAR_LINES = 10
#: of those under the headline, the first few may hold the byline without its lead word
BYLINE_UNDER_TITLE_LINES = 4
# a signature under a blog post: "Posted by", "Written by", "Eingestellt von", "Erstellt von" …
_SIGNED = re.compile(r"^\W{0,3}(?:posted|written|published|geschrieben|eingestellt|erstellt|"
                     r"ver[öo]ffentlicht|publi[ée]e?|[ée]crit|publicado|escrito|pubblicato|"
                     r"scritto)\s+(?:by|von|par|por|da)\s", re.IGNORECASE)

# second-level labels under which a country code registers names: news.example.co.uk
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "gouv", "ne", "or",
                           "go", "gob", "nic", "mil", "ltd", "plc", "asso", "nom", "web"})
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.", "www1.", "www2.")
_DOMAIN = re.compile(r"\b((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
                     r"(?:com|net|org|info|news|fr|de|uk|es|it|pt|nl|be|ch|ca|us|eu|ru|ua|pl|"
                     r"tv|io|co|me|online|press|media|site|xyz|ir|sy|tr|in|au|jp|cn|br|mx|ar|"
                     r"at|se|no|dk|fi|ie|ma|dz|tn|lb|il|[a-z]{2}))\b", re.IGNORECASE)
_NOT_DOMAIN_ENDINGS = (".jpg", ".jpeg", ".png", ".gif", ".pdf", ".html", ".htm", ".php",
                       ".js", ".css", ".mp4", ".svg", ".webp", ".aspx")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*"
                        r"(?:19|20)?\d\d)?\s*)?(?P<holder>[^|•·\n]{2,80})", re.IGNORECASE)
_CREDIT = re.compile(r"\b(?:pour|for|für|para|per|voor)\s+(?P<name>[\w&’'.-]+(?:\s+[A-Z][\w&’'.-]*)"
                     r"{0,3})", re.UNICODE)
_SITE_WIDGET = re.compile(r"(?:en savoir plus sur|découvrez plus de contenu de|discover more from"
                          r"|subscribe to|mehr von|descubre más de|scopri di più da|"
                          r"abonnez-vous à)\s+(?P<name>[^\n|•]{2,60}?)(?:\s+entdecken)?\s*[.!]?$",
                          re.IGNORECASE)
_HOLDER_END = re.compile(r"(?:[,.;]?\s+(?:all rights reserved|tous droits réservés|alle rechte "
                         r"vorbehalten|todos los derechos reservados|tutti i diritti riservati|"
                         r"ltd|inc|llc|gmbh|s\.a\.s?|sarl)\b.*$|[\s.,;:]+$)", re.IGNORECASE)
# cheap markers of signature lines, searched as plain strings in the lowercased page: a regex
# alternation over a long page costs milliseconds, str.find microseconds
_SIGNATURE_WORDS = ("©", "(c)", "copyright", "reproduction", "written for", "écrit pour",
                    "exclusiv", "en savoir plus sur", "plus de contenu", "discover more",
                    "mehr von", "descubre más", "scopri di più", "subscribe to", "abonnez-vous à",
                    "writer for", "correspondent for", "columnist for", "editor for")
# a top-level domain after a dot; starting with a literal lets the regex engine skip ahead fast
_TLD = re.compile(r"\.(?:com|net|org|info|news|fr|de|co\.uk|co|ru|es|it|eu|ch|be|uk|us|ca|tv|io|"
                  r"online|press|media|site|pl|pt|nl|at|ir|sy|tr|in|au)(?![a-z0-9-])")
_DOMAIN_HEAD = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*$")
_IMAGE_CREDIT = re.compile(r"\b(?:photo|image|foto|picture|crédit|credit|getty|illustration|"
                           r"bild|imagen|immagine)", re.IGNORECASE)


# --- the outlet registry -------------------------------------------------------------------

@dataclass(slots=True)
class OutletRegistry:
    """Known outlets, looked up by domain or by one of their names."""

    by_domain: dict[str, str] = field(default_factory=dict)
    by_alias: dict[str, str] = field(default_factory=dict)

    def add(self, entry: dict[str, Any]) -> None:
        name = entry["name"]
        for domain in entry.get("domains", []):
            self.by_domain[_bare_host(domain)] = name
        for alias in [name, *entry.get("aliases", [])]:
            self.by_alias[alias.casefold()] = name

    def from_host(self, host: str) -> str | None:
        """The outlet a host belongs to, trying the host and each parent domain."""
        labels = _bare_host(host).split(".")
        for i in range(len(labels) - 1):
            name = self.by_domain.get(".".join(labels[i:]))
            if name:
                return name
        return None

    def from_name(self, name: str) -> str | None:
        return self.by_alias.get(name.strip().casefold())


def load_outlet_registry(extra_paths: Iterable[str | os.PathLike[str]] = ()) -> OutletRegistry:
    """The built-in registry merged with `extra_paths` and $PRESSLENS_OUTLETS (later files win)."""
    paths: list[Path] = [BUILTIN_REGISTRY, *(Path(p) for p in extra_paths)]
    env = os.environ.get(ENV_REGISTRY, "").strip()
    paths.extend(Path(p) for p in env.split(os.pathsep) if p.strip())
    registry = OutletRegistry()
    for path in paths:
        for entry in _read_registry(path):
            registry.add(entry)
    return registry


def _read_registry(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PresslensError(Errors.P032.format(path=path, reason=exc)) from exc
    if not isinstance(data, list):
        raise PresslensError(Errors.P032.format(path=path, reason="expected a JSON list of "
                                                "{name, domains, aliases} objects"))
    for i, entry in enumerate(data):
        if not (isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"]
                and all(isinstance(entry.get(k, []), list)
                        and all(isinstance(v, str) for v in entry.get(k, []))
                        for k in ("domains", "aliases"))):
            raise PresslensError(Errors.P032.format(
                path=path, reason=f"entry {i} needs a non-empty \"name\" and lists of strings "
                                  f"\"domains\" and \"aliases\""))
    return data


def _bare_host(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host


def registered_domain(host: str) -> str:
    """The name a host was registered under: news.example.co.uk -> example.co.uk."""
    labels = _bare_host(host).split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def host_of(url: str | None) -> str | None:
    if not isinstance(url, str) or not url.strip():
        return None
    text = url.strip()
    try:
        host = urlsplit(text if "//" in text else f"//{text}").hostname
    except ValueError:
        return None
    return host if host and "." in host else None


# --- the step -------------------------------------------------------------------------------

class MetadataStep:
    """Sets `title`, `author`, `published` and `outlet` from hints, then from the page's text."""

    name = "metadata"
    requires = ("segments",)
    provides = ("title", "author", "published", "outlet")

    def __init__(self, registry: OutletRegistry | None = None) -> None:
        # loaded here so a bad registry file fails the run once, not every page
        self.registry = registry if registry is not None else load_outlet_registry()

    def __call__(self, doc: Document) -> None:
        # the byline lines only when export fields and HTML metadata leave a gap (HTML pages
        # mostly have both in their metadata)
        candidates = functools.cache(lambda: byline_lines(doc))
        doc.title = _first(doc, (title_from_export, title_from_segments, title_from_html))
        doc.author = _first(doc, (author_from_export, author_from_html,
                                  lambda d: author_from_lines(candidates()), author_from_meta,
                                  lambda d: author_from_split_byline(d, candidates()),
                                  author_over_date, author_under_title,
                                  author_from_signature))
        doc.published = _first(doc, (published_from_export, published_from_html,
                                     lambda d: published_from_lines(d, candidates())))
        # a registry match on the URL is certain; a site name or a text signature names the
        # outlet better than the bare domain, which is the last resort
        doc.outlet = _first(doc, (lambda d: outlet_from_export(d, self.registry),
                                  lambda d: outlet_from_url(d, self.registry, known_only=True),
                                  lambda d: outlet_from_sitename(d, self.registry),
                                  lambda d: outlet_from_text(d, self.registry),
                                  lambda d: outlet_from_url(d, self.registry)))


def _first(doc: Document, finders: Iterable[Callable[[Document], str | None]]) -> str | None:
    """The first finder's value, without the soft hyphens and zero-width marks a page hides
    in words (a title must compare and search as it reads)."""
    for finder in finders:
        value = finder(doc)
        if value and (value := visible(value).strip()):
            return value
    return None


def _hint(doc: Document, group: str, key: str) -> Any:
    values = doc.hints.get(group)
    return values.get(key) if isinstance(values, dict) else None


def _clean(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        value = ", ".join(v for v in value if isinstance(v, str) and v.strip())
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


# --- title ----------------------------------------------------------------------------------

def title_from_export(doc: Document) -> str | None:
    """A JSONL export's title was chosen by whoever exported it, so it comes first."""
    return _clean(_hint(doc, "meta", "title"))


def title_from_segments(doc: Document) -> str | None:
    """The first title segment, its first paragraph re-flowed onto one line."""
    for segment in doc.segments_labelled("title"):
        parts: list[str] = []
        for line in _lines_in(doc, segment.start, segment.end):
            text = line.text.strip()
            if not text:
                if parts:
                    break  # a repeated title or a subtitle follows the blank line
                continue
            parts.append(text)
        title = _clean(" ".join(parts[:3]))
        if title:
            return title
    return None


def title_from_html(doc: Document) -> str | None:
    return _clean(_hint(doc, "html_meta", "title"))


# --- author and date ------------------------------------------------------------------------

def author_from_export(doc: Document) -> str | None:
    return _clean(_hint(doc, "meta", "author"))


def author_from_html(doc: Document) -> str | None:
    return _clean(_hint(doc, "html_meta", "author"))


def published_from_export(doc: Document) -> str | None:
    return parse_date(_hint(doc, "meta", "published"))


def published_from_html(doc: Document) -> str | None:
    return parse_date(_hint(doc, "html_meta", "date"))


def byline_lines(doc: Document) -> list[str]:
    """Short lines where bylines sit: meta and title segments, then the page's first lines."""
    found: list[str] = []
    for label in ("meta", "title"):
        for segment in doc.segments_labelled(label):
            found.extend(line.text.strip() for line in _lines_in(doc, segment.start, segment.end)
                         if 0 < len(line.text.strip()) <= MAX_BYLINE_CHARS)
    comment_spans, body_spans = _spans(doc, "comment"), _spans(doc, "body")
    found.extend(_above_article(doc, body_spans, comment_spans))
    found.extend(_around_title(doc, body_spans, comment_spans))
    found.extend(_labelled_dates(doc, comment_spans))
    seen = 0
    for line in doc.lines:
        text = line.text.strip()
        if not text:
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        if _inside(line.start, comment_spans):
            continue
        limit = MAX_BODY_BYLINE_CHARS if _inside(line.start, body_spans) else MAX_BYLINE_CHARS
        if len(text) <= limit:
            found.append(text)
    # a zero-width mark inside "By\u200b Anna" would hide the byline from its patterns
    return [visible(text) for text in found]


def _above_article(doc: Document, body_spans: list[tuple[int, int]],
                   comment_spans: list[tuple[int, int]]) -> list[str]:
    """Short lines just above the first body paragraph ("16 marca 2021", "Von Anja Muster"),
    in reading order, and those between it and the next: a standfirst under the headline opens
    the body above the byline."""
    found: list[str] = []
    previous_end = 0
    for start, end in body_spans[:2]:
        above = [line for line in doc.lines
                 if previous_end <= line.start and line.end <= start and line.text.strip()]
        found.extend(line.text.strip() for line in above[-ARTICLE_HEAD_LINES:]
                     if len(line.text.strip()) <= MAX_BYLINE_CHARS
                     and not _inside(line.start, comment_spans))
        previous_end = end
    return found


def _title_neighbours(doc: Document, comment_spans: list[tuple[int, int]]
                      ) -> tuple[list[Line], list[Line]]:
    """The non-blank lines outside the comments right under the first headline, in reading
    order, and right over it, nearest first (TITLE_NEAR_LINES each); none without a headline."""
    title = next(iter(doc.segments_labelled("title")), None)
    if title is None:
        return [], []
    rows = [line for line in doc.lines if not line.is_blank
            and not _inside(line.start, comment_spans)]
    first = next((i for i, line in enumerate(rows) if line.start >= title.start), len(rows))
    after = next((i for i, line in enumerate(rows) if line.start >= title.end), len(rows))
    return rows[after:after + TITLE_NEAR_LINES], rows[max(0, first - TITLE_NEAR_LINES):first][::-1]


def _around_title(doc: Document, body_spans: list[tuple[int, int]],
                  comment_spans: list[tuple[int, int]]) -> list[str]:
    """Short lines right under the headline, then right above it: the byline's place on pages
    where share buttons or a picture stand between it and the article ("By" / "Todd Bates" /
    "February 5, 2020" under the title, a dateline over it)."""
    under, over = _title_neighbours(doc, comment_spans)
    return [line.stripped for line in under + over if len(line.stripped) <= (
        MAX_BODY_BYLINE_CHARS if _inside(line.start, body_spans) else MAX_BYLINE_CHARS)]


#: a line that labels its date ("Datum: 19.11.2021", "* Date 19.01.2020", "ePublished: 3 March
#: 2020", "Letzte Aktualisierung: 28.01.2022"), wherever the page puts it
_DATE_LABEL = re.compile(
    r"^\W{0,3}(?:e-?published|published|publication date|date|datum|fecha|data|дата|"
    r"ver[öo]ffentlicht|erschienen|publi[ée]e?|publicado|pubblicato|opublikowano|"
    r"last modified|last updated|updated|aktualisiert(?: am)?|letzte (?:änderung|aktualisierung)|"
    r"stand|mis à jour)\b\s*:?", re.IGNORECASE)


def _labelled_dates(doc: Document, comment_spans: list[tuple[int, int]]) -> list[str]:
    """Short lines outside the comments that label a date, in text order: the last place a
    page's date is looked for (an update date counts only when the page gives no other)."""
    return [line.stripped for line in doc.lines
            if 0 < len(line.stripped) <= MAX_BODY_BYLINE_CHARS and _DATE_LABEL.match(line.stripped)
            and not _inside(line.start, comment_spans) and is_dated(line.stripped)]


def author_from_lines(lines: list[str]) -> str | None:
    for line in lines:
        author = author_in(line)
        if author:
            return author
    return None


def author_from_meta(doc: Document) -> str | None:
    """A line the segmenter calls meta that holds only a person's name (and maybe the date):
    the byline without its "By"; or a name beside its date there, the date first ("September
    17, 2019 Helmut Rubik 0", "19.6.2007 9:40 Uhr Christoph Becker 71 Kommentare")."""
    for segment in doc.segments_labelled("meta"):
        for line in _lines_in(doc, segment.start, segment.end):
            text = line.text.strip()
            if text and len(text) <= MAX_BYLINE_CHARS:
                person = _person(names_alone(text) or name_beside_date(text))
                if person:
                    return person
    return None


def author_from_split_byline(doc: Document, candidates: list[str]) -> str | None:
    """A name alone on its line under a bare lead word ("By" / "David Brand", "Von:" /
    "Moritz Pieczewski-Freimuth"): a byline the page's layout split in two."""
    wanted = set(candidates)
    rows = [line.stripped for line in doc.lines if not line.is_blank]
    for before, text in zip(rows, rows[1:]):
        if text in wanted and is_bare_lead(before):
            person = _person(names_alone(text.rstrip(",")))
            if person:
                return person
    return None


def author_over_date(doc: Document) -> str | None:
    """One person's name alone on a line under the headline, right over a line that is a date
    and little else ("Mark Lavin" / "June 8, 2015"): a byline the layout split in two. Under
    the headline only: elsewhere a heading over a dated teaser looks the same ("Editors Pick" /
    "12.03.2020 …")."""
    under, _ = _title_neighbours(doc, _spans(doc, "comment"))
    rows = [line.stripped for line in under]
    for text, after in zip(rows, rows[1:]):
        if is_date_only(after) and not is_dated(text):
            person = _person(person_alone(text))
            if person:
                return person
    return None


def author_under_title(doc: Document) -> str | None:
    """One person's name alone, or beside its date, on one of the few lines right under the
    headline ("Elizabeth Gibney", "Bettina Kugler 19.10.2019, 05:00 Uhr"), maybe after the
    standfirst: a byline without its lead word, where the page prints it."""
    under, _ = _title_neighbours(doc, _spans(doc, "comment"))
    article_words: set[str] | None = None
    for line in under[:BYLINE_UNDER_TITLE_LINES]:
        text = line.stripped
        person = _person(person_alone(text) or name_beside_date(text))
        if not person:
            continue
        if article_words is None:
            article_words = {w.lower() for s in doc.segments_labelled("body")
                             for w in _WORD.findall(doc.text[s.start:s.end])}
        # capitalised headings and tags ("Beheizbare Jacke", "Gesundheit Angst", "Ultium
        # Cells") name what the article is about, its writer's name is not in its text;
        # "Keine Kommentare", "Ähnliche Beiträge" use the words of page furniture
        words = [w.lower() for w in _WORD.findall(person)]
        if article_words.isdisjoint(w for w in words if len(w) > 2) \
                and not any(map(_furniture_word, words)):
            return person
    return None


def _furniture_word(word: str) -> bool:
    lexicon = get_model().lexicon
    return lexicon is not None and lexicon.is_furniture(word)


def _person(name: str | None) -> str | None:
    """`name`, unless it is capitalised page furniture ("Tweet This", "Recent Posts")."""
    return name if name and not has_boilerplate_cue(name.lower()) else None


def author_from_signature(doc: Document) -> str | None:
    """A signature in the short lines right after the article, where blogs sign a post:
    "Posted by X at 12:11 PM", or a lead word opening a dated line ("Von Jörn Mecher am
    08.12.2022"). Related links, pingbacks, embeds and copyright lines stand there too ("Herz-
    Kreislauf-Risiko von Frauen 02.02.2022", "A post shared by …"): their "by" names no author."""
    body = _spans(doc, "body")
    if not body:
        return None
    comment_spans = _spans(doc, "comment")
    after = (line.stripped for line in doc.lines
             if line.start >= body[-1][1] and not line.is_blank
             and not _inside(line.start, comment_spans))
    for text in itertools.islice(after, ARTICLE_HEAD_LINES):
        signed = _SIGNED.match(text) or (opens_with_lead(text) and is_dated(text))
        if len(text) <= MAX_BYLINE_CHARS and signed:
            person = _person(author_in(text))
            if person:
                return person
    return None


def published_from_lines(doc: Document, lines: list[str]) -> str | None:
    """The first publication date in the byline lines; an update date only when nothing else."""
    month_first = doc.language == "en" and _hint(doc, "html_meta", "date") is None
    fallback = None
    for line in lines:
        iso, only_update = published_in(line, month_first=month_first)
        if iso and not only_update:
            return iso
        fallback = fallback or iso
    return fallback


# --- outlet ---------------------------------------------------------------------------------

def outlet_from_export(doc: Document, registry: OutletRegistry) -> str | None:
    name = _clean(_hint(doc, "meta", "outlet"))
    return (registry.from_name(name) or name) if name else None


def outlet_from_url(doc: Document, registry: OutletRegistry,
                    known_only: bool = False) -> str | None:
    """The registry's outlet for the page's host; else (unless `known_only`) its domain."""
    for url in (doc.url, _hint(doc, "html_meta", "url"), _hint(doc, "meta", "url")):
        host = host_of(url)
        if host:
            known = registry.from_host(host)
            return known if known or known_only else registered_domain(host)
    return None


def outlet_from_sitename(doc: Document, registry: OutletRegistry) -> str | None:
    name = _clean(_hint(doc, "html_meta", "sitename"))
    return outlet_from_name(name, registry) if name else None


def outlet_from_text(doc: Document, registry: OutletRegistry) -> str | None:
    """Outlet signatures in the page: credit and copyright lines, site widgets, recurring domains."""
    lines = _signature_lines(doc)
    for finder in (_credit_outlet, _copyright_outlet, _widget_outlet):
        for line in reversed(lines):  # signatures sit at the foot of the page
            name = finder(line)
            if name:
                found = outlet_from_name(name, registry)
                if found:
                    return _display_name(found, lines) if found == name else found
    masthead = _masthead_outlet(doc)
    if masthead:
        return outlet_from_name(masthead, registry)
    return _recurring_domain(doc, registry)


# words newspapers and news sites name themselves with, in the languages we read
_PRESS_WORDS = frozenset("""
    times post news daily courier herald gazette journal tribune chronicle observer express
    mirror telegraph guardian review monitor record standard dispatch bulletin weekly sun star
    inquirer examiner independent press wire report today globe mail register sentinel
    courrier journal dépêche presse quotidien gazette écho echo libre hebdo nouvelles
    zeitung bote kurier anzeiger rundschau tagblatt nachrichten presse blatt
    diario correo noticias heraldo periódico gaceta crónica
    gazzetta corriere giornale notizie messaggero stampa
    gazeta kurier dziennik wiadomości
    газета вестник новости известия
    """.split())
#: the masthead is the page's first line, or one of the first few above the headline
MASTHEAD_REACH = 3
#: a menu bar renders its items apart (wide gaps, bars, bullets); a masthead is one name
_MENU_GAP = re.compile(r"\S(?:\s{2,}|\t|\s*[|•·»/]\s*)\S")


def _masthead_outlet(doc: Document) -> str | None:
    """The outlet's name as a masthead: a short title-cased line with a press word ("Riverbend
    Courier", "Le Courrier de l'Orbe") among the first lines, above the headline."""
    title_start = min((s.start for s in doc.segments if s.label == "title"), default=len(doc.text))
    rows = [line for line in doc.lines if line.stripped and line.start < title_start]
    for line in rows[:MASTHEAD_REACH]:
        text = line.stripped
        words = re.findall(r"[^\W\d_][\w'’-]*", text)
        if not 1 <= len(words) <= 6 or len(text) > 60 or _MENU_GAP.search(text):
            continue
        if not any(word.lower() in _PRESS_WORDS for word in words):
            continue
        if all(word[0].isupper() or len(word) <= 3 for word in words):
            return text
    return None


def _display_name(name: str, lines: list[str]) -> str:
    """The outlet's written name for a bare domain, when the page spells it out elsewhere.

    "LeVeilleurLibre.example" in a credit line and "Le Veilleur Libre" in a widget are one
    outlet; readers know it by the spaced name.
    """
    label = name.lower().split(".")[0]
    if " " in name or "." not in name or len(label) < 4:
        return name
    for line in lines:
        for finder in (_widget_outlet, _copyright_outlet):
            other = finder(line)
            if other and re.sub(r"[\W_]+", "", other.lower()) == label:
                return other
    return name


def registry_or_domain(host: str, registry: OutletRegistry) -> str:
    return registry.from_host(host) or registered_domain(host)


def outlet_from_name(name: str, registry: OutletRegistry) -> str | None:
    """A registry name for `name` (a domain or an alias); unknown domains give the domain."""
    name = name.strip(" \t.,;:!?\"'“”«»()")
    if not name:
        return None
    known = registry.from_name(name)
    if known:
        return known
    domain = _DOMAIN.fullmatch(name.lower())
    if domain and not name.lower().endswith(_NOT_DOMAIN_ENDINGS):
        return registry_or_domain(name, registry)
    return name


def _credit_outlet(line: str) -> str | None:
    """ "… pour Dreuz.info", "written for Example.com": a credit names the outlet after it."""
    strong = "©" in line or re.search(r"copyright|reproduction|written|écrit|exclusi|writer|"
                                      r"correspondent|columnist|editor|rédact|journalist",
                                      line, re.IGNORECASE)
    for match in _CREDIT.finditer(line):
        name = match["name"].rstrip(".,;:")
        if _DOMAIN.fullmatch(name.lower()) or (strong and name[:1].isupper()):
            return name
    return None


def _copyright_outlet(line: str) -> str | None:
    if len(line) > 200 or _IMAGE_CREDIT.search(line):
        return None
    match = _COPYRIGHT.search(line)
    if not match:
        return None
    holder = _main_part(_HOLDER_END.sub("", match["holder"]).strip())
    if re.search(r"\b(?:pour|for|für|para|per|voor)\b", holder):
        return None  # a credit line: the holder is a writer, the outlet comes after "for"
    return holder if holder[:1].isalnum() and len(holder.split()) <= 6 else None


def _main_part(holder: str) -> str:
    """ "Der Talbote – talbote.example" → "Der Talbote": the name, not the domain beside it;
    "Jeanne Martin / Exemple.info" → "Exemple.info": a slash puts the writer before the outlet."""
    holder = re.split(r"\s+/\s+", holder)[-1]
    parts = [p.strip(" .,;:") for p in re.split(r"\s+[–—|-]\s+", holder) if p.strip(" .,;:")]
    names = [p for p in parts if not _DOMAIN.fullmatch(p.lower())]
    return (names or parts or [holder])[0]


def _widget_outlet(line: str) -> str | None:
    match = _SITE_WIDGET.search(line) if len(line) <= 100 else None
    return match["name"] if match else None


def _recurring_domain(doc: Document, registry: OutletRegistry) -> str | None:
    """A domain named at least twice in the page's boilerplate is most likely the site's own."""
    counts: Counter[str] = Counter()
    lowered = doc.text.lower()
    for segment in doc.segments_labelled("boilerplate"):
        for _, domain in _domain_mentions(lowered, segment.start, segment.end):
            counts[registered_domain(domain)] += 1
    for domain, count in counts.most_common(1):
        if count >= 2:
            return registry.from_host(domain) or domain
    return None


def _domain_mentions(lowered: str, start: int, end: int) -> Iterable[tuple[int, str]]:
    """(offset, domain) for every domain-like name in `lowered[start:end]`."""
    for match in _TLD.finditer(lowered, start, end):
        head = _DOMAIN_HEAD.search(lowered, max(start, match.start() - 80), match.start())
        if head:
            domain = lowered[head.start():match.end()]
            if not domain.endswith(_NOT_DOMAIN_ENDINGS):
                yield head.start(), domain


# --- lines ----------------------------------------------------------------------------------

def _lines_in(doc: Document, start: int, end: int) -> list[Line]:
    return [line if start <= line.start and line.end <= end
            else Line(max(start, line.start), min(end, line.end),
                      doc.text[max(start, line.start):min(end, line.end)])
            for line in doc.lines if line.start < end and line.end > start]


def _signature_lines(doc: Document) -> list[str]:
    """Lines outside comments that could carry an outlet signature, in text order."""
    lowered = doc.text.lower()
    offsets = [offset for offset, _ in _domain_mentions(lowered, 0, len(lowered))]
    for word in _SIGNATURE_WORDS:
        at = lowered.find(word)
        while at >= 0:
            offsets.append(at)
            at = lowered.find(word, at + len(word))
    spans = _spans(doc, "comment")
    lines = doc.lines
    starts = [line.start for line in lines]
    chosen = sorted({bisect.bisect_right(starts, offset) - 1 for offset in offsets})
    return [lines[i].text.strip() for i in chosen
            if i >= 0 and not _inside(lines[i].start, spans)]


def _spans(doc: Document, label: str) -> list[tuple[int, int]]:
    """(start, end) of the page's segments with `label`, in order."""
    return [(s.start, s.end) for s in doc.segments_labelled(label)]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
