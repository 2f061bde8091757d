"""Comment moderation: labels in English and French, hard non-hateful cases, edge inputs,
the pipeline step, the thread summary and `presslens moderate`."""

import io
import json
import sys
import time
from pathlib import Path

import pytest

from conftest import check_record
from presslens.cli import main
from presslens.document import Comment, Document
from presslens.pipeline import DEFAULT_STEPS, Pipeline, available_steps
from presslens.steps.moderation import ModerationStep, moderate_texts, summarize
from presslens.steps.moderation.groups import groups_named
from presslens.steps.moderation.model import HEADS, load_model

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]

#: one unmistakable comment per label and language
CLEAR_CASES = [
    ("en", "toxicity", "You are a worthless piece of garbage and everyone hates you."),
    ("en", "insult", "Shut up, you brainless moron."),
    ("en", "identity_attack", "Muslims are vermin and should leave this country."),
    ("en", "threat", "I will find you and kill you."),
    ("en", "obscene", "This is fucking bullshit."),
    ("en", "spam", "Earn $500 a day from home! Visit www.cash-now-easy.com"),
    ("fr", "toxicity", "T'es vraiment une ordure, tout le monde te déteste."),
    ("fr", "insult", "Espèce de connard, t'es qu'un abruti."),
    ("fr", "identity_attack", "Les juifs sont des parasites qui contrôlent les banques."),
    ("fr", "threat", "Je vais te retrouver et te tuer."),
    ("fr", "obscene", "Putain de merde, quel bordel."),
    ("fr", "spam", "Gagnez 300€ par jour depuis chez vous, WhatsApp au +33 6 12 34 56 78"),
]


@pytest.fixture(scope="module")
def model():
    return load_model()


def one(text):
    return moderate_texts([text])[0]


@pytest.mark.parametrize("lang,label,text", CLEAR_CASES)
def test_each_label_fires_on_a_clear_case(model, lang, label, text):
    record = one(text)
    assert label in record["labels"], (text, record)


@pytest.mark.parametrize("text", [
    "Thanks for the article, very informative.",
    "The council should publish the budget figures before the vote.",
    "Merci pour cet article très intéressant.",
    "Le conseil municipal devrait publier le budget avant le vote.",
])
def test_ordinary_comments_get_no_label(model, text):
    assert one(text)["labels"] == []


@pytest.mark.parametrize("hateful,rejecting", [
    ("Jews control the banks and the media.",
     "Saying that Jews control the banks and the media is an antisemitic lie."),
    ("Muslims are vermin.", "I have nothing against Muslims, they are my neighbours."),
    ("Les juifs contrôlent les banques et les médias.",
     "Dire que les juifs contrôlent les banques et les médias est un mensonge antisémite."),
    ("Les musulmans sont de la vermine.",
     "Je n'ai rien contre les musulmans, ce sont mes voisins."),
])
def test_counter_speech_and_negation_are_not_identity_attacks(model, hateful, rejecting):
    attack, rejection = one(hateful), one(rejecting)
    assert "identity_attack" in attack["labels"]
    assert "identity_attack" not in rejection["labels"]
    assert rejection["identity_attack"] < attack["identity_attack"]


def test_identity_attack_names_the_groups_it_targets(model):
    record = one("Les juifs sont des parasites qui contrôlent les banques.")
    assert record["targets"] == ["jews"]
    assert one("Thanks for the article.")["targets"] == []


@pytest.mark.parametrize("text", ["", "   \n\t", None])
def test_empty_comments_score_zero(model, text):
    record = moderate_texts([text])[0]
    assert record["labels"] == [] and record["targets"] == []
    assert all(record[h] == 0.0 for h in HEADS)


@pytest.mark.parametrize("text", ["👍👍", "😂😂😂", "❤️🇫🇷", "🙏🏽"])
def test_emoji_only_comments_get_no_label(model, text):
    assert one(text)["labels"] == []


def test_very_long_comment_is_scored_quickly_from_its_head_and_tail(model):
    filler = "The council met on Tuesday to discuss the budget for the coming year. " * 4000
    text = "I will find you and kill you. " + filler + " I will find you and kill you."
    started = time.perf_counter()
    record = one(text)
    assert time.perf_counter() - started < 2.0
    assert "threat" in record["labels"]
    assert all(0.0 <= record[h] <= 1.0 for h in HEADS)


