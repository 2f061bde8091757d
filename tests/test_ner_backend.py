"""The optional transformers recogniser: tag decoding, windows, and a tiny model built here."""

import pytest

from presslens.document import Document
from presslens.steps.entities.backend import decode, tag_table, word_tags
from presslens.steps.entities.ner import LABELS, _LABEL_MAP

CONLL = {0: "O", 1: "B-PER", 2: "I-PER", 3: "B-LOC", 4: "I-LOC", 5: "B-DATE"}


def test_tags_map_onto_presslens_labels():
    table = tag_table({0: "O", 1: "B-PERSON", 2: "I-GPE", 3: "S-ORG", 4: "B-DATE", 5: "NORP"},
                      _LABEL_MAP, set(LABELS))
    assert table == [("O", None), ("B", "PER"), ("I", "LOC"), ("S", "ORG"), ("B", None),
                     ("I", "MISC")]
    io_tags = tag_table({0: "O", 1: "PER", 2: "LOC"}, {}, set(LABELS))
    assert decode([(0, 4, 1), (5, 9, 1), (10, 12, 0), (13, 18, 2), (19, 23, 1)], io_tags) == \
        [(0, 9, "PER"), (13, 18, "LOC"), (19, 23, "PER")]


def test_bio_and_bioes_words_become_spans():
    tags = tag_table(CONLL, _LABEL_MAP, set(LABELS))
    #   Jean(B-PER) Le(I-PER) Drian(I-PER) in(O) Deir(B-LOC) Ezzor(I-LOC) Aleppo(I-PER)
    words = [(0, 4, 1), (5, 7, 2), (8, 13, 2), (14, 16, 0), (17, 21, 3), (22, 27, 4),
             (28, 34, 2)]
    assert decode(words, tags) == [(0, 13, "PER"), (17, 27, "LOC"), (28, 34, "PER")]
    bioes = tag_table({0: "O", 1: "S-LOC", 2: "B-LOC", 3: "E-LOC", 4: "I-LOC"}, {}, set(LABELS))
    # S closes its span: the next I does not extend it; E closes too
    assert decode([(0, 5, 1), (6, 9, 4), (10, 12, 2), (13, 15, 3), (16, 18, 4)], bioes) == \
        [(0, 5, "LOC"), (6, 9, "LOC"), (10, 15, "LOC"), (16, 18, "LOC")]
    # a date is no name: it closes the person before it
    assert decode([(0, 4, 1), (5, 9, 5), (10, 14, 2)], tags) == [(0, 4, "PER"), (10, 14, "PER")]


def test_overlapping_windows_keep_the_most_central_reading():
    # two windows of 6 pieces ([CLS] … [SEP]) sharing words 2 and 3; word 1 has two pieces
    word_ids = [[None, 0, 1, 1, 2, None], [None, 2, 3, 4, 5, None]]
    offsets = [[[0, 0], [0, 3], [4, 6], [6, 9], [10, 12], [0, 0]],
               [[0, 0], [10, 12], [13, 15], [16, 18], [19, 21], [0, 0]]]
    predicted = [[0, 1, 3, 0, 0, 0], [0, 4, 2, 1, 1, 0]]
    words = word_tags(word_ids, offsets, predicted)
    # word 1 spans both pieces and takes its first piece's tag; word 2 is more central in
    # the first window (position 4 of 6 against 1 of 6)
    assert words == [(0, 3, 1), (4, 9, 3), (10, 12, 0), (13, 15, 2), (16, 18, 1), (19, 21, 1)]


def tiny_model(folder, favoured):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    torch.manual_seed(0)
    folder.mkdir(parents=True, exist_ok=True)
    words = ["talks", "in", "geneva", "and", "vienna", "went", "on", "."]
    (folder / "vocab.txt").write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n")
    tokenizer = transformers.BertTokenizerFast.from_pretrained(str(folder))
    assert tokenizer.tokenize("Geneva and") == ["geneva", "and"]
    config = transformers.BertConfig(
        vocab_size=len(words) + 5, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=64,
        id2label=CONLL, label2id={label: i for i, label in CONLL.items()})
    model = transformers.BertForTokenClassification(config)
    with torch.no_grad():  # every piece gets the favoured tag, whatever the random encoder says
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        model.classifier.bias[favoured] = 5.0
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def run_entities(text, **options):
    from presslens.steps.entities import EntitiesStep

    doc = Document(text)
    doc.segments, doc.body_map, doc.language, doc.body = [], None, "en", text
    EntitiesStep(**options)(doc)
    return doc.extras["entities"]


def test_a_local_model_finds_names_over_many_windows(tmp_path):
    folder = tiny_model(tmp_path / "model", favoured=3)  # B-LOC on every word
    text = " ".join(["Talks in Geneva and Vienna went on."] * 30)  # about 270 pieces
    found = run_entities(text, transformers_path=str(folder))
    # lower-case words are no names; "Talks" opens each sentence but is no stop word
    assert {e["text"] for e in found} == {"Talks", "Geneva", "Vienna"}
    assert sum(e["text"] == "Geneva" for e in found) == 30
    for entity in found:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    geneva = next(e for e in found if e["text"] == "Geneva")
    assert geneva["label"] == "LOC" and geneva["country"] == "CH"


def test_the_backend_covers_only_the_languages_named(tmp_path, monkeypatch):
    from presslens.steps.entities import EntitiesStep
    from presslens.steps.entities.ner import TRANSFORMERS_ENV, TRANSFORMERS_LANGUAGES_ENV

    folder = tiny_model(tmp_path / "model", favoured=1)  # B-PER on every word
    monkeypatch.setenv(TRANSFORMERS_ENV, str(folder))
    monkeypatch.setenv(TRANSFORMERS_LANGUAGES_ENV, "de, it")
    step = EntitiesStep()
    assert step.recognizer("en") is None and step.recognizer("de") is not None
    monkeypatch.delenv(TRANSFORMERS_LANGUAGES_ENV)
    persons = run_entities("Talks in Geneva went on.")
    assert {e["text"]: e["label"] for e in persons}["Geneva"] == "PER"


def test_the_backend_is_never_the_default(monkeypatch, tmp_path):
    from presslens.errors import PresslensError
    from presslens.steps.entities import EntitiesStep
    from presslens.steps.entities.ner import TRANSFORMERS_ENV, transformers_recognizer

    monkeypatch.delenv(TRANSFORMERS_ENV, raising=False)
    assert EntitiesStep().recognizer("en") is None
    with pytest.raises(PresslensError, match="does not exist"):
        transformers_recognizer(str(tmp_path / "nowhere"))
