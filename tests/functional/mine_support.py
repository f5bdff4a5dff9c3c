"""Shared by the `tutor mine` and `tutor review` CLI tests: running the CLI, reading the deck.

Mining here links words from knowledge only (no statistical aligner): these tests are about what
happens to mined pairs (deck, review, filters), not alignment quality, and stay fast.
"""

from __future__ import annotations

import importlib
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tutor.cli import cli
from tutor.model import Entry
from tutor.store import Store


@pytest.fixture(autouse=True)
def _knowledge_links_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # the submodule, not the ``mine`` function that tutor.mining re-exports under that name
    module = importlib.import_module("tutor.mining.mine")
    monkeypatch.setattr(module, "default_aligner", lambda: None)


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def mine_ok(source: Path, *args: str) -> Result:
    result = run("mine", str(source), *args)
    assert result.exit_code == 0, result.output
    return result


def notes(db: Path, deck: str) -> dict[str, Entry]:
    with Store.open(db) as store:
        return {e.hanzi: e for e in store.entries(store.deck_id(deck))}


def pending(db: Path, deck: str) -> list[Entry]:
    with Store.open(db) as store:
        return store.pending_low(store.deck_id(deck))


def jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def dump(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return list(con.iterdump())
    finally:
        con.close()
