"""`tutor mine --dry-run` reports what a real run would do; a run with nothing to add makes no
deck."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.functional.mine_support import (
    _knowledge_links_only,  # noqa: F401  (autouse fixture)
    dump,
    mine_ok,
    notes,
    run,
)

PAIRS = "我们支持城市更新。\tWe supported urban renewal.\n"


def _source(tmp_path: Path) -> Path:
    src = tmp_path / "renewal.tsv"
    src.write_text(PAIRS, encoding="utf-8")
    return src


def _deck_names(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [row[0] for row in con.execute("SELECT name FROM decks")]
    finally:
        con.close()


def test_dry_run_counts_what_the_real_run_would(tmp_path: Path, db_path: Path) -> None:
    src = _source(tmp_path)
    mine_ok(src, "--deck", "d")
    entries = len(notes(db_path, "d"))
    assert entries > 0
    hanzi = next(iter(notes(db_path, "d")))
    con = sqlite3.connect(db_path)
    con.execute("UPDATE notes SET pinyin = 'stale' WHERE hanzi = ?", [hanzi])
    con.commit()
    con.close()
    before = dump(db_path)
    result = mine_ok(src, "--deck", "d", "--dry-run")
    assert f"would add 0, would update 1, {entries - 1} unchanged" in result.output
    assert dump(db_path) == before
    real = mine_ok(src, "--deck", "d")
    assert f"added 0, updated 1, {entries - 1} unchanged" in real.output


def test_dry_run_on_a_new_database_counts_every_entry(tmp_path: Path, db_path: Path) -> None:
    src = _source(tmp_path)
    result = mine_ok(src, "--deck", "d", "--dry-run")
    assert not db_path.exists()
    real = mine_ok(src, "--deck", "d")
    entries = len(notes(db_path, "d"))
    assert entries > 0
    assert f"would add {entries}, would update 0, 0 unchanged" in result.output
    assert f"added {entries}, updated 0, 0 unchanged" in real.output


def test_nothing_to_add_makes_no_deck(tmp_path: Path, db_path: Path) -> None:
    src = _source(tmp_path)
    mine_ok(src, "--deck", "d")
    before = dump(db_path)
    result = mine_ok(src, "--deck", "again")
    assert "nothing to add, no deck created" in result.output
    assert dump(db_path) == before
    assert run("export", "--anki", str(tmp_path / "out.apkg")).exit_code == 0


def test_one_pair_is_singular(tmp_path: Path, db_path: Path) -> None:
    result = mine_ok(_source(tmp_path), "--deck", "d")
    assert "d: 1 sentence pair, " in result.output


def test_jsonl_is_written_with_the_umask_like_apkg(tmp_path: Path, db_path: Path) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        out = tmp_path / "out.jsonl"
        mine_ok(_source(tmp_path), "--deck", "d", "--jsonl", str(out))
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        os.umask(0o077)
        fresh = tmp_path / "fresh.jsonl"
        mine_ok(_source(tmp_path), "--deck", "d", "--jsonl", str(fresh), "--dry-run")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
        os.chmod(out, 0o640)  # writing over a file keeps the mode it had
        mine_ok(_source(tmp_path), "--deck", "d", "--jsonl", str(out), "--dry-run")
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
    finally:
        os.umask(old)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
