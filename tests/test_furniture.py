"""Page furniture kept as body by the classifier is demoted by what it is."""

import pytest

from presslens.document import split_lines
from presslens.steps.segment.furniture import demote_furniture, furniture_kind, is_picture_credit

ARTICLE = ("The council approved the new seawall budget on Tuesday after a debate that lasted "
           "well into the night, with several members asking for more time to study the plan.")


def labels_for(texts):
    lines = split_lines("\n".join(texts))
    return demote_furniture(lines, ["body"] * len(lines))


def test_running_headers_and_page_numbers_of_a_pdf():
    texts = ["COASTAL POLICY REVIEW      Spring 2024", ARTICLE,
             "COASTAL POLICY REVIEW      Page 1 of 3", "COASTAL POLICY REVIEW      Spring 2024",
             ARTICLE.replace("Tuesday", "Monday"), "COASTAL POLICY REVIEW      Page 2 of 3", "- 7 -"]
    assert labels_for(texts) == ["boilerplate", "body", "boilerplate", "boilerplate", "body",
                                 "boilerplate", "boilerplate"]


def test_copyright_date_and_author_bio_lines():
    assert furniture_kind("Reproduction autorisée avec la mention : © Claire Dumontel") == \
        "boilerplate"
    assert furniture_kind("March 8, 2024") == "meta"
    assert furniture_kind("Henrik Almqvist is a contributing writer for Coastal Policy Review.") \
        == "meta"
    assert furniture_kind("Claire Martin est journaliste indépendante à Lyon.") == "meta"
    assert furniture_kind(ARTICLE) is None
    assert furniture_kind("The mayor is a former journalist who once wrote for the town paper "
                          "and says the experience taught her to read budgets closely.") is None


def test_empty_comment_section_notice_is_not_article():
    texts = [ARTICLE, ARTICLE, "COMMENTS", "Let us know if you have trouble posting a comment."]
    assert labels_for(texts) == ["body", "body", "boilerplate", "boilerplate"]


def test_a_comments_teaser_mid_page_does_not_cut_the_article():
    texts = [ARTICLE, "Comments", ARTICLE + " One.", ARTICLE + " Two."]
    assert labels_for(texts) == ["body", "body", "body", "body"]


def test_picture_stand_in_captions():
    for caption in ("Illustrative image", "Image d’archive", "Photo: AFP", "Foto: dpa"):
        assert furniture_kind(caption) == "boilerplate", caption
    assert furniture_kind("Photos show the damage after the storm.") is None


def test_related_links_box_kept_as_body_is_demoted_with_its_teasers():
    texts = [ARTICLE, "Ähnliche Beiträge", "Stadtrat vertagt Entscheidung über neues Hallenbad",
             "Wie die Region sich auf den Winter vorbereitet", ARTICLE]
    assert labels_for(texts) == ["body", "boilerplate", "boilerplate", "boilerplate", "body"]
    texts = [ARTICLE, "Explore further", "New seawall plans unveiled", ARTICLE]
    assert labels_for(texts) == ["body", "boilerplate", "boilerplate", "body"]


def test_source_lines_and_page_widgets():
    for line in ("Quelle: Landesregierung", "Roman Prymula, photo:", "Abbildung: Vergleich",
                 "Teile diesen Beitrag auf", "Dieses Skript als PDF herunterladen",
                 "Télécharger au format EPUB", "Share on Facebook", "Weiter"):
        assert furniture_kind(line) == "boilerplate", line
    for line in ("Sources close to the minister said the plan was dropped.",
                 "Share prices fell sharply on Monday after the announcement."):
        assert furniture_kind(line) is None, line


def test_dated_bylines_and_captions_with_their_credit():
    assert furniture_kind("von Anja Muster am 14. Mai 2014, 15:40 Uhr") == "meta"
    assert furniture_kind("Pubblicato il 19 Febbraio 2020") == "meta"
    assert furniture_kind("Golf im TV: die Übertragungszeiten im Überblick. (Foto: Getty)") == \
        "boilerplate"
    assert furniture_kind("By the end of March 2020 the council had spent its budget.") is None


@pytest.mark.parametrize("line", ["Article Rating", "3.7 14 votes", "Copiar enlace",
                                  "Previous articleCity library extends weekend opening hours",
                                  "Article suivant : la grève continue", "Rate this article",
                                  "War der Artikel nützlich?", "Was this article helpful?",
                                  "Möchten Sie den Artikel teilen?"])
def test_rating_share_and_paging_widgets_are_boilerplate(line):
    assert furniture_kind(line) == "boilerplate"


