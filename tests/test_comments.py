"""CommentsStep: thread shapes parsed into a reply tree, with spans into the page text."""

from pathlib import Path

import pytest

from presslens.document import Document, Segment
from presslens.steps.comments import CommentsStep
from presslens.steps.segment.threads import mark_comment_lines
from samples import AGE_CLOSED_THREAD, POLISH_THREAD

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _thread_doc(article: str, thread: str) -> Document:
    """A page whose comment segment (built by hand) covers `thread`."""
    text = article + "\n\n" + thread
    doc = Document(text)
    start = len(article) + 2
    doc.segments = [Segment("body", 0, len(article)), Segment("comment", start, len(text))]
    return doc


def _parse(thread: str, **overrides) -> tuple[Document, list]:
    doc = _thread_doc("An article about the harbour and its new cranes.", thread)
    CommentsStep(overrides or None)(doc)
    return doc, doc.comments


def _check_spans(doc):
    for c in doc.comments:
        span = doc.text[c.start:c.end]
        for line in c.text.splitlines():
            assert line in span, (c.id, line)


def test_bullet_thread_nested_three_levels():
    thread = "\n".join([
        "  • alice",
        "",
        "    The cranes are far too loud at night.",
        "",
        "    • bob",
        "",
        "      They only run until ten.",
        "",
        "      • carol",
        "",
        "        Not on my street they don't.",
        "",
        "    • dave",
        "",
        "      Agreed with alice.",
        "",
        "  • erin",
        "",
        "    Nice pictures.",
    ])
    doc, comments = _parse(thread)
    assert [(c.id, c.parent, c.depth, c.author) for c in comments] == [
        ("c1", None, 0, "alice"), ("c2", "c1", 1, "bob"), ("c3", "c2", 2, "carol"),
        ("c4", "c1", 1, "dave"), ("c5", None, 0, "erin")]
    assert comments[2].text == "Not on my street they don't."
    # a parent's span stops before its first reply
    assert doc.text[comments[0].start:comments[0].end] == (
        "• alice\n\n    The cranes are far too loud at night.")
    _check_spans(doc)


def test_says_reply_shape_with_timestamps():
    thread = "\n".join([
        " 1. Anna Berg says:",
        "    March 3, 2019 at 5:12 pm",
        "",
        "    About time, the old cranes were rusting.",
        "",
        "    Reply",
        "      + Tom Li says:",
        "        March 4, 2019 at 9:00 am",
        "",
        "        They were sold abroad.",
        "",
        "        Reply",
        " 2. Marie dit :",
        "    18.10.2019, 16:18",
        "",
        "    Bien vu.",
    ])
    doc, comments = _parse(thread)
    assert [(c.author, c.timestamp, c.parent, c.depth) for c in comments] == [
        ("Anna Berg", "2019-03-03T17:12", None, 0),
        ("Tom Li", "2019-03-04T09:00", "c1", 1),
        ("Marie", "2019-10-18T16:18", None, 0)]
    assert comments[0].text == "About time, the old cranes were rusting."
    assert "Reply" not in comments[1].text
    _check_spans(doc)


def test_german_schreibt_and_relative_time():
    doc, comments = _parse("Jonas schreibt:\nvor 2 Stunden\nDas stimmt so nicht.\nAntworten")
    assert (comments[0].author, comments[0].timestamp, comments[0].text) == (
        "Jonas", "vor 2 Stunden", "Das stimmt so nicht.")


def test_timestamp_before_text_without_author():
    thread = "24-01-22 11:43\n\nPart of the plan, surely?\n\n25-01-22 08:10\n\nNo, just bad luck."
    doc, comments = _parse(thread)
    assert [(c.author, c.timestamp, c.text) for c in comments] == [
        (None, "24-01-22 11:43", "Part of the plan, surely?"),
        (None, "25-01-22 08:10", "No, just bad luck.")]


def test_anonymous_bullet_comments_and_empty_comment():
    thread = "\n".join([
        "  • Everything here was decided long ago by people we never elected, believe me.",
        "",
        "    And nobody will ever tell us why.",
        "",
        "  • frank",
        "",
        "  • gina",
        "",
        "    Short and sweet.",
    ])
    doc, comments = _parse(thread)
    assert comments[0].author is None
    assert comments[0].text.startswith("Everything here was decided")
    assert comments[0].text.endswith("tell us why.")
    assert (comments[1].author, comments[1].text) == ("frank", "")
    assert doc.text[comments[1].start:comments[1].end] == "• frank"
    assert (comments[2].author, comments[2].depth) == ("gina", 0)


def test_multi_paragraph_comment():
    thread = "\n".join([
        "Karla Kuhn / 22.04.2020",
        "",
        "First paragraph of a long letter.",
        "",
        "Second paragraph, after a blank line.",
        "",
        "Hans Kloss / 23.04.2020",
        "",
        "A reply in the same flat list.",
    ])
    doc, comments = _parse(thread)
    assert len(comments) == 2
    assert comments[0].text == "First paragraph of a long letter.\nSecond paragraph, after a blank line."
    assert comments[0].timestamp == "2020-04-22"
    assert comments[1].author == "Hans Kloss"
    _check_spans(doc)


