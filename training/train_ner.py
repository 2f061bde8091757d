"""Train the English NER model shipped in src/presslens/models/ner_en/ (spaCy, CPU, a few MB).

    nice -n 10 python training/train_ner.py [--minutes 10] [--out src/presslens/models/ner_en]

A blank English spaCy pipeline with one `ner` component (its own small hash-embedding CNN
tok2vec, no word vectors) trained on GUM train, re3d train (3 copies: the conflict domain is
what presslens reads, and re3d is small) and wikigold train, with labels mapped to
PER/ORG/LOC/MISC by training/ner_data.py. GUM dev picks the epoch; the held-out splits
(training/ner_data.py:SPLIT_RULE) are scored once at the end and printed as JSON.
Deterministic for a given spaCy version (fixed seed, one thread).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import ner_data

DEFAULT_OUT = ner_data.REPO / "src" / "presslens" / "models" / "ner_en"
SEED = 13
RE3D_COPIES = 3
#: the default spaCy NER network, with a larger hash table (5,000 rows per feature) because
#: names are rare words; still about 4 MB on disk
MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
    "extra_state_tokens": False, "hidden_width": 64, "maxout_pieces": 2, "use_upper": True,
    "nO": None,
    "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None,
                "width": 96, "depth": 4, "embed_size": 5000, "window_size": 1,
                "maxout_pieces": 3, "subword_features": True},
}


def training_passages(uncertain_missing: bool = False, silver: Path | None = None
                      ) -> list[tuple[str, list[ner_data.Span], list[tuple[int, int]]]]:
    """(text, spans, missing): with `uncertain_missing`, re3d's uncertain names are marked
    missing (neither entity nor O); otherwise they are O like any unannotated word. `silver`:
    a JSON-lines file of passages labelled by a teacher (training/train_ner_teacher.py)."""
    passages = [(t, s, []) for t, s in ner_data.gum_passages("train")]
    if silver is not None:
        with silver.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                passages.append((row["text"], [tuple(span) for span in row["spans"]], []))
    for _, split, text, spans, uncertain in ner_data.re3d_documents_with_uncertain():
        if split == "train":
            missing = uncertain if uncertain_missing else []
            passages.extend([(text, spans, missing)] * RE3D_COPIES)
    for _, split, docs in ner_data.wikigold_documents():
        if split == "train":
            passages.extend((t, s, []) for t, s in docs)
    return passages


def re3d_uncertain_test() -> list[list[tuple[int, int]]]:
    return [u for _, split, _, _, u in ner_data.re3d_documents_with_uncertain()
            if split == "test"]


def held_out_sets() -> dict[str, list[ner_data.Passage]]:
    return {
        "gum_test": list(ner_data.gum_passages("test")),
        "re3d_test": [(t, s) for _, split, t, s in ner_data.re3d_documents() if split == "test"],
        "wikigold_test": [p for _, split, docs in ner_data.wikigold_documents() if split == "test"
                          for p in docs],
    }


def to_example(nlp, passage):
    from spacy.training import Example
    from spacy.util import filter_spans

    text, spans, missing = passage
    reference = nlp.make_doc(text)
    ents = filter_spans([e for e in (reference.char_span(s, e, label=label,
                                                         alignment_mode="expand")
                                     for s, e, label in spans) if e is not None])
    taken = {i for e in ents for i in range(e.start, e.end)}
    unknown = []
    for span in (reference.char_span(s, e, alignment_mode="expand") for s, e in missing):
        if span is not None and not taken.intersection(range(span.start, span.end)):
            unknown.append(span)
            taken.update(range(span.start, span.end))
    reference.set_ents(ents, missing=unknown, default="outside")
    return Example(nlp.make_doc(text), reference)


def predict(nlp, passages: list[ner_data.Passage]) -> list[list[ner_data.Span]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in nlp.pipe((t for t, _ in passages), batch_size=64)]


def evaluate(nlp, passages: list[ner_data.Passage]) -> dict:
    return ner_data.score([s for _, s in passages], predict(nlp, passages))


def train(minutes: float, max_epochs: int, uncertain_missing: bool = False,
          silver: Path | None = None, embed_rows: int = 5000) -> tuple[object, dict]:
    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(SEED)
    random.seed(SEED)
    nlp = spacy.blank("en")
    model = {**MODEL, "tok2vec": {**MODEL["tok2vec"], "embed_size": embed_rows}}
    nlp.add_pipe("ner", config={"model": model})
    examples = [to_example(nlp, p) for p in training_passages(uncertain_missing, silver)]
    dev = list(ner_data.gum_passages("dev"))
    optimizer = nlp.initialize(lambda: examples)
    best = (-1.0, None, 0)
    deadline = time.time() + minutes * 60
    for epoch in range(1, max_epochs + 1):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        with nlp.select_pipes(enable=["ner"]):
            dev_f1 = evaluate(nlp, dev)["micro"]["f1"]
        print(f"{time.strftime('%H:%M:%S')} epoch {epoch}: loss {losses.get('ner', 0):.1f} dev F1 {dev_f1:.3f}",
              file=sys.stderr, flush=True)
        if dev_f1 > best[0]:
            best = (dev_f1, nlp.to_bytes(), epoch)
        if time.time() > deadline:
            break
    nlp.from_bytes(best[1])
    return nlp, {"dev_f1": best[0], "epoch": best[2], "training_passages": len(examples)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--minutes", type=float, default=10.0,
                        help="stop after the epoch that passes this much training time")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--uncertain-missing", action="store_true",
                        help="mark re3d's uncertain names (confidence < 0.5) missing, not O")
    parser.add_argument("--silver", type=Path,
                        help="also train on these teacher-labelled passages (JSON lines)")
    parser.add_argument("--embed-rows", type=int, default=MODEL["tok2vec"]["embed_size"],
                        help="rows of each hash-embedding table (size on disk grows with it)")
    args = parser.parse_args()
    if not ner_data.available():
        print(f"no NER data under {ner_data.NER_DIR}", file=sys.stderr)
        return 1
    nlp, info = train(args.minutes, args.epochs, args.uncertain_missing, args.silver,
                      args.embed_rows)
    info["embed_rows"] = args.embed_rows
    info["uncertain_missing"] = args.uncertain_missing
    info["silver"] = args.silver.name if args.silver else None
    figures = held_out_figures(lambda passages: predict(nlp, passages))
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.meta.update({"name": "presslens_ner_en", "version": "0.1.0",
                     "description": "presslens English NER (PER/ORG/LOC/MISC)",
                     "split_rule": ner_data.SPLIT_RULE})
    nlp.to_disk(args.out)
    drop_training_words(args.out)
    write_report(args.out, info, figures)
    return 0


def drop_training_words(model_dir: Path) -> None:
    """Keep in the saved string store only a blank English pipeline's strings and the labels.

    spaCy saves every token string it met in training; the recogniser's features are hashes
    computed from the text, so predictions do not need them (checked: identical on all
    held-out passages), and the silver text is research-only: its words stay out of the
    package."""
    import spacy

    needed = set(spacy.blank("en").vocab.strings) | set(ner_data.LABELS)
    (model_dir / "vocab" / "strings.json").write_text(
        json.dumps(sorted(needed), ensure_ascii=False), encoding="utf-8")


def held_out_figures(predict_passages) -> dict:
    """Scores of `predict_passages(passages) -> spans per passage` on each held-out set; re3d
    also on PER/ORG/LOC alone and with its annotator-uncertain names left out."""
    figures = {}
    for name, passages in held_out_sets().items():
        gold = [s for _, s in passages]
        predicted = predict_passages(passages)
        figures[name] = ner_data.score(gold, predicted)
        if name == "re3d_test":
            figures["re3d_test_PER_ORG_LOC"] = ner_data.score(
                gold, predicted, labels=("PER", "ORG", "LOC"))["micro"]
            figures["re3d_test_uncertain_ignored"] = ner_data.score(
                gold, predicted, ignore=re3d_uncertain_test())
    return figures


def write_report(out: Path, info: dict, figures: dict) -> None:
    """Print the training facts and held-out figures as JSON and keep them in `figures.json`."""
    report = {"training": info, "held_out": figures}
    (out / "figures.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    sys.exit(main())