@pytest.mark.parametrize("line", ["The next article of the constitution says that the "
                                  "president must resign.", "4 votes were cast against it."])
def test_sentences_that_mention_votes_or_articles_stay(line):
    assert furniture_kind(line) is None


@pytest.mark.parametrize("line", [
    "Your email address will not be published. Required fields are marked *",
    "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind markiert *",
    "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Il tuo indirizzo email non sarà pubblicato."])
def test_comment_form_notices_are_boilerplate(line):
    assert furniture_kind(line) == "boilerplate"


def test_reporting_on_unpublished_addresses_stays():
    assert furniture_kind("The minister said the email address of the whistleblower will "
                          "not be published by the ministry, as the court had ordered.") is None


@pytest.mark.parametrize("line", [
    "This entry was posted in Politics and tagged elections, Ohio. Bookmark the permalink.",
    "Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit berlin von Simon.",
    "2. Pingback von Too much information - Papierkorb | 26.06.2012 10:43",
    "Trackback: The week in review",
    "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links",
    "Advertising disclosure: We may receive compensation for some of the links in our stories.",
    "NOTE: The advertising disclaimer below does not apply to this article."])
def test_blog_post_footers_pingbacks_and_paid_link_disclosures_are_boilerplate(line):
    assert furniture_kind(line) == "boilerplate"


def test_reporting_about_affiliate_marketing_stays():
    assert furniture_kind(
        "The regulator fined three influencers last year for hiding affiliate links in posts "
        "about skin creams, and said more cases were under review across the country after "
        "complaints from consumer groups and a long investigation by the authority.") is None


@pytest.mark.parametrize("line", [
    "Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.",
    "Alle Inhalte sind urheberrechtlich geschützt.", "4 Min Read", "Lesezeit: 3 Minuten",
    "5 minutes de lecture", "Abbildung 4: klassische Schwachschicht im Schneeprofil.",
    "Figure 2: Turnout by district, 2019"])
def test_copyright_in_more_languages_reading_times_and_numbered_figures(line):
    assert furniture_kind(line) == "boilerplate"


def test_a_sentence_about_minutes_of_reading_stays():
    assert furniture_kind("Children who spend 20 minutes reading each day do better at school, "
                          "the study found.") is None


def test_agency_picture_credits_are_boilerplate_even_when_filed_as_meta():
    page = ["Minister warns of attacks", "Jane Roe/AFP/Getty Images", "By Jane Roe",
            "The minister said on Tuesday that the group was regaining ground in the east."]
    lines = split_lines("\n".join(page) + "\n")
    labels = ["title", "meta", "meta", "body", None]
    assert demote_furniture(lines, labels)[:4] == ["title", "boilerplate", "meta", "body"]
    assert furniture_kind("Photographer Name / Reuters") == "boilerplate"
    assert furniture_kind("Paris (AFP) – The strike went on for a third day on Friday.") is None


@pytest.mark.parametrize("line", [
    "Photograph by Jeremy Holden, Fauna & Flora International",
    "Life is not digital. Zeige alle Beiträge von Cem Basman",
    "Informationsschreiben vom 14. Oktober 2021PDF | 38 KB | Datei ist nicht barrierefrei",
    "Annual report (PDF, 2.4 MB)"])
def test_photograph_credits_author_archive_links_and_file_links_are_boilerplate(line):
    assert furniture_kind(line) == "boilerplate"


