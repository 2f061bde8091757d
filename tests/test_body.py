from presslens.document import Document, Segment
from presslens.steps.body import BodyStep


def run_body(text, label_spans=None, hints=None):
    doc = Document(text, hints=hints)
    doc.segments = label_spans or [Segment("body", 0, len(text))]
    BodyStep()(doc)
    return doc


def assert_maps_back(doc):
    for i, ch in enumerate(doc.body):
        source = doc.body_map.to_source(i)
        if ch not in " \n":
            assert doc.text[source] == ch, (i, ch, doc.text[source])


WRAPPED = (
    "The new survey maps the dry plateau between the western vineyards, the farms and the\n"
    "mount in the south; between the historical city in the east and the other mount\n"
    "in the valley, and the far eastern strip of the valley that runs up to the border\n"
    "near the river. The whole project is meant to speed up the official recog-\n"
    "nition of areas held by the Maarrat al-\n"
    "Nu’man forces and by Jean-\n"
    "Yves, a well-known officer who is well-\n"
    "known to everyone in the region.\n"
    "\n"
    "A second paragraph starts here and it is also wrapped at the same width as the\n"
    "first one so that the detector sees it.\n"
)


def test_reflows_hard_wrapped_lines_and_repairs_hyphens():
    doc = run_body(WRAPPED)
    paragraphs = doc.body.split("\n\n")
    assert len(paragraphs) == 2
    assert "\n" not in paragraphs[0]
    assert "farms and the mount" in paragraphs[0]
    assert "recognition" in paragraphs[0]
    assert "al-Nu’man" in paragraphs[0]
    assert "Jean-Yves" in paragraphs[0]
    assert "well-known to everyone" in paragraphs[0]
    assert paragraphs[1].endswith("sees it.")
    assert_maps_back(doc)


def test_short_sentence_line_followed_by_capital_ends_a_paragraph():
    text = ("This is a long wrapped line of the first paragraph that goes on and on and\n"
            "on until it stops here, near the width of the wrap used by the scraper tool\n"
            "and then it ends.\n"
            "Another paragraph starts on the next line without any blank line between them\n"
            "and it is wrapped too.\n")
    paragraphs = run_body(text).body.split("\n\n")
    assert paragraphs[0].endswith("and then it ends.")
    assert paragraphs[1].startswith("Another paragraph")


def test_unwrapped_lines_stay_separate_paragraphs():
    text = "First paragraph is one line.\nSecond paragraph is another.\nThird one.\n"
    assert run_body(text).body == ("First paragraph is one line.\n\nSecond paragraph is another."
                                   "\n\nThird one.")


def test_collapses_double_and_non_breaking_spaces():
    text = "Words  with   double\u00a0spaces and\ta tab.\n\n  Indented  paragraph.\n"
    doc = run_body(text)
    assert doc.body == "Words with double spaces and a tab.\n\nIndented paragraph."
    assert_maps_back(doc)


def test_crlf_text_maps_back_exactly():
    text = "Title line\r\n\r\nFirst  paragraph here.\r\nSecond paragraph here.\r\n"
    start = text.index("First")
    doc = run_body(text, [Segment("title", 0, 10), Segment("body", start, len(text))])
    assert doc.body == "First paragraph here.\n\nSecond paragraph here."
    assert "\r" not in doc.body
    assert_maps_back(doc)
    i = doc.body.index("Second")
    assert doc.text[doc.body_map.to_source(i):].startswith("Second")


def test_only_body_segments_are_used():
    text = "Menu Home News\n\nThe article itself.\n\nShare on Facebook\n"
    a, b = text.index("The"), text.index("Share")
    doc = run_body(text, [Segment("boilerplate", 0, a), Segment("body", a, b),
                          Segment("boilerplate", b, len(text))])
    assert doc.body == "The article itself."


def test_bullets_start_their_own_lines():
    text = ("Intro line of the list that is not wrapped:\n• first item\n• second item\n")
    body = run_body(text).body
    assert "• first item" in body.split("\n\n")
    assert "• second item" in body.split("\n\n")


