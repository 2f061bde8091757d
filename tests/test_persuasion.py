"""The persuasion step: model loading, spans that slice the text, thresholds, odd inputs."""

import json

import numpy as np
import pytest

import presslens
from conftest import ROOT, check_record
from presslens.cli import main
from presslens.document import Document
from presslens.steps.persuasion.infer import (MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS, decode_spans,
                                              find_regions)
from presslens.steps.persuasion.labels import FRAMES, GENRES, TECHNIQUES
from presslens.steps.persuasion.model import load_model
from presslens.steps.persuasion.scoring import (calibration_error, macro_f1, merge, micro_f1,
                                                micro_thresholds, span_f1)
from presslens.steps.persuasion.step import PersuasionStep, cached_model

ARTICLE = (ROOT / "tests" / "data" / "persuasion_en.txt").read_text(encoding="utf-8")
STEPS = ["segment", "comments", "body", "language", "metadata", "persuasion"]


def analyze(text, **kwargs):
    return presslens.analyze(text, steps=STEPS, **kwargs)


def test_the_shipped_model_loads_with_every_label_and_sane_thresholds():
    model = load_model()
    assert model.meta["techniques"] == list(TECHNIQUES)
    assert model.meta["frames"] == list(FRAMES) and model.meta["genres"] == list(GENRES)
    assert set(model.languages) == {"en", "fr", "de", "it", "pl", "ru"}
    for language in model.languages + ["*"]:
        thresholds = model.technique_thresholds(language)
        assert thresholds.shape == (23,) and ((thresholds > 0) & (thresholds <= 1.01)).all()
    assert model.paragraph.weights.shape[1] == 23 and model.tagger.weights.shape[1] == 23
    # the span head: one column for English (2020 corpus), one for all languages
    assert model.span.weights.shape[1] == 2
    assert model.span_column("en") == 0 and model.span_column("fr") == 1
    for language in model.languages:
        decoding = model.span_decoding(language)
        assert set(decoding) == {"low", "high", "gap", "ratio", "gate"}
        assert 0 < decoding["gate"] <= 1
        assert 0 < decoding["low"] <= decoding["high"] < 1 and decoding["gap"] >= 0
    assert model.genre.weights.shape[1] == 3 and model.frames.weights.shape[1] == 14
    # the frames read TF-IDF rows: one idf per n-gram column the frames head weighs
    assert model.frame_idf.shape == (model.frames.weights.shape[0],)
    assert (model.frame_idf >= 1.0).all()


def test_frame_rows_are_the_tfidf_rows_scikit_learn_would_build():
    from sklearn.feature_extraction.text import TfidfTransformer

    from presslens.steps.persuasion.features import document_counts, tfidf_matrix

    texts = ["The regime lies again and again.", "Le gouvernement ment, encore une fois !",
             "Die Regierung lügt."]
    counts = document_counts(texts)
    reference = TfidfTransformer(sublinear_tf=True).fit(counts)
    ours = tfidf_matrix(counts, reference.idf_)
    assert np.allclose(ours.toarray(), reference.transform(counts).toarray(), atol=1e-6)
    assert np.allclose(np.sqrt(ours.multiply(ours).sum(axis=1)), 1.0, atol=1e-5)


def test_an_articles_counts_summed_from_its_paragraphs_are_those_of_its_text():
    from presslens.steps.persuasion.features import document_counts, joined_counts, ngram_counts

    paragraphs = ["The regime lies again", "", "and again, says «the minister»",
                  "   ", "Le gouvernement\nment encore !"]
    summed = joined_counts(paragraphs, ngram_counts(paragraphs))
    whole = document_counts(["\n".join(paragraphs)])
    assert summed.shape == whole.shape and (summed != whole).nnz == 0
    # the bigram spanning two paragraphs ("again and") counts, as it does in the whole text
    assert summed.sum() > sum(document_counts([p]).sum() for p in paragraphs)


