from conftest import ROOT
from presslens.cli import main
from presslens.settings import SETTINGS


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in readme, setting.name


def test_a_setting_override_applies(tmp_path, capsys):
    page = tmp_path / "big.txt"
    page.write_text("A line of article text that is long enough.\n" * 100)
    assert main(["analyze", str(page), "--set", "max_input_bytes=1000"]) == 1
    err = capsys.readouterr().err
    assert "big.txt" in err and "max_input_bytes" in err


def test_a_page_over_the_time_limit_fails_alone(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Short page.\n")
    assert main(["analyze", str(tmp_path), "--set", "page_timeout_seconds=0.000001"]) == 1
    assert "page_timeout_seconds" in capsys.readouterr().err
