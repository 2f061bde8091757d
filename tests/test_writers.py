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


def test_summary_reports_what_later_steps_found():
    record = {"source": "a.txt", "title": "T", "body": "One.", "comments": [], "segments": [],
              "errors": [],
              "entities": [{"text": "Syrie", "name": "Syria", "label": "LOC"},
                           {"text": "Syria", "name": "Syria", "label": "LOC"},
                           {"text": "Le Drian", "name": "Jean-Yves Le Drian", "label": "PER"}],
              "quotes": [{"speaker": "Jean-Yves Le Drian"}, {"speaker": None}],
              "genre": {"label": "opinion", "score": 0.8}, "frames": [{"label": "Political"}],
              "techniques": [{"technique": "Doubt"}, {"technique": "Doubt"}],
              "comment_summary": {"comments": 4, "toxic_share": 0.25, "spam_rate": 0.0,
                                  "label_counts": {"toxicity": 1, "spam": 0}}}
    text = summarize(record)
    assert "3 mentions of 2 (LOC 2, PER 1): Syria, Jean-Yves Le Drian" in text
    assert "quotes    2: Jean-Yves Le Drian 1, unattributed 1" in text
    assert "opinion; frames Political" in text and "2 spans: Doubt 2" in text
    assert "toxic 25%, spam 0%; toxicity 1" in text


def test_summary_leaves_out_steps_that_did_not_run():
    record = {"source": "a.txt", "body": "", "comments": [], "segments": [], "errors": []}
    text = summarize(record)
    assert "entities" not in text and "quotes" not in text and "moderation" not in text
