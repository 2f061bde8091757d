"""training/train_ner_teacher.py: a long passage cut into overlapping word-piece windows keeps
every name's span, and predictions merged over the windows give the spans back."""

import sys

import pytest

from conftest import ROOT

WORDS = ["alice", "dupont", "visited", "paris", "with", "the", "un", ".", "and", "then", "left"]


@pytest.fixture()
def teacher(tmp_path):
    transformers = pytest.importorskip("transformers")
    pytest.importorskip("torch")
    sys.path.insert(0, str(ROOT / "training"))
    import train_ner_teacher

    (tmp_path / "vocab.txt").write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]) + "\n")
    # from_pretrained reads vocab.txt in transformers 4 and 5 alike (the constructor's
    # argument was renamed from vocab_file to vocab)
    tokenizer = transformers.BertTokenizerFast.from_pretrained(str(tmp_path))
    assert tokenizer.tokenize("Alice Paris") == ["alice", "paris"]
    return train_ner_teacher, tokenizer


def long_passage(sentences: int = 60):
    """A text of several windows, with gold spans: a two-word person, a place, an outfit."""
    text, spans = "", []
    for _ in range(sentences):
        for word, label in (("Alice Dupont", "PER"), (None, " visited "), ("Paris", "LOC"),
                            (None, " with the "), ("UN", "ORG"), (None, ". And then left. ")):
            if word is None:
                text += label
            else:
                spans.append((len(text), len(text) + len(word), label))
                text += word
    return text, spans


def test_windows_overlap_and_carry_every_name(teacher):
    module, tokenizer = teacher
    text, spans = long_passage()
    windows, words = module.windows(tokenizer, text, spans)
    assert len(windows) > 2
    assert all(len(w["ids"]) <= module.MAX_PIECES for w in windows)
    for before, after in zip(windows, windows[1:]):
        assert before["end"] - after["start"] == module.STRIDE
    # the first piece of each word carries its tag; merged, they are the gold spans again
    tags = [0] * len(words)
    for window in windows:
        for head, tag in zip(window["heads"], window["tags"]):
            if head >= 0:
                tags[head] = tag
    assert module._spans(tags, words) == spans
    capitalised = {w["shapes"][k] for w in windows for k, head in enumerate(w["heads"])
                   if head >= 0 and text[words[head][0]].isupper()}
    assert capitalised <= {1, 2}  # "Alice", "Paris" Capitalised; "UN" upper case


def test_predictions_merged_over_windows_give_the_spans(teacher):
    """A stand-in network that tags each word piece by its word (and its left neighbour)."""
    module, tokenizer = teacher
    import torch

    text, spans = long_passage()
    tag_of = {"alice": "B-PER", "dupont": "I-PER", "paris": "B-LOC", "un": "B-ORG"}

    class ByWord(torch.nn.Module):
        def forward(self, ids, shapes, mask):
            logits = torch.zeros(*ids.shape, len(module.TAGS))
            for row in range(ids.shape[0]):
                for col, piece in enumerate(tokenizer.convert_ids_to_tokens(ids[row].tolist())):
                    logits[row, col, module.TAGS.index(tag_of.get(piece, "O"))] = 1.0
            return logits

    assert module.predict(torch, ByWord(), tokenizer, [text], batch_size=2) == [spans]
