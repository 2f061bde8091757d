"""The body measure of benchmarks/segmentation.py: 4-token shingles as the ScrapingHub scorer
tokenises (runs of word characters), so punctuation at a snippet's edge costs nothing."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.segmentation import shingle_counts, whitespace_tokens, word_tokens  # noqa: E402

GOLD = {"with": ["Es wird nicht einfach, aber ich habe ein gutes Gefühl"],
        "without": ["Melden Sie sich jetzt für unseren Newsletter an"]}
BODY = "„Es wird nicht einfach, aber ich habe ein gutes Gefühl.“ Das sagte er am Montag."


def test_tokens_are_runs_of_word_characters():
    assert word_tokens("„Gefühl.“ – soft\u00adhyphen, U.S.") == ["Gefühl", "softhyphen", "U", "S"]
    assert whitespace_tokens("„Gefühl.“ –") == ["„Gefühl.“", "–"]


def test_a_body_holding_the_snippet_with_its_punctuation_finds_every_shingle():
    tp, fn, fp = shingle_counts(BODY, GOLD)
    assert (tp, fn, fp) == (7, 0, 0)
    # split at whitespace, the shingles touching "einfach," and "Gefühl.“" are lost
    tp, fn, fp = shingle_counts(BODY, GOLD, whitespace_tokens)
    assert fn > 0


def test_boilerplate_kept_in_the_body_is_a_false_positive():
    tp, fn, fp = shingle_counts(BODY + " Melden Sie sich jetzt für unseren Newsletter an!", GOLD)
    assert (tp, fn, fp) == (7, 0, 5)
