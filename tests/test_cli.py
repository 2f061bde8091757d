import json
import subprocess
import sys

from conftest import check_record
from presslens.cli import main

ARTICLE = """Floods close the valley road

By Mara Quill | March 3, 2024

Heavy rain closed the valley road on Tuesday, the county said, after the river rose two metres
overnight and water covered the bridge at the northern end of the town.

Engineers said the bridge would be inspected before it reopens. "We will not take risks with
people's lives," the county's chief engineer told reporters at the scene on Tuesday afternoon.

Residents of the lower streets were asked to move their cars to higher ground and to keep away
from the river banks until the water level falls again later in the week.
"""


def write(path, content):
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_schema_command_prints_the_json_schema(capsys, schema):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema


def test_analyze_writes_valid_records(tmp_path, schema):
    page = write(tmp_path / "page.txt", ARTICLE)
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(page), "-o", str(out), "--format", "jsonl"]) == 0
    [record] = [json.loads(line) for line in out.read_text().splitlines()]
    check_record(record, schema)
    assert record["text"] == ARTICLE
    assert record["language"] == "en"
    assert "inspected before it reopens" in record["body"]


def test_bad_input_is_reported_and_the_rest_processed(tmp_path, capsys, schema):
    write(tmp_path / "a_good.txt", ARTICLE)
    write(tmp_path / "b_binary.txt", bytes(range(256)) * 40)
    write(tmp_path / "c_empty.txt", b"")
    out = tmp_path / "out.json"
    assert main(["analyze", str(tmp_path), "-o", str(out)]) == 1
    records = json.loads(out.read_text())
    assert [r["source"].rsplit("/", 1)[-1] for r in records] == ["a_good.txt"]
    err_lines = [l for l in capsys.readouterr().err.splitlines() if "error:" in l]
    assert len(err_lines) == 2
    assert "b_binary.txt" in err_lines[0] and "binary" in err_lines[0]
    assert "c_empty.txt" in err_lines[1] and "empty" in err_lines[1]


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err
    assert main(["analyze"]) == 2
    assert main(["analyze", str(tmp_path), "--format", "xml"]) == 2
    assert main(["analyze", str(tmp_path), "--steps", "segment,nonsense"]) == 2


def test_jobs_give_the_same_records_in_input_order(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(4):
        write(pages / f"p{i}.txt", ARTICLE.replace("valley", f"valley {i}"))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["analyze", str(pages), "-o", str(one), "--format", "jsonl"]) == 0
    assert main(["analyze", str(pages), "-o", str(two), "--format", "jsonl",
                 "--jobs", "2"]) == 0
    assert one.read_text() == two.read_text()


def test_stdin_and_text_summary(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["analyze", "-", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "Floods close the valley road" in out and "<stdin>" in out


def test_installed_script_runs(tmp_path):
    page = write(tmp_path / "page.txt", ARTICLE)
    result = subprocess.run([sys.executable, "-m", "presslens.cli", "analyze", str(page),
                             "--format", "jsonl"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Floods close the valley road"


def test_progress_bar_only_when_asked_or_on_a_terminal(tmp_path, capsys):
    page = write(tmp_path / "page.txt", ARTICLE)
    assert main(["analyze", str(page), "--progress", "-o", str(tmp_path / "a.json")]) == 0
    assert "page" in capsys.readouterr().err
    assert main(["analyze", str(page), "-o", str(tmp_path / "b.json")]) == 0
    assert capsys.readouterr().err == ""  # stderr is not a terminal under pytest
