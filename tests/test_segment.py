"""The segment step on small hand-built pages: labels a reader would check, and segment shape."""

from __future__ import annotations

import pytest

from presslens.document import SEGMENT_LABELS, Document
from presslens.errors import PresslensError
from presslens.steps.segment import SegmentStep
from presslens.steps.segment import model as seg_model
from presslens.steps.segment.features import N_FEATURES, line_features

MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion", "Video"]
TITLE = "City council approves new budget for public libraries"
BYLINE = "By Maria Kowalski | March 3, 2021 10:42"
PARAGRAPHS = [
    "The city council voted on Tuesday to approve a budget that raises spending on public "
    "libraries by twelve percent, ending months of debate between the mayor and local groups.",
    "Supporters said the extra money would let branches stay open on Sundays and hire more "
    "staff for children's reading programmes, which have long waiting lists in several areas.",
    "Critics argued that the council should have spent the money on road repairs instead, "
    "pointing to a report that found hundreds of damaged streets across the northern districts.",
    "The budget will take effect in July, and the council said it would review the library "
    "opening hours again at the end of the year once visitor numbers are known.",
]
NEWSLETTER = "Subscribe to our newsletter to get the latest news in your inbox every morning"
COPYRIGHT = "© 2021 Example Media Group. All rights reserved."
COMMENTS = [
    "3 Comments",
    "John Smith says:",
    "March 3, 2021 at 11:05 am",
    "Finally some good news for families in this city.",
    "Reply",
    "Anna Lee says:",
    "March 3, 2021 at 12:30 pm",
    "Road repairs matter too, but libraries are worth every cent.",
    "Reply",
]


def build_page() -> tuple[str, dict[str, list[str]]]:
    parts = ["\n".join(MENU), TITLE, BYLINE, *PARAGRAPHS, NEWSLETTER, COPYRIGHT,
             "\n".join(COMMENTS)]
    text = "\n\n".join(parts) + "\n"
    return text, {"menu": MENU, "body": PARAGRAPHS, "newsletter": [NEWSLETTER],
                  "copyright": [COPYRIGHT], "comments": COMMENTS}


def labels_by_line(doc: Document) -> dict[str, str]:
    """The segment label of each non-blank line, keyed by its stripped text."""
    out: dict[str, str] = {}
    for line in doc.lines:
        if line.is_blank:
            continue
        covering = [s for s in doc.segments if s.start <= line.start and line.end <= s.end]
        assert len(covering) == 1, f"line {line.text!r} covered by {covering}"
        out[line.text.strip()] = covering[0].label
    return out


@pytest.fixture(scope="module")
def segmented() -> Document:
    text, _ = build_page()
    doc = Document(text)
    SegmentStep()(doc)
    return doc


def test_step_declares_its_fields() -> None:
    step = SegmentStep()
    assert step.name == "segment"
    assert step.requires == ()
    assert step.provides == ("segments",)


def test_body_paragraphs_are_body(segmented: Document) -> None:
    labels = labels_by_line(segmented)
    for paragraph in PARAGRAPHS:
        assert labels[paragraph] == "body"


def test_menu_and_newsletter_plea_are_boilerplate(segmented: Document) -> None:
    labels = labels_by_line(segmented)
    assert all(labels[item] == "boilerplate" for item in MENU)
    assert labels[NEWSLETTER] == "boilerplate"
    assert labels[COPYRIGHT] != "body"


def test_comment_thread_is_not_body(segmented: Document) -> None:
    labels = labels_by_line(segmented)
    for line in COMMENTS:
        assert labels[line] != "body", line
    assert any(labels[line] == "comment" for line in COMMENTS)


def test_segments_cover_every_line_once_and_slice_the_text(segmented: Document) -> None:
    doc = segmented
    labels_by_line(doc)  # asserts exactly one covering segment per non-blank line
    previous_end = 0
    for seg in doc.segments:
        assert seg.label in SEGMENT_LABELS
        assert previous_end <= seg.start < seg.end <= len(doc.text)
        previous_end = seg.end
        piece = doc.text[seg.start:seg.end]
        assert piece.strip() and piece == piece.strip("\n\r")
    # neighbouring segments differ in label: one segment per run
    for left, right in zip(doc.segments, doc.segments[1:]):
        assert left.label != right.label


