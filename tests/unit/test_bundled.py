"""The bundled deck's mined entries are cached under a key of all their inputs, and only used
on a database without history."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor import bundled
from tutor.curate import Curated
from tutor.ingest import bootstrap_bundled
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


def _never(*args: object, **kwargs: object) -> Curated:
    raise AssertionError("not expected here")
