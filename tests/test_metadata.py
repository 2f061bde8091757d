import json

import pytest

from presslens.document import Document, Segment
from presslens.errors import PresslensError
from presslens.steps.dates import author_in, find_dates, parse_date, published_in
from presslens.steps.metadata import MetadataStep, author_over_date, load_outlet_registry, registered_domain


def page(lines, labels=None, **kwargs):
    """A document from `lines`, each segment one line with the given label (default body)."""
    text = "\n".join(lines) + "\n"
    doc = Document(text, **kwargs)
    offset, segments = 0, []
    for i, line in enumerate(lines):
        label = (labels or {}).get(i, "body")
        segments.append(Segment(label, offset, offset + len(line)))
        offset += len(line) + 1
    doc.segments = segments
    return doc


def run(doc, registry=None):
    MetadataStep(registry)(doc)
    return doc


@pytest.mark.parametrize("line, author, date", [
    ("Publié par Jeanne Martin le 23 janvier 2021", "Jeanne Martin", "2021-01-23"),
    ("Par Paul Durand, publié le 3 mars 2020", "Paul Durand", "2020-03-03"),
    ("By John Smith | March 3, 2019", "John Smith", "2019-03-03"),
    ("By John Smith and Jane Doe", "John Smith and Jane Doe", None),
    ("Von Max Müller, 3. März 2019", "Max Müller", "2019-03-03"),
    ("Por Ana García, 3 de marzo de 2019", "Ana García", "2019-03-03"),
    ("Posted on 2019-03-03 by Mary Jones", "Mary Jones", "2019-03-03"),
    ("di Mario Rossi | 12 settembre 2018", "Mario Rossi", "2018-09-12"),
    ("Door Jan de Vries, 3 maart 2019", "Jan de Vries", "2019-03-03"),
    ("Autor: Jan Kowalski, 11 października 2021", "Jan Kowalski", "2021-10-11"),
    ("Opublikowano: wtorek, 11 maja 2021, 23:13", None, "2021-05-11"),
    ("Автор: Иван Петров | 3 марта 2022", "Иван Петров", "2022-03-03"),
    ("Von Jule Radeck Vom 3. Februar 2022", "Jule Radeck", "2022-02-03"),
    ("By Jane Roe On March 3, 2019", "Jane Roe", "2019-03-03"),
    ("ByJ.R. Stone", "J.R. Stone", None),
    ("PorRodolfo Costa", "Rodolfo Costa", None),
    ("Byron Smith writes about the harbour", None, None),
])
def test_bylines(line, author, date):
    assert author_in(line) == author
    assert published_in(line)[0] == date


def test_numeric_dates():
    assert parse_date("03/04/2019") == "2019-04-03"  # day first by default
    assert find_dates("03/04/2019", month_first=True)[0][1] == "2019-03-04"
    assert parse_date("12/25/2019") == "2019-12-25"  # only one reading is a date
    assert parse_date("3.3.2019") == "2019-03-03"
    assert parse_date("2019-03-03T10:00:00Z") == "2019-03-03"


def test_invalid_dates_are_rejected():
    assert parse_date("31/02/2020") is None
    assert parse_date("2019-13-01") is None
    assert parse_date("3 March 1850") is None
    assert parse_date("not a date") is None
    assert parse_date(None) is None


def test_update_date_only_when_nothing_else():
    assert published_in("Published 03/04/2019, updated 05/06/2020") == ("2019-04-03", False)
    assert published_in("Updated March 5, 2021") == ("2021-03-05", True)


def test_text_cascade_title_author_date():
    doc = run(page(["Big Storm Hits\nthe Coast", "By Anna Berg | May 3, 2021",
                    "The storm hit the coast on Monday."], {0: "title", 1: "meta"}))
    assert doc.title == "Big Storm Hits the Coast"
    assert doc.author == "Anna Berg"
    assert doc.published == "2021-05-03"
    assert doc.outlet is None


def test_date_line_just_above_the_article_after_a_long_menu():
    # rendered pages open with menus longer than the page head that bylines are looked for in;
    # the segmenter may call the lone date line above the article boilerplate
    menu = [f"Section {n}" for n in range(20)]
    lines = menu + ["16 marca 2021", "Finowie odkrywają wino",
                    "Fińscy konsumenci coraz chętniej sięgają po wino z Europy Południowej."]
    labels = {i: "boilerplate" for i in range(21)} | {21: "title"}
    doc = run(page(lines, labels))
    assert doc.published == "2021-03-16"


