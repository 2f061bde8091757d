import pytest

from presslens.document import Comment, Document, Segment, TextMap, split_lines
from presslens.errors import PresslensError


def test_text_is_immutable():
    doc = Document("Hello world")
    with pytest.raises(AttributeError):
        doc.text = "changed"
    assert doc.text == "Hello world"


def test_split_lines_keeps_offsets_for_every_line_break_style():
    text = "one\r\ntwo\rthree\n\nfour"
    lines = split_lines(text)
    assert [l.text for l in lines] == ["one", "two", "three", "", "four"]
    for line in lines:
        assert text[line.start:line.end] == line.text


def test_segment_checks_label_and_bounds():
    doc = Document("Title\nBody text.")
    assert doc.segment(0, 5, "title") == Segment("title", 0, 5)
    with pytest.raises(PresslensError, match="P010"):
        doc.segment(0, 5, "headline")
    with pytest.raises(PresslensError, match="P011"):
        doc.segment(0, 99, "body")


def test_has_annotation_tracks_fields_set_by_steps():
    doc = Document("x")
    assert not doc.has_annotation("language")
    doc.language = None
    assert doc.has_annotation("language")


def test_textmap_maps_view_offsets_back_to_source():
    source = "recog-\nnition of  words"
    view = TextMap()
    view.copy(source, 0, 5)        # "recog"
    view.copy(source, 7, 16)       # "nition of"
    view.insert(" ")
    view.copy(source, 18, 23)      # "words"
    assert view.text == "recognition of words"
    for i, ch in enumerate(view.text):
        if ch != " " or i != 14:
            assert source[view.to_source(i)] == ch
    start, end = view.span_to_source(0, 11)
    assert source[start:end] == "recog-\nnition"


def test_round_trip_through_dict_keeps_fields_and_extras():
    doc = Document("Title\n\nA body line.", source="a.txt")
    doc.segments = [doc.segment(0, 5, "title"), doc.segment(7, 19, "body")]
    doc.comments = [Comment("c1", None, 0, "ann", None, "hi", 0, 5)]
    doc.title = "Title"
    doc.extras["entities"] = [{"text": "Title"}]
    data = doc.to_dict()
    again = Document.from_dict(data)
    assert again.to_dict() == data
    assert data["entities"] == [{"text": "Title"}]
