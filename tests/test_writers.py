import json

import pytest

from presslens.io.writers import AtomicOutput, summarize, write_records


def test_json_and_jsonl_outputs_parse(tmp_path):
    records = [{"id": "1", "source": "a"}, {"id": "2", "source": "b"}]
    write_records(records, str(tmp_path / "out.json"), "json")
    assert json.loads((tmp_path / "out.json").read_text()) == records
    write_records(records, str(tmp_path / "out.jsonl"), "jsonl")
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert [json.loads(l) for l in lines] == records
    write_records([], str(tmp_path / "empty.json"), "json")
    assert json.loads((tmp_path / "empty.json").read_text()) == []


def test_interrupted_write_leaves_no_file_behind(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("previous complete output\n")
    with pytest.raises(KeyboardInterrupt):
        with AtomicOutput(target) as out:
            out.write("half a rec")
            raise KeyboardInterrupt
    assert target.read_text() == "previous complete output\n"
    assert list(tmp_path.iterdir()) == [target]


def test_summary_mentions_title_and_comment_count():
    record = {"source": "a.txt", "title": "Floods in the valley", "body": "One.\n\nTwo.",
              "comments": [{"depth": 0, "author": "ann", "text": "hi"}], "segments": [],
              "errors": []}
    text = summarize(record)
    assert "Floods in the valley" in text and "2 paragraphs" in text and "1 by 1" in text