def test_date_line_under_a_standfirst_that_opens_the_body():
    # the summary under the headline is body, so the article's first body line stands above
    # the date; the date just above the next body paragraph still counts
    menu = [f"Section {n}" for n in range(20)]
    lines = menu + ["Three islands added to quarantine list",
                    "Penalties for those who refuse to self-isolate are to be increased sharply",
                    "Close", "01 October 2020",
                    "Travellers arriving after 4am on Saturday must self-isolate for two weeks."]
    labels = {i: "boilerplate" for i in range(20)} | {20: "title", 22: "boilerplate",
                                                       23: "boilerplate"}
    doc = run(page(lines, labels))
    assert doc.published == "2020-10-01"


def test_a_name_alone_on_a_meta_line_is_the_author():
    lines = ["Eine neue Studie zur Zufriedenheit", "Tina Klostermeier",
             "Die Studie befragte 2.000 Menschen zu ihrem Alltag und ihrer Zufriedenheit."]
    doc = run(page(lines, {0: "title", 1: "meta"}))
    assert doc.author == "Tina Klostermeier"
    lines[1] = "Christian Kahle, 03.11.2023 15:32 Uhr"
    doc = run(page(lines, {0: "title", 1: "meta"}))
    assert (doc.author, doc.published) == ("Christian Kahle", "2023-11-03")
    for furniture in ("Tweet This", "Redaktion"):
        lines[1] = furniture
        assert run(page(lines, {0: "title", 1: "meta"})).author is None


def test_a_name_beside_its_date_on_a_meta_line_is_the_author():
    lines = ["Eine neue Studie zur Zufriedenheit", "",
             "Die Studie befragte 2.000 Menschen zu ihrem Alltag und ihrer Zufriedenheit."]
    for byline, author in (("September 17, 2019 Helmut Rubik 0", "Helmut Rubik"),
                           ("19.6.2007 9:40 Uhr Christoph Becker 71 Kommentare", "Christoph Becker"),
                           ("Swantje Schemmerling | 06.11.23", "Swantje Schemmerling"),
                           ("/ Cory Doctorow / 10:08 am Fri Jul 19, 2013", "Cory Doctorow"),
                           ("26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar",
                            "Ulrike Stockhausen"),
                           ("04. November 2021 | PAID CONTENT", None),
                           ("Okt 13, 2022 | Umwelt & Klima", None),
                           ("Version 2.0.1 Release Notes", None)):
        lines[1] = byline
        assert run(page(lines, {0: "title", 1: "meta"})).author == author, byline


def test_a_byline_split_under_its_lead_word():
    lines = ["Three islands added to quarantine list", "By", "April Roach",
             "Travellers arriving after 4am on Saturday must self-isolate for two weeks."]
    labels = {0: "title", 1: "boilerplate", 2: "boilerplate"}
    assert run(page(lines, labels)).author == "April Roach"
    lines[1] = "Share"  # a name alone without its lead or date may be anything
    assert run(page(lines, labels)).author is None


def test_a_signature_under_a_blog_post():
    # a long post: the signature stands below the page head where bylines are looked for
    body = [f"Heute haben wir den {n}. Maulwurfkuchen gebacken, und er ist gelungen."
            for n in range(1, 17)]
    for signature, author in (("Posted by Alex Durán, AMP Project Marketing, Google", "Alex Durán"),
                              ("Von Jörn Mecher am 08.12.2022", "Jörn Mecher"),
                              ("Stillen senkt Herz-Kreislauf-Risiko von Frauen 02.02.2022", None),
                              ("3. Pingback von Too much information | 22.07.2014 14:09", None)):
        doc = run(page(["Ein Kuchen", *body, signature], {0: "title", 17: "boilerplate"}))
        assert doc.author == author, signature


def test_body_sentences_with_dates_are_not_bylines():
    doc = run(page(["Title", "On March 7, 2016, the town joined the water board that had formed "
                    "earlier in the year, by the way of a vote."], {0: "title"}))
    assert doc.published is None
    assert doc.author is None


def test_title_and_author_without_soft_hyphens_or_zero_width_marks():
    # CMSs hyphenate long German words with U+00AD; a title must read (and search) as shown
    doc = run(page(["Er\u00adin\u00adne\u00adrung an die Op\u00adfer", "Von Anna\u200b Berg",
                    "Der Text beginnt hier."], {0: "title", 1: "meta"}))
    assert doc.title == "Erinnerung an die Opfer"
    assert doc.author == "Anna Berg"


