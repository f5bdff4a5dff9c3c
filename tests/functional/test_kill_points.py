"""``kill -9`` at every write: the first-run bootstrap, ``tutor mine`` and a grade leave
progress.db as it was or fully written, never half.

Each try forks this (warm) process. The child counts the SQL statements that write (every row of
a bulk insert is one) and sends itself SIGKILL just before the n-th one runs; the parent reopens
the database, lets it recover, and compares it with a run that was not killed. Tries go on until
the child finishes unkilled: every write point of the first ``FULL`` and of the tail is tried,
every ``STRIDE``-th between (``KILL_STRIDE=1`` tries them all). Mining is pure and is done once per
test, before the forks; what each try runs is the real code from the first write to the last.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import tutor.firstrun as firstrun
import tutor.store.sql as sql
from tests.functional.db_support import Snapshot, mined_once, snapshot  # noqa: F401
from tests.functional.mine_support import _knowledge_links_only, run  # noqa: F401
from tests.functional.tui_support import NOW, fill, open_store
from tutor.srs import Rating

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")

WRITE = re.compile(
    r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|BEGIN|COMMIT|SAVEPOINT|RELEASE"
    r"|PRAGMA\s+\w+\s*=)",
    re.IGNORECASE,
)


def _killed_at(n: int, action: Callable[[], object], monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run ``action`` in a forked child killed before its n-th write; True when it was."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            writes = 0
            connect = sqlite3.connect

            def counting(*args: Any, **kwargs: Any) -> sqlite3.Connection:
                conn = connect(*args, **kwargs)

                def trace(statement: str) -> None:
                    nonlocal writes
                    if WRITE.match(statement):
                        writes += 1
                        if writes == n:
                            os.kill(os.getpid(), signal.SIGKILL)

                conn.set_trace_callback(trace)
                return conn

            monkeypatch.setattr(sql.sqlite3, "connect", counting)
            action()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


# Every write point up to FULL and after the last one sampled; every STRIDE-th in between,
# where a long first run inserts row after row of one transaction (KILL_STRIDE=1: all of them)
FULL = 80
STRIDE = int(os.environ.get("KILL_STRIDE", "3"))


def _tries(
    path: Path,
    action: Callable[[], object],
    monkeypatch: pytest.MonkeyPatch,
    points: list[int] | None = None,
) -> Iterator[Snapshot]:
    """The database after a kill at each write point tried (``path`` restored between); the
    points tried are added to ``points``. Once a try runs to the end unkilled, every point
    after the last one tried is tried too, so the commit and what follows are never skipped."""
    pristine = path.read_bytes() if path.exists() else None
    tried = points if points is not None else []

    def attempt(n: int) -> Snapshot | None:
        if not _killed_at(n, action, monkeypatch):
            return None
        tried.append(n)
        got = snapshot(path)
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        if pristine is not None:
            path.write_bytes(pristine)
        return got

    n = 1
    while (got := attempt(n)) is not None:
        yield got
        n += 1 if n < FULL else STRIDE
    for k in range(tried[-1] + 1 if tried else 1, n):  # the tail, one by one
        if (got := attempt(k)) is not None:
            yield got


def _empty(snapshot: Snapshot) -> bool:
    return all(not rows for table, rows in snapshot if table != "settings")


@pytest.mark.usefixtures("mined_once")
def test_a_kill_at_any_write_of_the_first_run_leaves_no_deck_or_the_whole_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "first.db"

    def first_run() -> None:
        with open_store(db) as store:
            firstrun.bootstrap_bundled(store)

    first_run()
    whole = snapshot(db)
    for leftover in tmp_path.glob("first.db*"):
        leftover.unlink()
    points: list[int] = []
    outcomes = [s == whole or _empty(s) for s in _tries(db, first_run, monkeypatch, points)]
    print(f"bootstrap: {len(outcomes)} of {max(points)} kill points, {sum(outcomes)} held")
    assert max(points) > 600 and all(outcomes)  # migrations, 170 notes, 340 cards, queue
    assert len(outcomes) >= FULL + (max(points) - FULL) // STRIDE


@pytest.mark.usefixtures("mined_once")
def test_a_kill_at_any_write_of_mine_leaves_the_database_as_it_was_or_mined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "p.db"
    source = tmp_path / "t.tsv"
    source.write_text(
        "我们支持城市更新，推进协同发展。\tWe supported urban renewal and coordinated growth.\n"
        "政府工作报告已经完成。\tThe government work report is complete.\n",
        encoding="utf-8",
    )
    with open_store(db) as store:  # a deck with progress that must survive untouched
        deck = fill(store)
        card = store.next_card(deck, NOW)
        assert card is not None
        store.record_review(card.card_id, Rating.Good, NOW, 1000)
    before = snapshot(db)

    def mine() -> None:
        assert run("--db", str(db), "mine", str(source), "--deck", "new").exit_code == 0

    pristine = db.read_bytes()
    mine()
    after = snapshot(db)
    assert after != before
    db.write_bytes(pristine)
    for leftover in tmp_path.glob("p.db-*"):
        leftover.unlink()
    outcomes = [s in (before, after) for s in _tries(db, mine, monkeypatch)]
    print(f"mine: {len(outcomes)} kill points, {sum(outcomes)} held")
    assert len(outcomes) > 10 and all(outcomes)


def test_a_kill_at_any_write_of_a_grade_or_its_undo_keeps_card_and_review_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "g.db"
    with open_store(db) as store:
        deck = fill(store)
        card = store.next_card(deck, NOW)
        assert card is not None
        review = store.record_review(card.card_id, Rating.Good, NOW, 1000).review_id
    graded = snapshot(db)

    def grade_then_undo() -> None:
        with open_store(db) as store:
            store.record_review(card.card_id, Rating.Again, NOW, 1000)
            store.undo_review(review + 1)
            store.undo_review(review)

    outcomes = []
    for after in _tries(db, grade_then_undo, monkeypatch):
        reviews = dict(after)["reviews"]
        outcomes.append(after == graded or len(reviews) == 2)  # check() ties card to rows
    print(f"grade and undo: {len(outcomes)} kill points, {sum(outcomes)} held")
    assert len(outcomes) >= 6 and all(outcomes)
