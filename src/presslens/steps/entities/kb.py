"""The knowledge base: entities with ids, and name keys that point to them.

Shipped in resources/kb/kb.json.gz (built by training/build_kb.py). Users add their own
entities or aliases with JSON-lines files, one entity per line, the format of
training/kb_curated.jsonl:

    {"name": "Jean Dupont", "label": "PER", "aliases": ["J. Dupont"], "id": "Q…"}
    {"extends": "Q2429253", "aliases": ["Daesh group"]}

given to `KnowledgeBase.load(extra=[path])` or listed in the environment variable
PRESSLENS_ALIASES (paths separated by the OS path separator). A user entry's aliases rank
before the shipped ones, so a user can re-point a name.
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable

from presslens.errors import PresslensError
from presslens.steps.entities.normalize import key_variants, name_key

ENV_ALIASES = "PRESSLENS_ALIASES"
LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass(slots=True, frozen=True)
class Entity:
    """A known entity; places carry lat, lon and country (ISO 3166 alpha-2)."""

    id: str
    name: str
    label: str
    kind: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0

    @property
    def is_place(self) -> bool:
        return self.label == "LOC"


class KnowledgeBase:
    """Entities by id and candidate ids by name key."""

    def __init__(self, entities: dict[str, Entity], aliases: dict[str, list[str]]) -> None:
        self.entities = entities
        self.aliases = aliases
        self._surnames: dict[str, list[Entity]] | None = None
        self._heads: dict[str, int] | None = None
        self._prefixes: frozenset[str] | None = None

    @classmethod
    def load(cls, extra: Iterable[str | Path] = (), *, environment: bool = True
             ) -> "KnowledgeBase":
        """The shipped KB plus user alias files (`extra`, then PRESSLENS_ALIASES)."""
        raw = json.loads(gzip.decompress(
            files("presslens").joinpath("resources/kb/kb.json.gz").read_bytes()))
        entities = {i: _entity(i, r) for i, r in raw["entities"].items()}
        kb = cls(entities, raw["aliases"])
        paths = list(extra)
        if environment and os.environ.get(ENV_ALIASES):
            paths += [p for p in os.environ[ENV_ALIASES].split(os.pathsep) if p]
        for path in paths:
            kb.add_file(Path(path))
        return kb

    def add_file(self, path: Path) -> None:
        """Add the entities and aliases of a user alias file (JSON lines)."""
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise PresslensError(f"cannot read alias file {path}: {exc}") from exc
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                self.add_entry(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise PresslensError(f"{path}:{number}: bad alias entry ({exc})") from exc

    def add_entry(self, entry: dict[str, Any]) -> str:
        """Add one entry (a new entity, or `extends` an id with aliases); returns its id."""
        if "extends" in entry:
            entity_id = entry["extends"]
            if entity_id not in self.entities:
                raise KeyError(f"unknown id {entity_id!r}")
            names = entry.get("aliases", [])
        else:
            label = entry["label"]
            if label not in LABELS:
                raise ValueError(f"label must be one of {LABELS}")
            entity_id = entry.get("id") or "user:" + name_key(entry["name"]).replace(" ", "-")
            self.entities[entity_id] = _entity(entity_id, entry)
            names = [entry["name"], *entry.get("aliases", [])]
        self._surnames = None
        self._heads = None
        self._prefixes = None
        for name in names:
            key = name_key(name)
            ids = [i for i in self.aliases.get(key, []) if i != entity_id]
            self.aliases[key] = [entity_id, *ids]
        return entity_id

    def candidates(self, name: str, *, strip_titles: bool = False) -> list[Entity]:
        """Entities a name may refer to, best first (the first key variant that finds any)."""
        for key in key_variants(name, strip_titles):
            ids = self.aliases.get(key)
            if ids:
                return [self.entities[i] for i in ids if i in self.entities]
        return []

    def has_key(self, key: str) -> bool:
        return key in self.aliases

    def heads(self) -> dict[str, int]:
        """First word of every name key -> the most words a key starting with it has (built
        on first use): the gazetteer tries no name at a word that starts none."""
        if self._heads is None:
            heads: dict[str, int] = {}
            for key in self.aliases:
                words = key.split()
                if words and len(words) > heads.get(words[0], 0):
                    heads[words[0]] = len(words)
            self._heads = heads
        return self._heads

    def prefixes(self) -> frozenset[str]:
        """Every run of leading words of a name key of two words or more ("deir", "deir
        zor"), built on first use: the gazetteer stops lengthening a name that starts none."""
        if self._prefixes is None:
            found: set[str] = set()
            for key in self.aliases:
                words = key.split()
                for length in range(1, len(words)):
                    found.add(" ".join(words[:length]))
            self._prefixes = frozenset(found)
        return self._prefixes

    def surname_index(self) -> dict[str, list[Entity]]:
        """Last word of a known person's names -> those people (built on first use)."""
        if self._surnames is None:
            index: dict[str, list[Entity]] = {}
            for key, ids in self.aliases.items():
                words = key.split()
                if len(words) < 2:
                    continue
                for entity_id in ids:
                    entity = self.entities.get(entity_id)
                    if entity is not None and entity.label == "PER":
                        people = index.setdefault(words[-1], [])
                        if entity not in people:
                            people.append(entity)
            self._surnames = index
        return self._surnames


def is_code_alias(surface: str, entity: Entity) -> bool:
    """Whether `surface` names a city only through a short all-capital alias that is not its
    name: GeoNames lists airport and station codes among a city's names ("SAC" Sacramento,
    "UAV" Navan), which in news are acronyms of something else."""
    letters = [ch for ch in surface if ch.isalpha()]
    return (entity.kind == "city" and 0 < len(letters) <= 4
            and all(ch.isupper() for ch in letters)
            and name_key(surface) != name_key(entity.name))


def _entity(entity_id: str, record: dict[str, Any]) -> Entity:
    return Entity(entity_id, record["name"], record["label"], record.get("kind"),
                  record.get("country"), record.get("lat"), record.get("lon"),
                  int(record.get("population") or 0))


_default: KnowledgeBase | None = None


def default_kb() -> KnowledgeBase:
    """The process-wide KB (shipped data plus PRESSLENS_ALIASES), loaded once."""
    global _default
    if _default is None:
        _default = KnowledgeBase.load()
    return _default
