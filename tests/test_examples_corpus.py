"""Cheap structural checks on the bundled example corpus in ``examples/``.

The corpus is what the README's first command (``presslens analyze examples/``)
runs on.  These tests do not run the pipeline; they only make sure the files
are present, well formed, multilingual and carry the features they are meant
to exercise.  ``EXPECTED`` records the ground truth for every page so that
end-to-end tests can import it (``from tests.test_examples_corpus import
EXPECTED`` or by copying it).

Conventions in EXPECTED:
  * ``body_paragraphs``: paragraphs of the article text proper (no title,
    byline, captions, pleas, share widgets, author bios or footers).  A
    paragraph split across a PDF page break counts once.
  * ``comments``: total number of reader comments, replies included, empty
    comments included.
  * ``max_depth``: 0-based nesting depth (0 = only top-level comments);
    ``None`` when there are no comments.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

EXPECTED: dict[str, dict] = {
    "01_en_bullet_thread.txt": {
        "lang": "en",
        "title": "Harbor Council Quietly Approves Offshore Wind Lease Despite Fishermen's Protest",
        "author": "Jane Doe",
        "date": "2024-03-03",
        "outlet": None,
        "body_paragraphs": 6,
        "comments": 10,
        "max_depth": 2,
    },
    "02_fr_newsletter.txt": {
        "lang": "fr",
        "title": "Fermeture de la sucrerie de Vallon-sur-Aize : 300 emplois menacés",
        "author": "Claire Dumontel",
        "date": "2024-01-23",
        "outlet": "Le Veilleur Libre",
        "body_paragraphs": 6,
        "comments": 0,
        "max_depth": None,
    },
    "03_en_says_reply.txt": {
        "lang": "en",
        "title": "County Board Delays Vote on Millbrook Bridge Repairs for a Third Time",
        "author": "Tom Hadley",
        "date": "2024-03-04",
        "outlet": "Riverbend Courier",
        "body_paragraphs": 6,
        "comments": 4,
        "max_depth": 1,  # "@Greg Antell agreed." answers Greg's comment
    },
    "04_de_forum.txt": {
        "lang": "de",
        "title": "Stadtrat Lindenau stoppt Pläne für neues Parkhaus am Bahnhof",
        "author": "Max Beispiel",
        "date": "2024-03-03",
        "outlet": "Der Talbote",
        "body_paragraphs": 5,
        "comments": 4,
        "max_depth": 2,
    },
    "05_en_pdf_wrapped.txt": {
        "lang": "en",
        "title": "Who Pays for the Seawall? Small Towns Struggle With the Cost of Rising Tides",
        "author": "Henrik Almqvist",
        "date": "2024-03-08",
        "outlet": "Coastal Policy Review",
        "body_paragraphs": 8,
        "comments": 0,
        "max_depth": None,
    },
    "06_fr_timestamp_first.txt": {
        "lang": "fr",
        "title": "Saint-Aubin-des-Prés : la cantine scolaire passe au bio, les parents partagés",
        "author": "Sophie Marchal",
        "date": "2024-02-12",
        "outlet": "L'Écho des Collines",
        "body_paragraphs": 5,
        "comments": 5,
        "max_depth": 1,
    },
    "07_es_article.txt": {
        "lang": "es",
        "title": "La sequía obliga a Villanueva del Cierzo a restringir el riego en los huertos municipales",
        "author": "Ana Ejemplo",
        "date": "2024-03-05",
        "outlet": "El Diario Ficticio",
        "body_paragraphs": 4,
        "comments": 3,
        "max_depth": 1,
    },
    "08_en_photo_credits.txt": {
        "lang": "en",
        "title": "State Senate Passes Rural Broadband Bill After Late-Night Session",
        "author": "Peter Gall",
        "date": "2024-03-04",
        "outlet": "The Capitol Wire",
        "body_paragraphs": 7,
        "comments": 0,
        "max_depth": None,
    },
    "09_en_comments.html": {
        "lang": "en",
        "title": "Library Board Votes to Keep Branch Open on Sundays",
        "author": "Priya Castellan",
        "date": "2024-03-06",
        "outlet": "The Northern Ledger",
        "body_paragraphs": 5,
        "comments": 4,
        "max_depth": 2,
    },
}

# One entry per JSONL line, in file order.
EXPECTED_JSONL: list[dict] = [
    {
        "lang": "en",
        "title": "Ferry Service to Corran Island Suspended After Engine Fault",
        "author": "Martin Kell",
        "date": "2024-03-07",
        "outlet": None,
        "body_paragraphs": 3,
        "comments": 2,
        "max_depth": 0,
    },
    {
        "lang": "fr",
        "title": "Grève des bus à Montclar-sur-Orbe : le trafic fortement perturbé lundi",
        "author": "Élodie Ferrand",
        "date": "2024-03-04",
        "outlet": "Le Courrier de l'Orbe",
        "body_paragraphs": 3,
        "comments": 0,
        "max_depth": None,
    },
    {
        "lang": "de",
        "title": "Freibad Hohenbrunn öffnet erst im Juni",
        "author": "Lena Musterfrau",
        "date": "2024-03-05",
        "outlet": "Kreisbote Online",
        "body_paragraphs": 3,
        "comments": 0,
        "max_depth": None,
    },
]

ALL_FILES = sorted(EXPECTED) + ["10_export.jsonl"]


def _read(name: str) -> str:
    return (EXAMPLES / name).read_bytes().decode("utf-8")


def _squash(text: str) -> str:
    """Collapse whitespace (PDF wrapping, indentation) for substring checks."""
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("name", ALL_FILES)
def test_file_exists_and_is_utf8(name):
    path = EXAMPLES / name
    assert path.is_file(), f"missing example {name}"
    raw = path.read_bytes()
    raw.decode("utf-8")  # raises if not UTF-8
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM please"
    assert b"\r" not in raw, "LF line endings only"


@pytest.mark.parametrize("name", ALL_FILES)
def test_file_size_is_page_like(name):
    size = (EXAMPLES / name).stat().st_size
    assert 2_000 <= size <= 6_500, f"{name} is {size} bytes"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_ground_truth_strings_present(name):
    exp = EXPECTED[name]
    text = _squash(_read(name))
    assert exp["title"] in text.replace("&#x27;", "'")
    assert exp["author"] in text
    if exp["outlet"]:
        assert exp["outlet"] in text


def test_languages_covered():
    langs = {e["lang"] for e in EXPECTED.values()} | {e["lang"] for e in EXPECTED_JSONL}
    assert {"en", "fr", "de", "es"} <= langs
    corpus = " ".join(_read(n) for n in ALL_FILES)
    # one characteristic marker per language
    assert "Publié par" in corpus
    assert "Von Max Beispiel" in corpus
    assert "Por Ana Ejemplo" in corpus
    assert "By Jane Doe" in corpus
    assert any(ch in corpus for ch in "äöüß")
    assert any(ch in corpus for ch in "éèàç")
    assert any(ch in corpus for ch in "ñ¿¡í")


def test_jsonl_parses():
    lines = _read("10_export.jsonl").splitlines()
    assert len(lines) == len(EXPECTED_JSONL) == 3
    records = [json.loads(line) for line in lines]
    for rec, exp in zip(records, EXPECTED_JSONL):
        assert {"url", "title", "published"} <= rec.keys()
        assert ("text" in rec) != ("html" in rec), "exactly one of text/html"
        assert rec["url"].startswith("https://") and ".example/" in rec["url"]
        assert rec["title"] == exp["title"]
        assert rec["published"].startswith(exp["date"])
    assert sum("html" in r for r in records) == 1
    assert "Comments (2)" in records[0]["text"]


class _CommentMarkup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.stack: list[tuple[str, bool]] = []
        self.comment_depth = 0
        self.max_comment_depth = -1
        self.comment_count = 0
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a.get("content", "")
            return
        is_comment = tag in ("li", "div") and "comment" in (a.get("class") or "").split()
        if is_comment:
            self.comment_count += 1
            self.max_comment_depth = max(self.max_comment_depth, self.comment_depth)
            self.comment_depth += 1
        self.stack.append((tag, is_comment))

    def handle_endtag(self, tag):
        while self.stack:
            t, was_comment = self.stack.pop()
            if was_comment:
                self.comment_depth -= 1
            if t == tag:
                break


def test_html_has_metadata_and_comment_markup():
    html = _read("09_en_comments.html")
    p = _CommentMarkup()
    p.feed(html)
    exp = EXPECTED["09_en_comments.html"]
    for key in ("og:title", "og:site_name", "author", "article:published_time"):
        assert key in p.meta, key
    assert p.meta["og:title"] == exp["title"]
    assert p.meta["author"] == exp["author"]
    assert p.meta["og:site_name"] == exp["outlet"]
    assert p.meta["article:published_time"].startswith(exp["date"])
    assert {"nav", "article", "aside", "footer", "form"} <= p.tags
    assert p.comment_count == exp["comments"]
    assert p.max_comment_depth == exp["max_depth"]


def test_text_features_present():
    t01 = _read("01_en_bullet_thread.txt")
    assert "0 $" in t01 and "2,500 $" in t01
    assert t01.count(EXPECTED["01_en_bullet_thread.txt"]["title"]) == 2
    assert "Found this report useful? Chip in to keep our reporting free for everyone!" in t01
    assert re.search(r"^      • \S", t01, re.M), "third-level bullet"
    bullets = re.findall(r"^ *• ", t01, re.M)
    assert len(bullets) == EXPECTED["01_en_bullet_thread.txt"]["comments"]

    t02 = _read("02_fr_newsletter.txt")
    for s in ("Photo d’illustration", "Autre montant", "Toute reprise", "lettre du matin",
              "Découvrir Le Veilleur Libre"):
        assert s in t02

    t03 = _read("03_en_says_reply.txt")
    for s in ("Previous article", "Next article", "Notify of", "View all comments", "Article Rating"):
        assert s in t03
    assert len(re.findall(r" says:$", t03, re.M)) == EXPECTED["03_en_says_reply.txt"]["comments"]

    t04 = _read("04_de_forum.txt")
    assert "Kommentare (4)" in t04
    assert len(re.findall(r"Zum Antworten anmelden$", t04, re.M)) == 4

    t05 = _read("05_en_pdf_wrapped.txt")
    assert "Page 2 of 3" in t05
    assert re.search(r"[a-z]-\n[a-z]", t05), "hyphenated line end"
    assert re.search(r"\S  \S", t05), "double spaces inside a line"
    assert max(len(line) for line in t05.splitlines()) <= 95

    t06 = _read("06_fr_timestamp_first.txt")
    assert t06.count("Répondre") == EXPECTED["06_fr_timestamp_first.txt"]["comments"]
    assert "il y a 3 heures" in t06 and re.search(r"\d\d/\d\d/\d{4} à \d\d:\d\d", t06)

    t07 = _read("07_es_article.txt")
    for s in ("Compartir en Facebook", "Te puede interesar", "Todos los derechos reservados"):
        assert s in t07

    t08 = _read("08_en_photo_credits.txt")
    credit = "MARTA KOVEN/NPA via Lensbank Images"
    assert t08.count(credit) == 2
    assert "COMMENTS" in t08 and "Trouble posting a comment?" in t08