def test_the_token_matrix_hashes_the_token_features():
    from presslens.steps.persuasion.infer import default_lexicon
    from presslens.steps.persuasion.tokens import (feature_matrix, token_features, token_matrix,
                                                   tokenize)

    cues = default_lexicon().word_cues("en")
    paragraphs = ["The corrupt elite LIES to you, again and again!", "Traitors.",
                  "«Élite» 2024: the so-called experts' 3 lies…"]
    offsets = [tokenize(p) for p in paragraphs]
    assert any(cues(w.lower()) for w in paragraphs[0].split())  # the lexicon cue features fire
    rows = [row for p, o in zip(paragraphs, offsets) for row in token_features(p, o, "en", cues)]
    ours, reference = token_matrix(paragraphs, offsets, "en", cues), feature_matrix(rows)
    assert ours.shape == reference.shape == (sum(map(len, offsets)), reference.shape[1])
    assert (ours != reference).nnz == 0
    assert token_matrix(["", "  "], [[], []], None, cues).shape[0] == 0


def test_the_model_folder_holds_no_pickle_and_stays_small():
    folder = ROOT / "src" / "presslens" / "models" / "persuasion"
    names = {p.name for p in folder.iterdir()}
    assert {"weights.npz", "model.json", "MODEL_CARD.md"} <= names
    assert not any(n.endswith((".pkl", ".pickle", ".joblib")) for n in names)
    assert sum(p.stat().st_size for p in folder.iterdir()) < 8_000_000
    with np.load(folder / "weights.npz", allow_pickle=False) as data:
        assert all(data[k].dtype != object for k in data.files)


def test_spans_slice_the_text_and_sit_in_the_article():
    doc = analyze(ARTICLE)
    record = doc.to_dict()
    assert record["techniques"], "a page full of loaded language gets techniques"
    article = [(s.start, s.end) for s in doc.segments if s.label in ("title", "body")]
    for found in record["techniques"]:
        assert found["technique"] in TECHNIQUES and 0 <= found["score"] <= 1
        evidence = doc.text[found["start"]:found["end"]]
        assert evidence.strip() == evidence and evidence, found
        assert any(a <= found["start"] and found["end"] <= b for a, b in article)
    assert record["genre"]["label"] in GENRES
    assert all(f["label"] in FRAMES for f in record["frames"])


def test_spans_line_up_in_a_crlf_file():
    lf = analyze(ARTICLE)
    crlf = analyze(ARTICLE.replace("\n", "\r\n"))
    assert crlf.text.count("\r\n") > 5
    lf_evidence = [(t["technique"], lf.text[t["start"]:t["end"]]) for t in lf.extras["techniques"]]
    crlf_evidence = [(t["technique"], crlf.text[t["start"]:t["end"]])
                     for t in crlf.extras["techniques"]]
    assert crlf_evidence == lf_evidence and all("\r" not in e for _, e in crlf_evidence)


def test_a_hard_wrapped_paragraph_maps_through_the_body_view():
    words = ("The corrupt elite are shameless liars and traitors who will destroy everything "
             "we love, and everyone knows it. ") * 3
    wrapped = "\n".join(words[i:i + 60] for i in range(0, len(words), 60))
    text = "A headline about the shameless elite\n\n" + wrapped + "\n\nMore text follows here today.\n"
    doc = analyze(text)
    for found in doc.extras["techniques"]:
        evidence = doc.text[found["start"]:found["end"]]
        assert evidence and not evidence[0].isspace() and not evidence[-1].isspace()


def test_a_body_without_offset_map_is_found_in_the_text():
    # the HTML path gives a re-flowed body with no offset map; spans must still slice `text`
    text = "Title line\n\nThe   corrupt elite\nare shameless liars, everyone knows it!\n"
    doc = Document(text)
    doc.segments = []
    doc.body = "The corrupt elite are shameless liars, everyone knows it!"
    doc.body_map = None
    doc.language = "en"
    PersuasionStep(threshold=0.0)(doc)
    assert doc.extras["techniques"]
    for found in doc.extras["techniques"]:
        evidence = " ".join(doc.text[found["start"]:found["end"]].split())
        assert evidence and evidence in doc.body


