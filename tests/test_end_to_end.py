"""The whole product over the bundled examples and (when present) the real seed pages."""

import json
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, check_record
from presslens.cli import main

EXPECTED = json.loads((ROOT / "tests/data/examples_expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def example_records(tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "examples.jsonl"
    assert main(["analyze", str(ROOT / "examples"), "-o", str(out), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {Path(r["source"]).name: r for r in records}


def test_every_example_is_processed_into_a_valid_record(example_records, schema):
    assert set(example_records) == set(EXPECTED)
    for record in example_records.values():
        check_record(record, schema)
        assert record["body"], record["source"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_language_byline_and_date(example_records, name):
    record, expected = example_records[name], EXPECTED[name]
    assert record["language"] == expected["lang"]
    assert record["author"] == expected["author"]
    assert record["published"] == expected["date"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_comment_threads(example_records, name):
    record, expected = example_records[name], EXPECTED[name]
    comments = record["comments"]
    if not expected["comments"]:
        assert comments == []
        return
    assert comments, "the thread was not found"
    depth = max(c["depth"] for c in comments)
    assert depth == expected["max_depth"]
    for comment in comments:
        if comment["parent"] is not None:
            parent = next(c for c in comments if c["id"] == comment["parent"])
            assert parent["depth"] == comment["depth"] - 1
            assert parent["start"] < comment["start"]


def test_text_summary_of_the_examples(capsys):
    assert main(["analyze", str(ROOT / "examples"), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.count("== ") == len(EXPECTED)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_seed_pages_run_without_errors_and_yield_their_threads(tmp_path, schema):
    out = tmp_path / "seeds.json"
    assert main(["analyze", str(SEEDS), "-o", str(out)]) == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) == len(list(SEEDS.glob("*.txt")))
    for record in records:
        check_record(record, schema)
        assert record["language"] in ("en", "fr")
        assert record["body"]
    threads = [r["comments"] for r in records if len(r["comments"]) >= 10]
    assert threads, "no page yielded its comment thread"
    for comments in threads:
        assert max(c["depth"] for c in comments) >= 2
        assert sum(c["parent"] is not None for c in comments) >= len(comments) // 3
        assert len({c["author"] for c in comments if c["author"]}) >= 5
