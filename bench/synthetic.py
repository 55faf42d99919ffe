"""Synthetic programmes for the benchmarks: the real data with its tracks and roles replaced by generated ones, written
beside a copy of the data's sources (which the check reads quotes from)."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import yaml

from programme import DATA_PATH, load_programme
from programme.data.yamlsource import parse_yaml


def real_data() -> dict:
    return parse_yaml(DATA_PATH.read_text(encoding="utf-8"), str(DATA_PATH)).value


def english_only(raw: dict) -> dict:
    """The data with only the English edition published: nothing derived from another language, and every text in
    English alone."""
    others = set(raw["site"]["languages"][1:])
    site = {key: value for key, value in raw["site"].items() if key != "derive"}
    return _drop_languages({**raw, "site": {**site, "languages": raw["site"]["languages"][:1]}}, others)


def _drop_languages(value: object, languages: set[str]) -> object:
    if isinstance(value, dict):
        if value and set(value) & languages and all(isinstance(item, str) for item in value.values()):
            return {key: item for key, item in value.items() if key not in languages}
        return {key: _drop_languages(item, languages) for key, item in value.items()}
    if isinstance(value, list):
        return [_drop_languages(item, languages) for item in value]
    return value


def synthetic_programme(raw: dict, tracks: int, roles_per_track: int) -> dict:
    """The data with its tracks replaced by copies of the first, each with generated roles, and each role citing a
    source of its own (a copy of the first source under another id), so that there are as many sources as roles."""
    model_track = raw["tracks"][0]
    model_role = next(role for role in raw["roles"] if role["track"] == model_track["id"])
    model_source = raw["sources"][0]
    data = copy.deepcopy(raw)
    data["tracks"], data["roles"] = [], []
    for t in range(1, tracks + 1):
        track = copy.deepcopy(model_track)
        track["id"], track["name"] = f"track-{t:02d}", f"Track {t:02d} for Good"
        data["tracks"].append(track)
        for r in range(1, roles_per_track + 1):
            role = copy.deepcopy(model_role)
            role["id"], role["name"], role["track"] = f"track-{t:02d}-role-{r:04d}", f"Trainee {r:04d} of track {t:02d}", track["id"]
            source = {**copy.deepcopy(model_source), "id": f"source-{role['id']}", "title": f"Announcement of {role['name']}"}
            role["ref"] = {**role["ref"], "source": source["id"]}
            data["sources"].append(source)
            data["roles"].append(role)
    # Criteria, cohorts and related programmes may name the real tracks: point them at the first synthetic one.
    real_tracks = {track["id"] for track in raw["tracks"]}
    _retarget(data, real_tracks, data["tracks"][0]["id"])
    return data


def _retarget(value: object, old_ids: set[str], new_id: str) -> None:
    """Every list of track ids (a `tracks:` limit) names only the new track."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "tracks" and isinstance(item, list) and item and all(isinstance(entry, str) for entry in item):
                value[key] = [new_id] if set(item) <= old_ids else item
            else:
                _retarget(item, old_ids, new_id)
    elif isinstance(value, list):
        for item in value:
            _retarget(item, old_ids, new_id)


def write_data(folder: Path, data: dict, name: str) -> Path:
    """The data as a YAML file in `folder`, beside a copy of the real data's sources; checked to load."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "sources").exists():
        shutil.copytree(DATA_PATH.parent / "sources", folder / "sources")
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    load_programme(path)  # raises, with every problem located, if the generated data does not check
    return path