def test_french_author_date_header():
    doc, comments = _parse("Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07\nExcellent article.")
    assert (comments[0].author, comments[0].timestamp) == ("Bruno Gobin", "2019-05-15T08:07")


def test_repeated_author_and_score():
    doc, comments = _parse("harbourfan\n12\nharbourfan\n2 hours ago\nBest view in town.")
    assert len(comments) == 1
    assert (comments[0].author, comments[0].timestamp, comments[0].text) == (
        "harbourfan", "2 hours ago", "Best view in town.")


def test_max_comments_cuts_and_warns():
    thread = "\n".join(f"  • user{i}\n\n    Comment number {i} here." for i in range(5))
    doc, comments = _parse(thread, max_comments=3)
    assert [c.id for c in comments] == ["c1", "c2", "c3"]
    assert any("max_comments" in e for e in doc.errors)


def test_no_comment_segment_gives_no_comments():
    doc = Document("Just an article.")
    doc.segments = [Segment("body", 0, 16)]
    CommentsStep()(doc)
    assert doc.comments == [] and doc.has_annotation("comments")


def test_step_declaration():
    step = CommentsStep()
    assert (step.name, step.requires, step.provides) == ("comments", ("segments",), ("comments",))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not available")
def test_seed_with_nested_thread():
    path = next(iter(sorted(SEEDS.glob("004_*.txt"))), None)
    if path is None:
        pytest.skip("seed 004 not available")
    doc = Document(path.read_text(encoding="utf-8"))
    lines = doc.lines
    # a weak classifier: long lines body, short ones boilerplate
    labels = [None if l.is_blank else "body" if len(l.stripped) > 70 else "boilerplate"
              for l in lines]
    marked = mark_comment_lines(lines, labels)
    doc.segments = [Segment(label, l.start, l.end) for l, label in zip(lines, marked) if label]
    CommentsStep()(doc)
    comments = doc.comments
    assert len(comments) > 5
    assert sum(c.depth >= 2 for c in comments) >= 3
    index = {c.id: i for i, c in enumerate(comments)}
    for i, c in enumerate(comments):
        assert c.id == f"c{i + 1}"
        if c.parent is None:
            assert c.depth == 0
        else:
            assert index[c.parent] < i
            assert comments[index[c.parent]].depth == c.depth - 1
        assert 0 <= c.start <= c.end <= len(doc.text)
    _check_spans(doc)
    assert sum(c.author is None for c in comments) >= 1  # bullet lines that are the text itself
    assert sum(c.text == "" for c in comments) >= 1  # a name with no text


def test_name_date_reply_widget_headers_build_the_tree():
    thread = "\n".join([
        " 1. Ben 19. Juni 2018 um 15:28 Uhr - Antworten",
        "",
        "    Bei der Privatheit denkt das Gericht vermutlich anders.",
        "",
        "      + MoritzMeyer 19. Juni 2018 um 20:41 Uhr - Antworten",
        "",
        "        Danke für dein Feedback.",
        " 2. Anna says March 3, 2019 at 9:14 am",
        "",
        "    Liebe Grüße aus Köln,",
        "    und danke für den Text.",
        " 3. stephangoeldi said, on August 3, 2019 at 3:12 pm",
        "",
        "    Vielen Dank für alle die guten Beiträge zu diesem Thema.",
    ])
    doc, comments = _parse(thread)
    assert [(c.author, c.timestamp, c.parent, c.depth) for c in comments] == [
        ("Ben", "2018-06-19T15:28", None, 0),
        ("MoritzMeyer", "2018-06-19T20:41", "c1", 1),
        ("Anna", "2019-03-03T09:14", None, 0),
        ("stephangoeldi", "2019-08-03T15:12", None, 0)]
    assert comments[1].text == "Danke für dein Feedback."
    _check_spans(doc)



def test_polish_thread_with_reply_widgets():
    thread = "\n".join(POLISH_THREAD)
    doc, comments = _parse(thread)
    assert [(c.author, c.timestamp) for c in comments] == [
        ("Robs", "2021-05-11T23:13"), ("Anonim", "2021-05-11T22:32")]
    assert comments[0].text == "To przecież klient jest poszkodowany, coś by się nam należało."
    _check_spans(doc)


def test_dates_that_close_comments_stay_with_their_comment():
    # name, share widget, text, votes, then the age: the age belongs to the comment above it
    doc, comments = _parse("\n".join(AGE_CLOSED_THREAD))
    assert [(c.author, c.timestamp) for c in comments] == [
        ("Nibelung", "50 Minuten 46 Sekunden her"), ("Bummi", "1 Stunde 51 Minuten her")]
    assert comments[1].text == ("Ich sehe den Abzug grundsätzlich positiv, dort gehören keine "
                                "fremden Truppen hin.")
    _check_spans(doc)