# One line per alternative of the searched patterns, each past the line's start (or at it for
# the anchored ones), in capitals: the first-character lookahead in front of each pattern
# (a speed-up, re.I like the patterns) must let every alternative through.
@pytest.mark.parametrize("pattern, line", [
    ("_COPYRIGHT", "Text and pictures © 2024"),
    ("_COPYRIGHT", "Text and pictures (C) 2024"),
    ("_COPYRIGHT", "Text and pictures COPYRIGHT Foo"),
    ("_COPYRIGHT", "Foo Media, ALL RIGHTS RESERVED"),
    ("_COPYRIGHT", "Foo Média, TOUS DROITS RÉSERVÉS"),
    ("_COPYRIGHT", "Foo Verlag, ALLE RECHTE VORBEHALTEN"),
    ("_COPYRIGHT", "Foo, TODOS LOS DERECHOS RESERVADOS"),
    ("_COPYRIGHT", "Foo, TUTTI I DIRITTI RISERVATI"),
    ("_COPYRIGHT", "Foo, WSZELKIE PRAWA ZASTRZEŻONE"),
    ("_COPYRIGHT", "Treść CHRONIONA PRAWEM AUTORSKIM"),
    ("_COPYRIGHT", "Inhalt URHEBERRECHTLICH GESCHÜTZT"),
    ("_COPYRIGHT", "Contenu PROTÉGÉ PAR LE DROIT D'AUTEUR"),
    ("_COPYRIGHT", "Contenido PROTEGIDO POR LOS DERECHOS DE AUTOR"),
    ("_COPYRIGHT", "Все ПРАВА ЗАЩИЩЕНЫ"),
    ("_FORM_NOTICE", "YOUR email address WILL NOT BE PUBLISHED."),
    ("_FORM_NOTICE", "Note: REQUIRED FIELDS ARE MARKED *"),
    ("_FORM_NOTICE", "Hinweis: ERFORDERLICHE FELDER SIND markiert"),
    ("_FORM_NOTICE", "Les CHAMPS OBLIGATOIRES SONT indiqués"),
    ("_FORM_NOTICE", "Los CAMPOS OBLIGATORIOS ESTÁN marcados"),
    ("_FORM_NOTICE", "I CAMPI OBBLIGATORI SONO contrassegnati"),
    ("_FORM_NOTICE", "Uwaga: WYMAGANE POLA SĄ oznaczone"),
    ("_FORM_NOTICE", "Os CAMPOS OBRIGATÓRIOS SÃO marcados"),
    ("_FORM_NOTICE", "Let op: VEREISTE VELDEN ZIJN gemarkeerd"),
    ("_FORM_NOTICE", "SAVE MY NAME, email, and website"),
    ("_FORM_NOTICE", "YOU MUST BE LOGGED IN TO POST A COMMENT."),
    ("_FORM_NOTICE", "Внимание: ВАШ E-MAIL НЕ БУДЕТ ОПУБЛИКОВАН"),
    ("_FORM_NOTICE", "Внимание: ОБЯЗАТЕЛЬНЫЕ ПОЛЯ ПОМЕЧЕНЫ *"),
    ("_DISCLOSURE", "This page CONTAINS AFFILIATE LINKS"),
    ("_DISCLOSURE", "Der Artikel ENTHÄLT Affiliate-Links"),
    ("_DISCLOSURE", "Hier HANDELT ES SICH UM Affiliate Links"),
    ("_DISCLOSURE", "Links here ARE AFFILIATE LINKS"),
    ("_DISCLOSURE", "Diese Links SIND Affiliate-Links"),
    ("_DISCLOSURE", "This post INCLUDES AFFILIATE LINKS"),
    ("_DISCLOSURE", "** AFFILIATE LINKS below"),
    ("_DISCLOSURE", "Note: ADVERTISING DISCLOSURE applies"),
    ("_DISCLOSURE", "Note: WE MAY EARN A COMMISSION"),
    ("_DISCLOSURE", "Cet article contient des LIENS AFFILIÉS"),
    ("_DISCLOSURE", "Este artículo contiene ENLACES DE AFILIADOS"),
])
def test_every_alternative_of_the_searched_patterns_still_matches(pattern, line):
    from presslens.steps.segment import furniture

    assert getattr(furniture, pattern).search(line)


@pytest.mark.parametrize("credit", ["JANE ROE/AFP via Getty Images", "Tom Ash via Northwind Photos",
                                    "K. LEE/XYZ via Harbor Images"])
def test_agency_distribution_credits_are_picture_credits(credit):
    assert is_picture_credit(credit)
    assert not is_picture_credit("The mayor spoke via video link to the council images team.")


@pytest.mark.parametrize("line", [
    "VEA TAMBIÉN: Las lluvias dejan 300 familias afectadas en Colón",
    "(Le puede interesar: Capturan a dos sospechosos del robo en el puerto)",
    "MIRA: Así quedó el puente tras la crecida del río",
    "Read more: Flood defences fail in three coastal towns",
    "Lesen Sie auch: Warum der Deich nicht hielt",
    "Czytaj też: Powódź na Pomorzu. Co dalej z wałami?",
    "WATCH: Residents rescued from rooftops",
])
def test_links_to_other_articles_inside_the_text_are_boilerplate(line):
    assert furniture_kind(line) == "boilerplate"


@pytest.mark.parametrize("line", [
    "Read more about the plan in the council's report, published on Tuesday.",
    "Mira: the word the rescuers shouted when they saw the boat, the mayor said.",
    "Watching the river rise: residents describe the night the levee broke",
])
def test_sentences_that_begin_like_a_link_lead_stay(line):
    assert furniture_kind(line) is None