def test_a_name_alone_under_the_headline_and_its_standfirst_is_the_author():
    doc = run(page(["Giant telescope opens to astronomers worldwide",
                    "The dish has superior sensitivity to detect fast radio bursts.",
                    "Elizabeth Gibney", "Search for this author in:",
                    "China's giant radio telescope will open to astronomers from abroad next year."],
                   {0: "title", 2: "boilerplate", 3: "boilerplate"}))
    assert doc.author == "Elizabeth Gibney"


@pytest.mark.parametrize("heading", ["Beheizbare Jacke", "Keine Kommentare"])
def test_a_capitalised_heading_under_the_headline_is_no_author(heading):
    # the first names what the article is about (its words are in the text), the second is
    # page furniture the segmenter's lexicon knows
    doc = run(page(["Warm durch den Winter", heading,
                    "Die beheizbare Jacke hält im Test auch bei minus zehn Grad warm."],
                   {0: "title", 1: "boilerplate"}))
    assert doc.author is None


def test_html_meta_takes_precedence():
    hints = {"html_meta": {"title": "HTML Title", "author": "Meta Author", "date": "2020-02-02",
                           "sitename": "Some Site", "url": None}}
    doc = run(page(["Text Title", "By Text Author | March 3, 2019", "Body."],
                   {0: "title", 1: "meta"}, hints=hints))
    assert doc.author == "Meta Author"
    assert doc.published == "2020-02-02"
    assert doc.title == "Text Title"  # the rendered title segment beats the HTML <title>
    assert doc.outlet == "Some Site"


def test_export_metadata_comes_first():
    hints = {"meta": {"title": "Export", "author": ["A", "B"], "published": "2018-07-01",
                      "outlet": "AFP"}}
    doc = run(page(["Text Title"], {0: "title"}, hints=hints))
    assert (doc.title, doc.author, doc.published) == ("Export", "A, B", "2018-07-01")
    assert doc.outlet == "Agence France-Presse"


def test_outlet_from_url():
    assert run(page(["x"], url="https://www.bbc.co.uk/news/world-1")).outlet == "BBC"
    assert run(page(["x"], url="https://edition.cnn.com/a")).outlet == "CNN"
    assert run(page(["x"], url="https://news.example.co.uk/a")).outlet == "example.co.uk"
    assert registered_domain("www.blog.example.com") == "example.com"


def test_outlet_from_copyright_and_credit_lines():
    doc = run(page(["Title", "Body text.", "© 2021 Reuters. All rights reserved."],
                   {0: "title", 2: "boilerplate"}))
    assert doc.outlet == "Reuters"
    doc = run(page(["Title", "Body.", "Reproduction autorisée : © Jeanne Martin pour Exemple.info."],
                   {0: "title", 2: "boilerplate"}))
    assert doc.outlet == "exemple.info"
    doc = run(page(["Title", "Body.", "Copyright Foo Daily News"], {0: "title", 2: "boilerplate"}))
    assert doc.outlet == "Foo Daily News"
    doc = run(page(["Title", "Body.", "© Jeanne Martin / Exemple.info"],
                   {0: "title", 2: "boilerplate"}))
    assert doc.outlet == "exemple.info"


def test_outlet_ignores_photo_credits():
    doc = run(page(["Title", "Photo: © AFP", "Body."], {0: "title", 1: "body"}))
    assert doc.outlet is None


def test_outlet_from_user_registry(tmp_path, monkeypatch):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps([{"name": "Foo Daily", "domains": ["foo-daily.example"],
                                 "aliases": ["FooD"]}]), encoding="utf-8")
    registry = load_outlet_registry([path])
    assert run(page(["x"], url="http://foo-daily.example/a"), registry).outlet == "Foo Daily"
    assert run(page(["T", "© 2020 FooD"], {0: "title"}), registry).outlet == "Foo Daily"
    monkeypatch.setenv("PRESSLENS_OUTLETS", str(path))
    assert run(page(["x"], url="https://m.foo-daily.example/")).outlet == "Foo Daily"


@pytest.mark.parametrize("content", ["{not json", json.dumps({"name": "x"}),
                                     json.dumps([{"domains": ["a.com"]}])])
def test_bad_registry_file_is_an_error(tmp_path, monkeypatch, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PresslensError, match="P032"):
        load_outlet_registry([path])
    monkeypatch.setenv("PRESSLENS_OUTLETS", str(tmp_path / "missing.json"))
    with pytest.raises(PresslensError, match="P032"):
        MetadataStep()