def test_one_threshold_for_all_techniques():
    everything = analyze(ARTICLE)
    doc = Document(everything.text)
    for name in ("segments", "body", "body_map", "language"):
        setattr(doc, name, getattr(everything, name))
    PersuasionStep(threshold=1.0)(doc)
    assert doc.extras["techniques"] == []
    PersuasionStep(threshold=0.0)(doc)
    paragraphs_with_text = sum(1 for p in doc.body.split("\n\n") if p.strip())
    assert len({t["technique"] for t in doc.extras["techniques"]}) == 23
    assert len(doc.extras["techniques"]) >= 23 * paragraphs_with_text


def test_the_command_line_threshold_reaches_the_step_and_is_restored(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", str(page), "--steps", ",".join(STEPS),
                 "--techniques-threshold", "1"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["techniques"] == []
    assert main(["analyze", str(page), "--steps", ",".join(STEPS)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["techniques"]
    assert main(["analyze", str(page), "--techniques-threshold", "2"]) == 2


def test_the_techniques_command_prints_counts_and_spans(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    assert main(["techniques", str(page), "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "page.txt" in out and "techniques:" in out and "genre=" in out
    shown = [line for line in out.splitlines() if line.startswith("  ") and "[" in line]
    assert 1 <= len(shown) <= 3
    name = shown[0].split()[0]
    assert name in TECHNIQUES


def test_an_empty_body_gives_empty_fields():
    doc = Document("   \n")
    doc.segments, doc.body, doc.body_map, doc.language = [], "", None, None
    PersuasionStep()(doc)
    assert doc.to_dict()["techniques"] == [] and doc.to_dict()["genre"] is None
    assert doc.to_dict()["frames"] == [] and doc.has_annotation("techniques")


LONG_SENTENCES = [
    "The corrupt elite lies again and again, and everyone knows it.",
    "These shameless traitors will destroy everything our country stands for.",
    "Only a fool would believe a single word the minister says about the budget.",
    "Ordinary families pay the price while the bureaucrats line their pockets.",
    "Wake up, people: this is the greatest scandal in the history of the nation!",
]


def test_a_very_long_article_is_analysed_within_bounds():
    # distinct paragraphs: a page that repeats one paragraph 2000 times is, rightly, furniture
    # (a running header) to the segmenter and never reaches this step as body
    paragraphs = [" ".join(LONG_SENTENCES[(i + k) % 5] for k in range(1 + i % 4))
                  + f" This is point {i + 1}." for i in range(2000)]
    text = "A long page\n\n" + "\n\n".join(paragraphs)
    doc = analyze(text)
    assert doc.extras["techniques"]
    assert all(0 <= t["start"] < t["end"] <= len(doc.text) for t in doc.extras["techniques"])
    # only the first MAX_PARAGRAPHS units (title included) are read, and the document says so
    cut = text.index(paragraphs[MAX_PARAGRAPHS - 1])
    assert max(t["end"] for t in doc.extras["techniques"]) <= cut
    assert any("persuasion" in e and "first" in e for e in doc.errors)


def test_one_huge_paragraph_is_analysed_within_bounds():
    text = "A long page\n\n" + " ".join(LONG_SENTENCES * 400) + "\n"
    doc = analyze(text)
    assert doc.extras["techniques"]
    for found in doc.extras["techniques"]:
        evidence = doc.text[found["start"]:found["end"]]
        assert evidence and evidence.strip() == evidence
        assert found["end"] - found["start"] <= MAX_PARAGRAPH_CHARS
    # the paragraph is read in pieces, not cut off after its first MAX_PARAGRAPH_CHARS
    assert max(t["end"] for t in doc.extras["techniques"]) > 5 * MAX_PARAGRAPH_CHARS


def test_a_language_without_model_is_a_warning_not_a_crash(schema):
    text = ("El gobierno anunció hoy un nuevo plan para la economía del país.\n\n"
            "Los ministros se reunirán la semana próxima para discutir los detalles del plan.\n")
    doc = analyze(text)
    assert doc.language == "es"
    assert any("persuasion" in e and "'es'" in e for e in doc.errors)
    record = doc.to_dict()
    assert record["techniques"] == [] and record["genre"] is None
    check_record(record, schema)


def test_records_with_techniques_match_the_schema(schema):
    record = analyze(ARTICLE).to_dict()
    check_record(record, schema)
    again = Document.from_dict(record).to_dict()
    assert again["techniques"] == record["techniques"] and again["genre"] == record["genre"]


def test_model_is_loaded_once_per_process():
    assert cached_model() is cached_model()


def test_span_f1_gives_partial_credit_like_the_semeval_scorer():
    gold = {"a": [(0, 10)]}
    assert span_f1(gold, {"a": [(0, 10)]})["f1"] == 1.0
    half = span_f1(gold, {"a": [(0, 5)]})
    assert half["precision"] == 1.0 and half["recall"] == 0.5
    assert span_f1(gold, {"a": [(20, 30)]})["f1"] == 0.0
    assert merge([(0, 5), (3, 8), (10, 12)]) == [(0, 8), (10, 12)]


def test_span_f1_merges_only_spans_that_share_a_character_like_the_semeval_scorer():
    # the official scorer merges spans whose sets of offsets intersect: [0, 5) and [5, 10)
    # share no character, so they stay two predicted spans, each half of the gold span
    assert merge([(0, 5), (5, 10)]) == [(0, 5), (5, 10)]
    assert merge([(0, 6), (5, 10), (9, 12)]) == [(0, 12)]
    both = span_f1({"a": [(0, 10)]}, {"a": [(0, 5), (5, 10)]})
    assert both["precision"] == 1.0 and both["recall"] == 1.0
    # gold spans that touch are two gold spans too: one prediction over both earns each half
    touching = span_f1({"a": [(0, 5), (5, 10)]}, {"a": [(0, 5)]})
    assert touching["precision"] == 1.0 and touching["recall"] == 0.5


def test_paragraph_and_genre_measures():
    gold = np.array([[True, False], [False, True]])
    assert micro_f1(gold, gold) == 1.0
    assert micro_f1(gold, np.array([[True, True], [False, False]])) == 0.5
    assert macro_f1(["opinion", "satire"], ["opinion", "opinion"], GENRES) == pytest.approx(1 / 3)


def test_thresholds_are_chosen_for_micro_f1_and_switch_hopeless_labels_off():
    gold = np.array([[True, False], [True, False], [False, False], [False, True]])
    score = np.array([[0.9, 0.5], [0.6, 0.5], [0.3, 0.5], [0.1, 0.5]])
    cut = micro_thresholds(score, gold)
    assert 0.3 < cut[0] <= 0.6  # both true rows in, the false one out
    # predicting label 1 everywhere adds more false pairs than true ones: it is never predicted
    assert not (score[:, 1] >= cut[1]).any()
    assert micro_thresholds(score, np.zeros_like(gold)) == [1.01, 1.01]


def test_calibration_error():
    gold = np.array([1, 0, 1, 0] * 25, dtype=bool)
    assert calibration_error(gold, np.full(100, 0.5)) == pytest.approx(0.0)
    assert calibration_error(gold, np.full(100, 0.9)) == pytest.approx(0.4)


def test_regions_need_one_confident_token_and_bridge_small_holes():
    region = np.array([0.1, 0.25, 0.6, 0.25, 0.05, 0.3, 0.05, 0.05, 0.05, 0.25, 0.28, 0.1])
    # tokens 1-5 (the hole at 4 bridged) hold a token >= .5; tokens 9-10 reach only .28
    assert find_regions(region, low=0.2, high=0.5, gap=1) == [(1, 5)]
    assert find_regions(region, low=0.2, high=0.5, gap=0) == [(1, 3)]
    assert find_regions(region, low=0.2, high=0.2, gap=0) == [(1, 3), (5, 5), (9, 10)]
    assert find_regions(region, low=0.2, high=0.7, gap=4) == []


def test_each_region_goes_to_its_best_technique_and_every_technique_gets_a_span():
    offsets = [(0, 3), (4, 9), (10, 15), (16, 20), (21, 25), (26, 30)]
    region = np.array([0.9, 0.8, 0.0, 0.0, 0.7, 0.0])
    tagger = np.zeros((6, 23))
    tagger[:2, 14] = 0.9  # Loaded_Language on the first region
    tagger[4, 18] = 0.8  # Name_Calling-Labeling on the second
    tagger[4, 19] = 0.3  # Doubt: wins no region, so it gets the one where it scores highest
    found = decode_spans(offsets, tagger, region, np.array([14, 18, 19]), np.array([], int),
                         low=0.5, high=0.6, gap=0, ratio=0.5)
    assert found == [(14, 0, 9), (18, 21, 25), (19, 21, 25)]
    # a weaker technique labels a region it fits best, but gets no span where it wins none
    found = decode_spans(offsets, tagger, region, np.array([18]), np.array([14, 19]),
                         low=0.5, high=0.6, gap=0, ratio=0.5)
    assert found == [(14, 0, 9), (18, 21, 25)]
    # weaker techniques alone: the regions, and nothing where there is no region
    assert decode_spans(offsets, tagger, region, np.array([], int), np.array([19]),
                        low=0.5, high=0.6, gap=0, ratio=0.5) == [(19, 0, 9), (19, 21, 25)]
    assert decode_spans(offsets, tagger, region * 0.1, np.array([], int), np.array([19]),
                        low=0.5, high=0.6, gap=0, ratio=0.5) == []


def test_a_paragraph_with_a_technique_but_no_region_gets_the_run_around_its_best_token():
    offsets = [(0, 3), (4, 9), (10, 15), (16, 20)]
    region = np.array([0.05, 0.1, 0.08, 0.01])
    tagger = np.full((4, 23), 0.1)
    found = decode_spans(offsets, tagger, region, np.array([3]), np.array([5]), low=0.3,
                         high=0.5, gap=0, ratio=0.7)
    assert found == [(3, 4, 15)]
    assert decode_spans([], np.zeros((0, 23)), np.zeros(0), np.array([3]), np.array([], int),
                        0.3, 0.5, 0, 0.7) == []


def test_spans_mark_weaker_techniques_only_down_to_the_gate():
    import copy
    import dataclasses

    from presslens.steps.persuasion.infer import analyze_paragraphs

    model = load_model()
    paragraphs = [p.strip() for p in ARTICLE.split("\n\n") if p.strip()]

    def analysed(gate):
        meta = copy.deepcopy(model.meta)
        for decoding in meta["span_decoding"].values():
            decoding["gate"] = gate
        return analyze_paragraphs(dataclasses.replace(model, meta=meta), paragraphs, "en")

    strict, loose = analysed(1.0), analysed(0.01)
    # gate 1: every span's technique is one the paragraph head put in that paragraph
    assert strict.spans
    assert all(s.technique in strict.paragraph_techniques[s.paragraph] for s in strict.spans)
    # a low gate lets techniques under their threshold label regions too, never under the gate
    assert any(s.technique not in loose.paragraph_techniques[s.paragraph] for s in loose.spans)
    cut = model.technique_thresholds("en")
    assert all(s.score >= 0.01 * cut[TECHNIQUES.index(s.technique)] for s in loose.spans)
    # the paragraph decisions (what the paragraph measure scores) do not depend on the gate
    assert strict.paragraph_techniques == loose.paragraph_techniques
    off = {TECHNIQUES[j] for j in np.flatnonzero(cut > 1)}
    assert off and not off & {s.technique for s in loose.spans}


def test_a_technique_switched_off_for_a_language_labels_no_span_at_any_gate():
    from presslens.steps.persuasion.infer import weaker_techniques

    cut = np.array([0.2, 0.4, 1.01])
    probability = np.array([[0.06, 0.09, 1.0], [0.04, 0.11, 0.5]])
    assert weaker_techniques(probability, cut, 0.25).tolist() == [[True, False, False],
                                                                 [False, True, False]]
    assert not weaker_techniques(probability, cut, 0.01)[:, 2].any()
