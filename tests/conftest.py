import json
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def schema():
    return json.loads(files("presslens").joinpath("schema.json").read_text(encoding="utf-8"))


def check_record(record, schema):
    """What every record must satisfy: the schema, and spans that slice its text."""
    import jsonschema

    jsonschema.validate(record, schema)
    text = record["text"]
    for span in record["segments"] + record["comments"]:
        assert 0 <= span["start"] <= span["end"] <= len(text)
    for comment in record["comments"]:
        if comment["text"]:
            first = comment["text"].splitlines()[0].strip()
            assert first in text[comment["start"]:comment["end"]]
    ids = {c["id"] for c in record["comments"]}
    for comment in record["comments"]:
        assert comment["parent"] is None or comment["parent"] in ids