def test_offsets_are_code_points_with_crlf_and_non_ascii() -> None:
    text = "Ünïcödé menu 🙂\r\n\r\n" + "\r\n\r\n".join(PARAGRAPHS) + "\r\n"
    doc = Document(text)
    SegmentStep()(doc)
    body = [doc.text[s.start:s.end] for s in doc.segments if s.label == "body"]
    joined = "\n".join(body)
    for paragraph in PARAGRAPHS:
        assert paragraph in joined


def test_blank_and_empty_pages_have_no_segments() -> None:
    for text in ("", "\n\n   \n\t\n"):
        doc = Document(text)
        SegmentStep()(doc)
        assert doc.segments == []


def test_html_hints_decide_the_lines_they_cover() -> None:
    text, _ = build_page()
    teaser = "Read the full story of the mayor's plan in our weekend edition"
    text = text.replace(NEWSLETTER, NEWSLETTER + "\n\n" + teaser)
    hints = {
        # trafilatura kept three paragraphs and the teaser; it rejected the fourth paragraph
        "html_main": "\n".join(PARAGRAPHS[:3] + [teaser]),
        "html_comments": None,
        "html_meta": {"title": TITLE, "author": "Maria Kowalski", "date": "2021-03-03"},
    }
    doc = Document(text, media_type="html", hints=hints)
    SegmentStep()(doc)
    labels = labels_by_line(doc)
    for paragraph in PARAGRAPHS[:3]:
        assert labels[paragraph] == "body"
    assert labels[teaser] == "body"
    assert labels[PARAGRAPHS[3]] != "body"
    assert labels[TITLE] == "title"
    assert labels[BYLINE] == "meta"
    assert {labels[item] for item in MENU} == {"boilerplate"}


def test_furniture_inside_the_html_extraction_is_not_body() -> None:
    # trafilatura keeps what stands in the article's container: a plea to subscribe and a
    # picture credit between the paragraphs
    plea = "Subscribe to our newsletter and support independent journalism today!"
    credit = "Photo: Reuters / John Smith"
    text = f"{TITLE}\n\n{PARAGRAPHS[0]}\n\n{credit}\n\n{PARAGRAPHS[1]}\n\n{plea}\n\n" \
        f"{PARAGRAPHS[2]}\n"
    hints = {"html_main": "\n".join([PARAGRAPHS[0], credit, PARAGRAPHS[1], plea, PARAGRAPHS[2]]),
             "html_comments": None, "html_meta": {"title": TITLE}}
    doc = Document(text, media_type="html", hints=hints)
    SegmentStep()(doc)
    labels = labels_by_line(doc)
    assert {labels[p] for p in PARAGRAPHS[:3]} == {"body"}
    assert labels[credit] == labels[plea] == "boilerplate"


STANDFIRST = ("Branches will open on Sundays from July, and the children's reading "
              "programmes get more staff.")


def _page_with_standfirst() -> tuple[str, dict]:
    """A page whose summary stands between headline and byline, outside the article's
    container: the extractor's main text lacks it."""
    text = "\n\n".join(["\n".join(MENU), TITLE, STANDFIRST, BYLINE, *PARAGRAPHS,
                         COPYRIGHT]) + "\n"
    hints = {"html_main": "\n".join(PARAGRAPHS), "html_comments": None,
             "html_meta": {"title": TITLE, "author": "Maria Kowalski"}}
    return text, hints


def test_html_standfirst_the_extraction_dropped_is_body() -> None:
    text, hints = _page_with_standfirst()
    doc = Document(text, media_type="html", hints=hints)
    SegmentStep()(doc)
    labels = labels_by_line(doc)
    assert labels[STANDFIRST] == "body"
    assert labels[TITLE] == "title"
    assert labels[BYLINE] == "meta"
    assert labels[COPYRIGHT] == "boilerplate"
    assert {labels[item] for item in MENU} == {"boilerplate"}


def test_html_lines_between_headline_and_article_that_are_no_sentence_stay_out() -> None:
    # a dateline and a picture credit stand where a standfirst would
    credit = "Photo: Reuters / John Smith"
    text = "\n\n".join([TITLE, credit, "March 3, 2021", *PARAGRAPHS]) + "\n"
    hints = {"html_main": "\n".join(PARAGRAPHS), "html_comments": None,
             "html_meta": {"title": TITLE}}
    doc = Document(text, media_type="html", hints=hints)
    SegmentStep()(doc)
    labels = labels_by_line(doc)
    assert labels[credit] != "body" and labels["March 3, 2021"] != "body"


