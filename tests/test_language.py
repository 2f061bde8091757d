from presslens.document import Comment, Document
from presslens.steps.language import LanguageStep, detect_comment_language, detect_page_language

EN = ("The government announced on Tuesday that it would send more troops to the region, "
      "a decision that was criticised by the opposition and by several aid organisations.")
FR = ("Le gouvernement a annoncé mardi qu'il enverrait davantage de troupes dans la région, "
      "une décision critiquée par l'opposition et par plusieurs organisations humanitaires.")
DE = ("Die Regierung hat am Dienstag angekündigt, weitere Truppen in die Region zu schicken, "
      "eine Entscheidung, die von der Opposition und mehreren Hilfsorganisationen kritisiert wurde.")


def comment(text, i=0):
    return Comment(str(i), None, 0, None, None, text, 0, len(text))


def run(body, comments=(), text=None):
    doc = Document(text if text is not None else body)
    doc.body = body
    doc.comments = list(comments)
    LanguageStep()(doc)
    return doc


def test_page_language_from_body():
    assert run(EN).language == "en"
    assert run(FR).language == "fr"
    assert run(DE).language == "de"


def test_falls_back_to_text_when_body_is_empty():
    assert run("", text=FR).language == "fr"


def test_comment_languages():
    doc = run(EN, [comment("Je ne suis pas du tout d'accord avec cet article, c'est faux.", 1),
                   comment("Das ist eine sehr gute Nachricht für uns alle hier.", 2),
                   comment("I completely agree with the author of this piece.", 3)])
    assert [c.language for c in doc.comments] == ["fr", "de", "en"]
    assert doc.has_annotation("comments")


def test_short_and_emoji_comments_get_none():
    assert detect_comment_language("well said") is None
    assert detect_comment_language("😀😀😀 🎉🎉") is None
    assert detect_comment_language("+1") is None
    assert detect_comment_language("12 345 678 910") is None


def test_never_crashes_on_odd_input():
    for text in ("", " ", "1234567890", "😀" * 40, "\x00\x01", "http://example.com/a?b=c"):
        assert detect_page_language(text) is None
        assert detect_comment_language(text) is None
    assert run("").language is None