@pytest.mark.parametrize("text", ["Kiitos artikkelista, hyvä kirjoitus.", "記事をありがとう",
                                  "Спасибо за статью"])
def test_unknown_languages_get_valid_scores(model, text):
    record = one(text)
    assert all(0.0 <= record[h] <= 1.0 for h in HEADS)
    assert set(record["labels"]) <= set(HEADS)


def test_group_names_are_masked_but_slurs_are_not():
    from presslens.steps.moderation import features

    norm = features.normalize
    assert features.mask_groups(norm("Muslims and Jewish bakers, les immigrés")) == (
        "xgroup and xgroup bakers, les xgroup")
    assert "kikes" in features.mask_groups(norm("kikes"))
    # masked, two sentences that differ only in the group they name get the same features
    a, b = (features.featurize([t], group_mask=True)
            for t in ("Muslims are my neighbours.", "Hindus are my neighbours."))
    assert (a != b).nnz == 0
    assert (features.featurize(["Muslims"]) != features.featurize(["Hindus"])).nnz > 0


def test_shipped_model_says_how_its_features_were_made(model):
    from presslens.steps.moderation import features

    assert model.group_mask == features.GROUP_MASK


def test_scores_do_not_depend_on_batch_neighbours(model):
    texts = [c[2] for c in CLEAR_CASES]
    together = moderate_texts(texts)
    alone = [one(t) for t in texts]
    assert together == alone


def test_summary_counts_labels_commenters_and_groups():
    records = [
        {**{h: 0.9 if h in ("toxicity", "identity_attack") else 0.0 for h in HEADS},
         "labels": ["toxicity", "identity_attack"], "targets": ["jews"]},
        {**{h: 0.9 if h == "spam" else 0.0 for h in HEADS}, "labels": ["spam"], "targets": []},
        {**{h: 0.9 if h in ("toxicity", "insult") else 0.0 for h in HEADS},
         "labels": ["toxicity", "insult"], "targets": []},
        {**{h: 0.0 for h in HEADS}, "labels": [], "targets": []},
    ]
    summary = summarize(records, ["ana", "bot", "ana", None])
    assert summary["comments"] == 4
    assert summary["toxic_share"] == 0.5 and summary["spam_rate"] == 0.25
    assert summary["label_counts"]["toxicity"] == 2
    assert summary["top_flagged_commenters"] == [{"author": "ana", "flagged": 2},
                                                 {"author": "bot", "flagged": 1}]
    assert summary["groups_targeted"] == [{"group": "jews", "comments": 1}]


def test_summary_of_a_page_without_comments():
    summary = summarize([], [])
    assert summary["comments"] == 0 and summary["toxic_share"] == 0.0
    assert summary["top_flagged_commenters"] == [] and summary["groups_targeted"] == []


def test_groups_named_in_english_and_french():
    assert groups_named("Les réfugiés et les Juifs") == ["jews", "immigrants and refugees"]
    assert groups_named("Muslim women") == ["muslims", "women"]
    assert groups_named("the transport strike") == []


def _document_with_comments():
    text = "Article body.\n\nI will find you and kill you.\nGreat reporting, thank you.\n"
    doc = Document(text)
    first = text.index("I will")
    second = text.index("Great")
    doc.comments = [
        Comment("c1", None, 0, "mallory", None, "I will find you and kill you.", first,
                first + 29),
        Comment("c2", "c1", 1, "alice", None, "Great reporting, thank you.", second, second + 27),
    ]
    return doc


def test_step_adds_moderation_to_comments_and_a_summary(schema):
    doc = _document_with_comments()
    step = ModerationStep()
    step(doc)
    assert doc.has_annotation("comments") and doc.has_annotation("comment_summary")
    record = doc.to_dict()
    check_record(record, schema)
    first, second = record["comments"]
    assert "threat" in first["moderation"]["labels"]
    assert second["moderation"]["labels"] == []
    summary = record["comment_summary"]
    assert summary["top_flagged_commenters"] == [{"author": "mallory", "flagged": 1}]
    assert Document.from_dict(record).to_dict() == record