def test_outlet_prefers_the_written_name_over_its_domain():
    doc = run(page(["Title", "Body.", "© Jeanne Martin pour MonJournalLibre.example.",
                    "En savoir plus sur Mon Journal Libre"], {0: "title", 2: "boilerplate",
                                                              3: "boilerplate"}))
    assert doc.outlet == "Mon Journal Libre"
    doc = run(page(["Title", "Body.", "© 2024 Der Bergbote – bergbote.example"],
                   {0: "title", 2: "boilerplate"}))
    assert doc.outlet == "Der Bergbote"
    doc = run(page(["Title", "Body.", "Anna Berg is a contributing writer for Harbour Policy Weekly."],
                   {0: "title", 2: "boilerplate"}))
    assert doc.outlet == "Harbour Policy Weekly"


def test_site_name_beats_an_unknown_domain():
    doc = page(["Title", "Body."], {0: "title"}, url="https://the-ledger.example/a")
    doc.hints["html_meta"] = {"sitename": "The Ledger"}
    assert run(doc).outlet == "The Ledger"


def test_outlet_from_a_masthead_above_the_headline():
    doc = run(page(["Riverbend Courier", "Home | Local | Sports", "Bridge vote delayed again",
                    "The county board delayed the vote."], {0: "boilerplate", 1: "boilerplate",
                                                            2: "title"}))
    assert doc.outlet == "Riverbend Courier"
    # a section name or a short headline without a press word is no masthead
    doc = run(page(["Local Politics", "Bridge vote delayed again", "The board met."],
                   {0: "boilerplate", 1: "title"}))
    assert doc.outlet is None


def test_a_menu_bar_with_a_press_word_is_no_masthead():
    # "News" is a press word, but a row of menu items is the site's navigation, not its name
    for menu in ("Home   News   Opinion   Videos", "Home | News | Sport", "Accueil • Actualités • Presse"):
        doc = run(page([menu, "Bridge vote delayed again", "The board met."],
                       {0: "boilerplate", 1: "title"}))
        assert doc.outlet is None, menu


def test_a_byline_under_the_headline_far_above_the_article():
    # share buttons and a picture credit stand between the byline and the first paragraph,
    # more lines than the byline search above the article reaches; the menu fills the page head
    menu = [f"Section {n}" for n in range(20)]
    widgets = ["Share", "Facebook", "Twitter", "WhatsApp", "E-mail", "Print", "Save",
               "Photo: Rutgers", "Listen to this article"]
    lines = menu + ["New Robot Does Superior Job Sampling Blood", "By", "Todd Bates", "Date",
                    "February 5, 2020"] + widgets + [
        "A blood-drawing robot performed as well as or better than people, a study finds."]
    labels = {i: "boilerplate" for i in range(len(lines) - 1)} | {20: "title"}
    doc = run(page(lines, labels))
    assert (doc.author, doc.published) == ("Todd Bates", "2020-02-05")


def test_a_labelled_date_far_from_the_headline_is_the_last_resort():
    menu = [f"Section {n}" for n in range(20)]
    article = ["Die Gemeinde eröffnet im Frühjahr die neue Bibliothek am Marktplatz.",
               "Die Bauarbeiten dauerten zwei Jahre und kosteten 4,2 Millionen Euro."] * 8
    lines = menu + ["Neue Bibliothek am Marktplatz"] + article + ["Teilen", "Datum: 19.11.2021",
                                                                 "Impressum"]
    labels = {i: "boilerplate" for i in range(20)} | {20: "title"} | {
        i: "boilerplate" for i in range(len(lines) - 3, len(lines))}
    assert run(page(lines, labels)).published == "2021-11-19"
    # in the comments a labelled date is a comment's, not the page's
    labels[len(lines) - 2] = "comment"
    assert run(page(lines, labels)).published is None


def test_a_name_over_its_date_under_the_headline_is_the_author():
    lines = ["Pausing a Django migration", "Mark Lavin", "June 8, 2015", "Share",
             "Sometimes a data migration has to wait for a deploy, and Django has no switch for it."]
    labels = {0: "title", 1: "boilerplate", 2: "boilerplate", 3: "boilerplate"}
    assert run(page(lines, labels)).author == "Mark Lavin"
    # a heading over a dated teaser, two names joined, or a date with more words: not this
    # rule's byline (a name alone right under the headline still is one: author_under_title)
    for heading, date in (("Gewässer und Auen", "June 8, 2015"),
                          ("Mark Lavin", "June 8, 2015 Django drops Python 2 support")):
        lines[1:3] = [heading, date]
        assert author_over_date(page(lines, labels)) is None, heading