def test_html_title_is_the_line_that_is_the_title_not_one_that_holds_it() -> None:
    # a recipe page: the headline, then the ingredients heading that repeats it inside the
    # extraction's main text; the heading is article text, the headline the title
    title, heading = "Bee Sting Muffins", "For the Bee Sting Muffins"
    text = f"Home\n\n{title}\n\n{heading}\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    hints = {"html_main": "\n".join([heading] + PARAGRAPHS), "html_comments": None,
             "html_meta": {"title": title}}
    doc = Document(text, media_type="html", hints=hints)
    SegmentStep()(doc)
    labels = labels_by_line(doc)
    assert labels[title] == "title"
    assert labels[heading] == "body"


def test_html_comments_hint_marks_the_thread() -> None:
    text, _ = build_page()
    hints = {"html_main": "\n".join(PARAGRAPHS),
             "html_comments": "\n".join(c for c in COMMENTS[1:] if c != "Reply"),
             "html_meta": {"title": TITLE}}
    doc = Document(text, media_type="html", hints=hints)
    SegmentStep()(doc)
    labels = labels_by_line(doc)
    assert labels["Finally some good news for families in this city."] == "comment"
    assert labels["Anna Lee says:"] == "comment"
    assert {labels[p] for p in PARAGRAPHS} == {"body"}
    assert labels[NEWSLETTER] == "boilerplate"


def test_features_have_one_row_per_non_blank_line() -> None:
    doc = Document("a\n\nb c d\n   \ne")
    index, features = line_features(doc.lines)
    assert index == [0, 2, 4]
    assert features.shape == (3, N_FEATURES)


def test_missing_model_raises_p030(tmp_path) -> None:
    with pytest.raises(PresslensError, match="P030"):
        seg_model.SegmenterModel.load(tmp_path)


