"""The optional transformers backend, with a tiny randomly initialised model built here."""

import pytest

from presslens.document import Document
from presslens.steps.persuasion.labels import TECHNIQUES


def tiny_model(folder):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    torch.manual_seed(0)
    folder.mkdir(parents=True, exist_ok=True)
    words = ["the", "elite", "are", "liars", "and", "traitors", "everyone", "knows", "it", "!"]
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]) + "\n")
    # from_pretrained reads vocab.txt in transformers 4 and 5 alike (the constructor's
    # argument was renamed from vocab_file to vocab, and an unknown one is ignored)
    tokenizer = transformers.BertTokenizerFast.from_pretrained(str(folder))
    assert tokenizer.tokenize("The elite") == ["the", "elite"]
    labels = ["O", *TECHNIQUES]
    config = transformers.BertConfig(
        vocab_size=len(words) + 5, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=64,
        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)})
    transformers.BertForTokenClassification(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_a_local_token_classifier_gives_spans_that_slice_the_text(tmp_path):
    from presslens.steps.persuasion.step import PersuasionStep

    folder = tiny_model(tmp_path / "model")
    text = "Title\r\n\r\nThe elite are liars and traitors, everyone knows it!\r\n"
    doc = Document(text)
    doc.segments, doc.body_map, doc.language = [], None, "en"
    doc.body = "The elite are liars and traitors, everyone knows it!"
    PersuasionStep(threshold=0.0, transformers_path=folder)(doc)
    spans = doc.extras["techniques"]
    assert {s["technique"] for s in spans} == set(TECHNIQUES)
    for span in spans:
        evidence = doc.text[span["start"]:span["end"]]
        assert evidence and evidence in doc.body


def test_a_missing_folder_is_a_clear_error(tmp_path):
    from presslens.errors import PresslensError
    from presslens.steps.persuasion.backend import TransformersBackend

    with pytest.raises(PresslensError, match="does not exist"):
        TransformersBackend(tmp_path / "nowhere")


def test_the_backend_is_never_the_default(monkeypatch):
    from presslens.steps.persuasion.step import TRANSFORMERS_ENV, PersuasionStep

    monkeypatch.delenv(TRANSFORMERS_ENV, raising=False)
    step = PersuasionStep()
    assert step.transformers_path is None
    monkeypatch.setenv(TRANSFORMERS_ENV, "/some/local/folder")
    assert str(PersuasionStep().transformers_path) == "/some/local/folder"