def test_moderation_is_a_default_step_after_language():
    assert "moderation" in available_steps()
    assert DEFAULT_STEPS.index("moderation") == DEFAULT_STEPS.index("language") + 1
    assert "moderation" in Pipeline(DEFAULT_STEPS).step_names


def test_analyze_records_carry_moderation(tmp_path, schema):
    page = tmp_path / "page.txt"
    page.write_text(
        "Council approves new bridge\n\nThe council approved the new bridge on Monday after a "
        "long debate about its cost and the traffic it will bring to the old town.\n\n"
        "Engineers said work would start in the spring and last two years.\n\n"
        "3 comments\n\nmallory\nMarch 3, 2024 at 10:12\nI will find you and kill you.\n\n"
        "alice\nMarch 3, 2024 at 11:40\nGreat news for the town, finally.\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["analyze", str(page), "-o", str(out), "--no-progress"]) == 0
    [record] = json.loads(out.read_text(encoding="utf-8"))
    check_record(record, schema)
    assert record["comment_summary"]["comments"] == len(record["comments"])
    for comment in record["comments"]:
        assert set(HEADS) <= set(comment["moderation"])


def _jsonl(*lines):
    return "".join(line + "\n" for line in lines)


def test_moderate_cli_adds_moderation_in_order_and_reports_bad_lines(tmp_path, capsys):
    source = tmp_path / "comments.jsonl"
    source.write_text(_jsonl(
        json.dumps({"id": 1, "text": "I will find you and kill you.", "language": "en"}),
        "{not json",
        json.dumps({"id": 3, "text": "Merci pour cet article.", "language": "fr"}),
        json.dumps({"id": 4, "body": "no text field"}),
        json.dumps({"id": 5, "text": "Great reporting.", "language": None}),
    ), encoding="utf-8")
    out = tmp_path / "moderated.jsonl"
    assert main(["moderate", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "line 2" in err and "invalid JSON" in err
    assert "line 4" in err and "no 'text' field" in err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [1, 3, 5]
    assert rows[0]["language"] == "en" and "threat" in rows[0]["moderation"]["labels"]
    assert rows[1]["moderation"]["labels"] == []
    assert rows[2]["language"] is None


def test_moderate_cli_reads_stdin_and_writes_stdout(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(_jsonl(json.dumps({"text": "👍"}), "",
                                                         json.dumps({"text": ""}))))
    assert main(["moderate"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in rows] == ["👍", ""]
    assert all(r["moderation"]["labels"] == [] for r in rows)


def test_moderate_cli_missing_file_is_a_usage_error(tmp_path, capsys):
    assert main(["moderate", str(tmp_path / "nope.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_moderate_cli_leaves_no_partial_file_when_interrupted(tmp_path, monkeypatch):
    from presslens.steps.moderation import jsonl

    source = tmp_path / "in.jsonl"
    source.write_text(_jsonl(json.dumps({"text": "hello there"})), encoding="utf-8")
    out = tmp_path / "out.jsonl"

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(jsonl, "moderate_texts", boom)
    with pytest.raises(KeyboardInterrupt):
        main(["moderate", str(source), "-o", str(out)])
    assert not out.exists() and list(tmp_path.iterdir()) == [source]


def _suite(lang):
    path = DATA / f"moderation_functional_{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_functional_suites_cover_the_hard_cases(lang):
    cases = _suite(lang)
    assert len(cases) >= 150
    functionalities = {c["functionality"] for c in cases}
    assert {"hate_derogation", "negation", "counter_speech", "profanity_no_target",
            "neutral_group", "reporting", "threat_individual", "insult_individual",
            "spam"} <= functionalities
    for case in cases:
        assert set(case["labels"]) <= set(HEADS) and set(case["check"]) <= set(HEADS)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_functional_suites_are_kept_out_of_the_training_templates(lang):
    sys.path.insert(0, str(REPO / "training"))
    from moderation_templates import all_examples

    trained = {e["text"].lower().strip() for e in all_examples()}
    overlap = [c["text"] for c in _suite(lang) if c["text"].lower().strip() in trained]
    assert overlap == []