def test_model_trained_on_other_features_raises_p031(tmp_path) -> None:
    import json
    import shutil

    shutil.copy(seg_model.MODEL_DIR / "weights.npz", tmp_path / "weights.npz")
    meta = json.loads((seg_model.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    meta["features"] = meta["features"][:-1]
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(PresslensError, match="P031.*retrain"):
        seg_model.SegmenterModel.load(tmp_path)


def _softmax(z):
    import numpy as np

    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_members_average_the_probabilities_of_standardised_mlps() -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    mean, scale = rng.normal(size=4), rng.uniform(0.5, 2.0, size=4)
    members = [([rng.normal(size=(4, 6)), rng.normal(size=(6, 3))],
                [rng.normal(size=6), rng.normal(size=3)]) for _ in range(3)]
    x = rng.normal(size=(7, 4))

    def one(weights, biases):
        hidden = np.maximum((x - mean) / scale @ weights[0] + biases[0], 0.0)
        return _softmax(hidden @ weights[1] + biases[1])

    expected = np.mean([one(*member) for member in members], axis=0)
    got = np.exp(seg_model.MemberMLPs(mean, scale, members).log_proba(x))
    assert np.allclose(got, expected, atol=1e-5)
    assert np.allclose(np.exp(seg_model.MemberMLPs(mean, scale, members[:1]).log_proba(x)),
                       one(*members[0]), atol=1e-5)


def test_decoder_follows_emissions_unless_transitions_forbid_them() -> None:
    import numpy as np

    log = np.log
    emissions = log(np.array([[0.9, 0.1], [0.4, 0.6], [0.9, 0.1]]))
    free = seg_model.Decoder(log(np.full((2, 2), 0.5)), log([0.5, 0.5]), log([0.5, 0.5]), 0.0)
    assert free.decode(emissions).tolist() == [0, 1, 0]
    sticky = seg_model.Decoder(log(np.array([[0.99, 0.01], [0.01, 0.99]])), log([0.5, 0.5]),
                               log([0.5, 0.5]), 0.0)
    assert sticky.decode(emissions).tolist() == [0, 0, 0]
    # an HTML extraction that decided the middle line forbids the emission's choice there
    middle_decided = np.array([[True, True], [True, False], [True, True]])
    assert free.decode(emissions, middle_decided).tolist() == [0, 0, 0]
    assert sticky.decode(emissions, np.array([[False, True]] * 3)).tolist() == [1, 1, 1]


def test_model_meta_describes_the_training() -> None:
    model = seg_model.get_model()
    for key in ("presslens_version", "split_rule", "data", "labels"):
        assert key in model.meta
    assert model.meta["labels"] == list(SEGMENT_LABELS)


# -- the headline -------------------------------------------------------------------------------

HEADLINE = "Harbour Council Approves Offshore Wind Lease Despite Protest by Fishermen"


def title_lines(doc: Document) -> list[str]:
    return [text for text, label in labels_by_line(doc).items() if label == "title"]


def segment_text(text: str) -> Document:
    doc = Document(text)
    SegmentStep()(doc)
    return doc


def test_duplicated_headline_is_title_once_and_copy_is_boilerplate() -> None:
    widget = "\n".join(["0 $", "2,500 $", "5,000 $", "1,318 $"])
    text = "\n\n".join([widget, HEADLINE, "", HEADLINE, "Illustrative image", BYLINE,
                        *PARAGRAPHS]) + "\n"
    doc = segment_text(text)
    occurrences = [s for s in doc.segments if doc.text[s.start:s.end].startswith(HEADLINE)]
    assert occurrences and occurrences[0].label == "title"
    assert doc.text.index(HEADLINE) == occurrences[0].start
    # the later copy is not a second title and not body
    second = doc.text.index(HEADLINE, doc.text.index(HEADLINE) + 1)
    covering = [s for s in doc.segments if s.start <= second < s.end]
    assert covering and covering[0].label == "boilerplate"


def test_headline_wrapped_over_two_lines_is_one_title() -> None:
    first, second = "Who Pays for the Seawall? Small Towns Struggle", "With the Cost of Rising Tides"
    text = "\n".join([first, second, BYLINE]) + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    doc = segment_text(text)
    titles = title_lines(doc)
    assert first in titles and second in titles
    assert labels_by_line(doc)[PARAGRAPHS[0]] == "body"


def test_outlet_name_and_menu_above_the_headline_are_not_title() -> None:
    outlet = "Riverbend Courier"
    menu = "Local   Politics   Business   Sports   Weather   Obituaries"
    text = "\n\n".join([outlet + "\n" + menu, TITLE, BYLINE, *PARAGRAPHS]) + "\n"
    doc = segment_text(text)
    assert title_lines(doc) == [TITLE]


def test_no_title_is_invented_when_the_page_starts_with_the_article() -> None:
    doc = segment_text("\n\n".join(PARAGRAPHS) + "\n")
    assert title_lines(doc) == []


def test_picture_credit_between_headline_and_byline_is_not_title() -> None:
    credit = "MARTA KOVEN/NPA via Lensbank Images"
    text = "\n\n".join([TITLE, credit + "\n" + credit, BYLINE, *PARAGRAPHS]) + "\n"
    doc = segment_text(text)
    assert title_lines(doc) == [TITLE]


def _chosen(texts, index, labels):
    """choose_title's labels for rows labelled `labels`, every label equally likely."""
    import numpy as np

    from presslens.steps.segment import LABELS, choose_title

    path = np.array([LABELS.index(label) for label in labels])
    log_proba = np.log(np.full((len(texts), len(LABELS)), 1 / len(LABELS)))
    return [LABELS[k] for k in choose_title(texts, index, path, log_proba)]


def test_the_headline_is_not_the_first_line_of_a_wrapped_paragraph():
    texts = ["Who Pays for the Seawall? Small Towns Struggle",
             "With the Cost of Rising Tides",
             "When the storm surge of last October pushed seawater two streets inland in the fishing",
             "town of Wrenhaven, residents were not surprised. What surprised them was the bill, "
             "which the county puts at 48 million dollars, nine times the town's budget."]
    assert _chosen(texts, [0, 1, 3, 4], ["body"] * 4) == ["title", "title", "body", "body"]


def test_menu_items_skip_links_and_breadcrumbs_are_no_headlines():
    from presslens.steps.segment import title_like

    for line in ("Direkt zum Inhalt", "Sie sind hier: Home » Europa » Deutschland",
                 "+ Enterprise 2.0 + Work-Life-Balance", "o Archiv der Beiträge von gestern",
                 "Keine Suchergebnisse gefunden!", "Skip to main content", "Springe zum Inhalt",
                 # a dateline or byline, and recipe facts behind icon-font glyphs
                 "Posted 11. April 2018 by Walter von Aachen",
                 "Veröffentlicht am 3. Mai 2021 in Allgemein",
                 "\ue192 Arbeitszeit ca. 30 Minuten \ue192 Gesamtzeit ca. 1 Stunde"):
        assert not title_like(line), line
    assert title_like("Ostseebad öffnet seine neue Seebrücke für Besucher")
    for line in ("Toggle navigation", "ORDER REPRINT →", "(MAWD-lin)"):
        assert not title_like(line, 2), line
    # a closing guillemet ends a quoted headline, it is no link arrow
    assert title_like("Benjamin Näßler: «Liebe kennt keine Pause – gegen Homophobie in Katar»")


def test_a_headline_repeated_in_a_menu_above_is_taken_where_it_stands_alone():
    texts = ["+ Enterprise 2.0", "Home", "Enterprise 2.0",
             "Enterprise 2.0 changes how teams share what they know, and it starts with the "
             "tools that people already use at work every day."]
    labels = ["boilerplate", "boilerplate", "boilerplate", "body"]
    assert _chosen(texts, [0, 2, 4, 6], labels) == ["boilerplate", "boilerplate", "title", "body"]


def test_a_two_word_headline_is_taken_but_not_joined_to_the_line_above():
    texts = ["Anmelden", "Mein Blog", "Tach auch!",
             "Seit heute gibt es dieses Blog, und hier schreibe ich ab jetzt jede Woche über das "
             "Leben auf dem Land, über den Garten und über die Nachbarn."]
    labels = ["boilerplate", "boilerplate", "boilerplate", "body"]
    # "Mein Blog" on the line right above is two words too short to be the headline's first half
    assert _chosen(texts, [0, 1, 2, 4], labels) == ["boilerplate", "boilerplate", "title", "body"]


def test_the_name_under_a_picture_credits_lead_is_no_headline():
    texts = ["Gladbacher Pflaster-Desaster",
             "Die Versprünge zwischen den Steinen sind zum Teil erheblich.", "Foto:", "Anton Luhr",
             "Diese Flaniermeile ähnelt einer übergroßen Stolperfalle, dabei ist das Pflaster der "
             "Gladbacher Fußgängerzone erst wenige Jahre alt und sollte noch lange halten."]
    chosen = _chosen(texts, [0, 1, 2, 3, 4], ["boilerplate"] * 4 + ["body"])
    # the name stands nearer the article, which would win it the place of a short headline
    assert chosen[0] == "title" and chosen[3] != "title"


def test_a_wrapped_paragraph_of_two_sentences_is_no_headline():
    from presslens.steps.segment import title_like

    # a hard-wrapped paragraph whose next line starts with a digit, not a lower-case word
    assert not title_like("Wir haben unser altes Bauernhaus zu einem modernem Ferienhaus umgebaut. "
                          "Das Haus befindet sich in ruhiger Lage mit traumhafter Aussicht und "
                          "bietet Platz für")
    assert title_like("U.S. Army and Dr. Oetker Sign a Deal Nobody Saw Coming in the "
                      "Baking Aisle of the Pentagon")


def _rows(*labels: str):
    import numpy as np

    from presslens.steps.segment import LABELS

    return np.array([LABELS.index(label) for label in labels])


def _sure(*labels: str):
    """Log probabilities putting 0.7 on each row's label."""
    import numpy as np

    from presslens.steps.segment import LABELS

    proba = np.full((len(labels), len(LABELS)), 0.3 / (len(LABELS) - 1))
    proba[np.arange(len(labels)), _rows(*labels)] = 0.7
    return np.log(proba)


def test_a_page_left_without_body_keeps_the_lines_the_classifier_calls_body():
    from presslens.steps.segment import LABELS, _rescue_body

    texts = ["Home", "Podcasts", "Twenty-four billion tonnes of fertile soil are lost every "
             "year, a study finds; elephants in Guinea show what that means.", "Contact"]
    decoded = _rows("boilerplate", "boilerplate", "boilerplate", "boilerplate")
    classifier = _sure("boilerplate", "boilerplate", "body", "boilerplate")
    rescued = _rescue_body(texts, decoded, classifier)
    assert [LABELS[k] for k in rescued] == ["boilerplate", "boilerplate", "body", "boilerplate"]


def test_a_page_with_an_article_keeps_its_decoded_labels():
    from presslens.steps.segment import _rescue_body

    article = " ".join(["word"] * 120)
    texts = ["Home", article, "Read this too, it is great"]
    decoded = _rows("boilerplate", "body", "boilerplate")
    classifier = _sure("boilerplate", "body", "body")
    assert (_rescue_body(texts, decoded, classifier) == decoded).all()


def test_the_arrays_the_trainer_writes_load_as_the_model_it_trained() -> None:
    import sys
    from types import SimpleNamespace

    import numpy as np

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "training"))
    import train_segmenter as trainer

    rng = np.random.default_rng(1)

    def fitted(n_in: int, hidden: int):
        return SimpleNamespace(  # what the trainer reads of a fitted MLPClassifier
            coefs_=[rng.normal(size=(n_in, hidden)), rng.normal(size=(hidden, 5))],
            intercepts_=[rng.normal(size=hidden), rng.normal(size=5)])

    stage1 = [fitted(4, 6) for _ in range(3)]
    stage2 = [fitted(3, 2) for _ in range(2)]
    mean1, scale1, mean2, scale2 = rng.normal(size=4), np.ones(4), rng.normal(size=3), np.ones(3)
    trans = np.log(np.full((5, 5), 0.2))
    arrays = trainer.model_arrays(trainer.mlp_arrays(stage1, mean1, scale1),
                                  trainer.mlp_arrays(stage2, mean2, scale2, "s2_"),
                                  trans, np.log(np.full(5, 0.2)), np.log(np.full(5, 0.2)), 0.5)
    model = seg_model.SegmenterModel(arrays, {})
    assert (model.first_stage.n_members, model.second_stage.n_members) == (3, 2)
    x, s = rng.normal(size=(7, 4)), rng.normal(size=(7, 3))
    assert np.allclose(model.first_stage_log_proba(x),
                       trainer.as_stage(stage1, mean1, scale1).log_proba(x), atol=1e-5)
    assert np.allclose(model.second_stage_log_proba(s),
                       trainer.as_stage(stage2, mean2, scale2).log_proba(s), atol=1e-5)


