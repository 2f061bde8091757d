"""Readers for the SemEval persuasion corpora and the fixed held-out split rule.

Used by training/train_persuasion.py and benchmarks/persuasion.py; nothing here runs in the
pipeline. Articles are read as raw text (no newline translation), because the span offsets
count the `\\r` of CRLF files.
"""

from __future__ import annotations

import hashlib
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from presslens.steps.persuasion.labels import CORPUS_LANGUAGES, SEMEVAL2020_TO_2023

HELDOUT_RULE = ("sha1('<corpus language>:<article id>') first hex digit in 0-2 -> held out "
                "(about 19% of each language); never used for training, calibration or thresholds")


def is_heldout(language: str, article_id: str) -> bool:
    """The fixed held-out rule; `language` is the ISO code, the same for both English corpora."""
    digest = hashlib.sha1(f"{language}:{article_id}".encode("utf-8")).hexdigest()
    return digest[0] in "012"


@dataclass(slots=True)
class Article:
    """One corpus article with whatever labels the corpus gives for it."""

    id: str
    language: str  # ISO 639-1
    text: str
    genre: str | None = None
    frames: list[str] | None = None
    #: (technique, start, end) with `end` exclusive, code points into `text`
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    #: paragraph line index (0-based) -> techniques, for the lines the corpus labels
    paragraph_labels: dict[int, list[str]] | None = None

    @property
    def heldout(self) -> bool:
        return is_heldout(self.language, self.id)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """`[start, end)` of each non-blank line of `text` (split on \\n, a trailing \\r excluded)."""
    result, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped_end = end - 1 if line.endswith("\r") else end
        if line.strip():
            result.append((start, stripped_end))
        start = end + 1
    return result


def line_index(text: str) -> list[tuple[int, int, int]]:
    """(line number 0-based, start, end) for every non-blank line."""
    result, start = [], 0
    for number, line in enumerate(text.split("\n")):
        end = start + len(line)
        if line.strip():
            result.append((number, start, end - 1 if line.endswith("\r") else end))
        start = end + 1
    return result


def _tar_texts(path: Path, folder: str) -> dict[str, str]:
    texts = {}
    with tarfile.open(path, "r:gz") as archive:
        for member in archive.getmembers():
            name = member.name
            if member.isfile() and name.startswith(folder + "/") and name.endswith(".txt"):
                article_id = name.rsplit("/", 1)[1][len("article"):-len(".txt")]
                handle = archive.extractfile(member)
                assert handle is not None
                texts[article_id] = handle.read().decode("utf-8")
    return texts


def _tar_span_files(path: Path) -> dict[str, list[tuple[str, int, int]]]:
    spans: dict[str, list[tuple[str, int, int]]] = {}
    with tarfile.open(path, "r:gz") as archive:
        for member in archive.getmembers():
            if member.isfile() and member.name.startswith("train-labels-subtask-3-spans/"):
                handle = archive.extractfile(member)
                assert handle is not None
                for row in handle.read().decode("utf-8").splitlines():
                    if row.strip():
                        article_id, technique, start, end = row.split("\t")[:4]
                        spans.setdefault(article_id, []).append((technique, int(start), int(end)))
    return spans


def _label_rows(path: Path) -> list[list[str]]:
    return [row.rstrip("\r").split("\t") for row in path.read_text(encoding="utf-8").split("\n")
            if row.strip()]


def _split_labels(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def read_semeval2023(root: Path, folder: str, subtask: int) -> list[Article]:
    """The articles of one subtask (1 genre, 2 frames, 3 techniques) of one language folder."""
    language = CORPUS_LANGUAGES[folder]
    directory = root / "semeval2023" / folder
    texts = _tar_texts(directory / "train.tar.gz", f"train-articles-subtask-{subtask}")
    rows = _label_rows(directory / f"train-labels-subtask-{subtask}.txt")
    articles = {i: Article(i, language, t) for i, t in texts.items()}
    if subtask == 1:
        for article_id, genre in (r[:2] for r in rows):
            articles[article_id].genre = genre
    elif subtask == 2:
        for row in rows:
            articles[row[0]].frames = _split_labels(row[1] if len(row) > 1 else "")
    else:
        for row in rows:
            article = articles[row[0]]
            if article.paragraph_labels is None:
                article.paragraph_labels = {}
            article.paragraph_labels[int(row[1]) - 1] = _split_labels(row[2] if len(row) > 2 else "")
        # English ends are exclusive, the other languages' ends inclusive (see the data README)
        inclusive = folder != "en"
        for article_id, spans in _tar_span_files(directory / "train.tar.gz").items():
            if article_id in articles:
                articles[article_id].spans = [(t, s, e + 1 if inclusive else e) for t, s, e in spans]
    labelled = {
        1: lambda a: a.genre is not None, 2: lambda a: a.frames is not None,
        3: lambda a: a.paragraph_labels is not None,
    }[subtask]
    return sorted((a for a in articles.values() if labelled(a)), key=lambda a: a.id)


def read_semeval2020(root: Path) -> list[Article]:
    """SemEval-2020 Task 11 English train+dev articles, spans mapped onto the 2023 labels."""
    base = root / "semeval2020"
    articles = []
    for part in ("train", "dev"):
        spans: dict[str, list[tuple[str, int, int]]] = {}
        for row in _label_rows(base / f"{part}-task-flc-tc.labels"):
            technique = SEMEVAL2020_TO_2023[row[1]]
            spans.setdefault(row[0], []).append((technique, int(row[2]), int(row[3])))
        for path in sorted((base / f"{part}-articles").glob("article*.txt")):
            article_id = path.stem[len("article"):]
            text = path.read_bytes().decode("utf-8")
            articles.append(Article(article_id, "en", text, spans=spans.get(article_id, [])))
    return articles


def read_si_spans(root: Path) -> dict[str, list[tuple[int, int]]]:
    """SemEval-2020 span-identification gold (technique-agnostic spans) per article id."""
    gold: dict[str, list[tuple[int, int]]] = {}
    for part in ("train", "dev"):
        for row in _label_rows(root / "semeval2020" / f"{part}-task-si.labels"):
            gold.setdefault(row[0], []).append((int(row[1]), int(row[2])))
    return gold
