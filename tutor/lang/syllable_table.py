"""The toneless syllables of pypinyin's character table, kept in the cache dir.

Importing that table costs most of a second (and pypinyin's phrase table with it, some 50 MB),
so the ~900 syllables derived from it are kept in the cache dir, keyed by a hash of the
table's files: every install of the same table shares one file (a key by file time made two
virtualenvs rebuild it in turn, each loading pypinyin), and the first quiz of a study session
must not wait for it. Where pypinyin keeps the table as JSON (``pinyin_dict`` loads that
file), a rebuild reads the JSON itself and imports nothing of pypinyin.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

__all__ = ["build", "table_syllables"]

Bare = Callable[[str], str]  # a tone-marked reading -> its toneless syllable


def table_syllables(bare: Bare) -> frozenset[str]:
    """Every toneless syllable (with ü) of the table, erhua forms included."""
    from importlib.util import find_spec

    from tutor.lang.cache import cached_pickle

    spec = find_spec("pypinyin")  # locates the package without importing it
    places = list(spec.submodule_search_locations or []) if spec else []
    if not places:
        return build(None, bare)
    table = [os.path.join(places[0], f"pinyin_dict.{ext}") for ext in ("py", "json")]
    try:
        key = _files_hash(table)
    except OSError:
        return build(None, bare)
    json_path = table[1] if os.path.isfile(table[1]) else None
    return cached_pickle(
        f"pinyin-syllables-v2-{key}.pickle",
        lambda: build(json_path, bare),
        stale="pinyin-syllables-*",
    )


def _files_hash(paths: list[str]) -> str:
    """A short hash of the bytes of ``paths`` that exist (the first one must)."""
    import hashlib

    digest = hashlib.blake2b(digest_size=8)
    for n, path in enumerate(paths):
        if n and not os.path.isfile(path):
            continue
        with open(path, "rb") as fh:
            digest.update(fh.read())
    return digest.hexdigest()


def build(json_path: str | None, bare: Bare) -> frozenset[str]:
    """The syllables of the table: from its JSON file if given, else from pypinyin's module."""
    readings: Iterable[str]
    if json_path is not None:
        import json

        with open(json_path, encoding="utf-8") as fh:
            readings = json.load(fh).values()
    else:
        from pypinyin.pinyin_dict import pinyin_dict

        readings = pinyin_dict.values()
    found = {bare(r) for reading in readings for r in reading.split(",")}
    # erhua forms and the syllables pypinyin spells differently
    found |= {s + "r" for s in list(found) if not s.endswith("r")}
    found |= {"r", "m", "n", "ng", "hm", "hng"}
    return frozenset(found)