def test_lexicon_scores_sum_word_weights_over_the_line_head() -> None:
    import numpy as np

    lexicon = seg_model.Lexicon(np.array(["newsletter", "the", "council"]),
                                np.array([-3.0, 0.5, 1.0]), -1.0)
    # bias + weights of the known words, clipped to [-8, 8] and scaled by 1/4
    assert lexicon.scores(["Newsletter"]).tolist() == [(-1.0 - 3.0) / 4]
    assert lexicon.scores(["The council met"]).tolist() == [(-1.0 + 0.5 + 1.0) / 4]
    assert lexicon.scores(["Ünbekannt"]).tolist() == [-1.0 / 4]  # no known word: the bias
    # only the head counts: a word past the first 160 characters is not read
    assert lexicon.scores(["x " * 90 + "council"]).tolist() == [-1.0 / 4]
    again = seg_model.Lexicon.from_arrays(lexicon.arrays())
    assert again.weights == lexicon.weights and again.bias == lexicon.bias


def test_the_lexicon_learns_furniture_words_shared_by_many_pages() -> None:
    import sys

    import numpy as np

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "training"))
    import train_segmenter as trainer

    body, boilerplate = seg_model.LABELS.index("body"), seg_model.LABELS.index("boilerplate")
    pages, words, ys, ws = [], [], [], []
    for k in range(8):
        lines = [{"subscribe", "newsletter"}, {"the", "mayor", f"topic{k}"},
                 {"council", "voted", "the"}, {"share", "this"}]
        pages.append({"file": f"site{k}.html"})
        words.append(lines)
        ys.append(np.array([boilerplate, body, body, boilerplate]))
        ws.append(np.ones(4))
    lexicon = trainer.fit_lexicon(pages, words, ys, ws, min_pages=5, c=1.0)
    assert lexicon.weights["newsletter"] < 0 < lexicon.weights["council"]
    assert not any(word.startswith("topic") for word in lexicon.weights)  # one page each
    scores = lexicon.scores(["Subscribe to our newsletter", "The council voted"])
    assert scores[0] < scores[1]