def test_html_main_text_is_used_as_is_but_normalised():
    doc = run_body("rendered text", hints={"html_main": "Para  one.\nPara\u00a0two.\n\n\nThree."})
    assert doc.body == "Para one.\n\nPara two.\n\nThree."
    assert doc.body_map is None



def test_html_body_leaves_the_headline_to_the_title():
    main = "Freibad öffnet erst im Juni\nDas Freibad wird erst im Juni öffnen.\nGrund sind Risse."
    by_meta = run_body("x", hints={"html_main": main,
                                   "html_meta": {"title": "Freibad öffnet erst im Juni"}})
    assert by_meta.body == "Das Freibad wird erst im Juni öffnen.\n\nGrund sind Risse."
    text = "Freibad öffnet erst im Juni!\nrest"
    by_segment = run_body(text, [Segment("title", 0, 28), Segment("boilerplate", 29, 33)],
                          hints={"html_main": main})
    assert by_segment.body.startswith("Das Freibad")
    # a first paragraph that only shares words with the headline stays
    other = run_body("x", hints={"html_main": main, "html_meta": {"title": "Freibad"}})
    assert other.body.startswith("Freibad öffnet")

def test_html_body_drops_the_furniture_the_extractor_kept():
    main = ("Das Freibad wird erst im Juni öffnen, teilte die Stadt am Montag mit.\n"
            "Foto: dpa / Max Muster\n"
            "Grund sind Risse im Becken, die bei der Prüfung entdeckt wurden.\n"
            "Abonnieren Sie jetzt unseren Newsletter und verpassen Sie keine Nachricht mehr!")
    doc = run_body("x", hints={"html_main": main})
    assert doc.body == ("Das Freibad wird erst im Juni öffnen, teilte die Stadt am Montag mit.\n\n"
                        "Grund sind Risse im Becken, die bei der Prüfung entdeckt wurden.")


def test_html_body_opens_with_the_standfirst_the_extractor_dropped():
    from presslens.pipeline import Pipeline

    standfirst = "Das Becken hat Risse, die Reparatur dauert bis Ende Mai, sagt die Stadt."
    paragraphs = ["Das Freibad wird erst im Juni öffnen, teilte die Stadt am Montag mit.",
                  "Grund sind Risse im Becken, die bei der Prüfung entdeckt wurden."]
    text = "\n\n".join(["Start", "Sport", "Freibad öffnet erst im Juni", standfirst,
                         "Von Max Muster", *paragraphs, "Impressum"]) + "\n"

    def body_of(main: str) -> str:
        doc = Document(text, media_type="html",
                       hints={"html_main": main, "html_comments": None,
                              "html_meta": {"title": "Freibad öffnet erst im Juni"}})
        Pipeline(("segment", "body"))(doc)
        return doc.body

    assert body_of("\n".join(paragraphs)) == "\n\n".join([standfirst, *paragraphs])
    # where the extractor kept it, it is there once
    assert body_of("\n".join([standfirst, *paragraphs])) == "\n\n".join([standfirst, *paragraphs])


def test_no_body_segments_gives_empty_body():
    doc = run_body("Only boilerplate", [Segment("boilerplate", 0, 16)])
    assert doc.body == ""
    assert doc.has_annotation("body")


def test_paragraph_cut_by_a_page_header_is_joined():
    first = "Most respondents said the rules were hard to follow and that"
    header = "COASTAL POLICY REVIEW          Page 1 of 3"
    second = "grant deadlines came too soon. A new sentence starts here."
    third = "Another paragraph follows after the break."
    text = f"{first}\n\n{header}\n\n{second}\n\n{third}\n"
    spans = []
    for part, label in ((first, "body"), (header, "boilerplate"), (second, "body"),
                        (third, "body")):
        start = text.index(part)
        spans.append(Segment(label, start, start + len(part)))
    doc = run_body(text, spans)
    paragraphs = doc.body.split("\n\n")
    assert paragraphs == [f"{first} {second}", third]
    assert "COASTAL" not in doc.body
    assert_maps_back(doc)
