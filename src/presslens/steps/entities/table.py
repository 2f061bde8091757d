"""`presslens entities PATH...`: the entities of many pages in one table.

One row per entity id: canonical name, label, id, mentions, documents, languages, most
mentioned first. Pages are read and analysed by the runner with the steps entities need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, TextIO

#: the steps run to fill the table (quotes and moderation are not needed)
STEPS = ("segment", "comments", "body", "language", "metadata", "entities")


@dataclass(slots=True)
class Row:
    name: str
    label: str
    entity_id: str
    mentions: int = 0
    documents: set[str] = field(default_factory=set)
    languages: set[str] = field(default_factory=set)


def aggregate(records: Iterable[dict[str, Any]]) -> list[Row]:
    """Rows from page records (each with `id`, `language` and `entities`), most mentioned first."""
    rows: dict[str, Row] = {}
    for record in records:
        for entity in record.get("entities") or []:
            row = rows.get(entity["entity_id"])
            if row is None:
                row = rows[entity["entity_id"]] = Row(entity["name"], entity["label"],
                                                      entity["entity_id"])
            row.mentions += 1
            row.documents.add(record.get("id") or record.get("source") or "?")
            if record.get("language"):
                row.languages.add(record["language"])
    return sorted(rows.values(), key=lambda r: (-r.mentions, -len(r.documents), r.name))


def write_table(rows: list[Row], out: TextIO) -> None:
    """A fixed-width table a person can read in a terminal."""
    header = ("name", "label", "id", "mentions", "documents", "languages")
    lines = [header] + [(r.name, r.label, r.entity_id, str(r.mentions), str(len(r.documents)),
                         ",".join(sorted(r.languages))) for r in rows]
    widths = [min(40, max(len(line[i]) for line in lines)) for i in range(len(header))]
    for line in lines:
        cells = [cell[:widths[i]].ljust(widths[i]) if i < 3 else cell.rjust(widths[i])
                 if i < 5 else cell for i, cell in enumerate(line)]
        out.write("  ".join(cells).rstrip() + "\n")


def run_table(paths: list[str], out: TextIO, err: TextIO, jobs: int = 1) -> int:
    """Analyse `paths` and print their entity table; exit status as `presslens analyze`."""
    from presslens.io.readers import iter_pages
    from presslens.runner import RunOptions, analyze_pages

    options = RunOptions(inputs=paths, jobs=jobs, steps=STEPS)
    records = []
    failed = 0
    for result in analyze_pages(iter_pages(paths, {}), options):
        if result.error is not None:
            failed += 1
            err.write(f"presslens: error: {result.source}: {result.error}\n")
        else:
            records.append(result.record)
    write_table(aggregate(records), out)
    return 1 if failed else 0
