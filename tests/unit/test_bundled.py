"""The bundled deck's mined entries ship with tutor (and are what the miner makes now) or are
cached under a key of all their inputs, and are only used on a database without history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tutor import bundled
from tutor.curate import Curated
from tutor.firstrun import bootstrap_bundled, mine_bundled
from tutor.lang.cache import cache_dir
from tutor.paths import BUNDLED_DECK, bundled_decks_dir
from tutor.store import Store


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TUTOR_CACHE", str(tmp_path / "cache"))
    return cache_dir()


def test_the_key_follows_the_text(tmp_path: Path) -> None:
    text = tmp_path / "deck.txt"
    text.write_text("北京\n\nBeijing\n", encoding="utf-8")
    first = bundled.mined_key(text)
    assert bundled.mined_key(text) == first
    text.write_text("上海\n\nShanghai\n", encoding="utf-8")
    assert bundled.mined_key(text) != first


def test_mined_once_mines_once_and_again_after_damage(cache: Path, tmp_path: Path) -> None:
    text = tmp_path / "deck.txt"
    text.write_text("北京\n\nBeijing\n", encoding="utf-8")
    calls: list[int] = []

    def mine() -> Curated:
        calls.append(1)
        return Curated(entries=[], low=[], rejected=len(calls))

    assert bundled.mined_once(text, mine).rejected == 1
    assert bundled.mined_once(text, mine).rejected == 1 and len(calls) == 1
    (stored,) = cache.glob("bundled-*.pickle")
    stored.write_bytes(stored.read_bytes()[:7])
    assert bundled.mined_once(text, mine).rejected == 2


def _notes(path: Path) -> list[tuple[str, str]]:
    with Store.open(path) as store:
        rows = store.db.execute("SELECT hanzi, english FROM notes ORDER BY hanzi").fetchall()
    return [(str(h), str(e)) for h, e in rows]


def test_a_second_new_database_gets_the_same_deck_without_mining(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path / "one.db") as store:
        bootstrap_bundled(store)
    monkeypatch.setattr("tutor.ingest._curate", _never)
    with Store.open(tmp_path / "two.db") as store:
        assert bootstrap_bundled(store) == Path(BUNDLED_DECK).stem
    assert _notes(tmp_path / "two.db") == _notes(tmp_path / "one.db")
    assert len(_notes(tmp_path / "one.db")) > 100


def test_a_database_with_known_words_is_mined_for_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundled, "mined_once", _never)
    with Store.open(tmp_path / "known.db") as store:
        store.add_known(["政府"], "test")
        bootstrap_bundled(store)
    hanzi = {h for h, _ in _notes(tmp_path / "known.db")}
    assert hanzi and "政府" not in hanzi
    assert (bundled_decks_dir() / BUNDLED_DECK).is_file()


def _entries(curated: Curated) -> list[list[str]]:
    return [[repr(e) for e in curated.entries], [repr(e) for e in curated.low]]


def _shipped_here(source: Path) -> Curated:
    """The shipped entries, or a skip when the installed dictionaries or language packages
    are not the ones they were mined with (a first run then mines, as
    ``test_shipped_entries_for_other_inputs_are_not_used`` shows)."""
    found = bundled.shipped(source)
    if found is None:
        header = json.loads(bundled.SHIPPED.read_text(encoding="utf-8").splitlines()[0])
        if header.get("key") != bundled.shipped_key(source):
            pytest.skip("installed language data differs: run python bench/ship_bundled.py")
    assert found is not None, "shipped entries missing or damaged"
    return found


def test_the_shipped_entries_are_what_the_miner_makes_now() -> None:
    source = bundled_decks_dir() / BUNDLED_DECK
    found = _shipped_here(source)
    mined = mine_bundled()
    message = "mining changed: run python bench/ship_bundled.py"
    assert _entries(found) == _entries(mined), message
    assert (found.rejected, found.accepted, found.filtered) == (0, 0, 0)
    assert len(found.entries) > 100


def test_a_first_run_with_empty_caches_uses_the_shipped_entries(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not any(cache.iterdir())
    found = _shipped_here(bundled_decks_dir() / BUNDLED_DECK)
    monkeypatch.setattr("tutor.ingest._curate", _never)
    pairs: list[tuple[int, int | None]] = []
    with Store.open(tmp_path / "first.db") as store:
        bootstrap_bundled(store, progress=lambda d, t: pairs.append((d, t)), stages=_never)
    expected = sorted((e.hanzi, e.english) for e in found.entries)
    assert sorted(_notes(tmp_path / "first.db")) == expected
    assert pairs and pairs[-1][0] == pairs[-1][1]  # "Saving the cards…", no cache step shown
    assert not list(cache.glob("cedict-*")) and not list(cache.glob("bundled-*"))


def test_shipped_entries_for_other_inputs_are_not_used(tmp_path: Path) -> None:
    source = bundled_decks_dir() / BUNDLED_DECK
    curated = Curated(entries=[], low=[], rejected=3)
    target = tmp_path / "shipped.jsonl"
    bundled.write_shipped(source, curated, target)
    assert bundled.shipped(source, target) == curated
    other = tmp_path / BUNDLED_DECK
    other.write_text("上海\n\nShanghai\n", encoding="utf-8")
    assert bundled.shipped(other, target) is None  # another text under the same name
    lines = target.read_text(encoding="utf-8").splitlines()
    key = bundled.shipped_key(source)
    target.write_text("\n".join([lines[0].replace(key, "0" * len(key)), *lines[1:]]))
    assert bundled.shipped(source, target) is None  # other dictionaries or package versions
    target.write_text('{"key": ', encoding="utf-8")
    assert bundled.shipped(source, target) is None  # damaged: mined instead


def _never(*args: object, **kwargs: object) -> Curated:
    raise AssertionError("not expected here")
