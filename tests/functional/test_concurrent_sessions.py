"""Two study sessions and a ``tutor mine`` on one database, each in its own process, at once:
no error reaches a screen, no grade is lost, and undo in each session touches only its own
reviews."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import BUNDLED, REPO
from tests.functional.tui_support import open_store, study_app
from tests.store_support import add_words


def test_two_sessions_and_a_mine_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    with open_store(db) as store:
        deck = add_words(store, 80, name="demo")
        store.update_settings(deck, new_per_day=200)
        study_app(store)  # self-graded quizzes, so every grade is one key
    stop = tmp_path / "stop"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    sessions = [
        subprocess.Popen(  # noqa: S603 - this interpreter, this repository's module
            [
                sys.executable,
                "-m",
                "tests.functional.session_process",
                str(db),
                str(tmp_path / f"s{n}.json"),
                str(stop),
                str(n),
            ],
            cwd=REPO,
            env=env,
        )  # fmt: skip
        for n in (1, 2)
    ]
    for _ in range(600):
        if all((tmp_path / f"s{n}.ready").exists() for n in (1, 2)):
            break
        time.sleep(0.05)
    mines = [  # two decks: two long write transactions while both sessions grade
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "tutor", "--db", str(db), "mine", str(BUNDLED), "--deck", name],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            check=False,
            timeout=300,
        )  # fmt: skip
        for name in ("report", "again")
    ]
    stop.touch()
    for session in sessions:
        assert session.wait(timeout=300) == 0
    assert [mine.returncode for mine in mines] == [0, 0], [mine.stderr for mine in mines]
    reports = [json.loads((tmp_path / f"s{n}.json").read_text()) for n in (1, 2)]
    for report in reports:
        assert report["error"] is None and report["failure"] is None, report
        assert set(report["undone"]) <= set(report["made"])  # undo touched its own grades
        assert len(report["made"]) >= 30
    print("grades", *[f"{len(r['made'])} ({len(r['undone'])} undone)" for r in reports])
    with open_store(db) as store:
        standing = [r[0] for r in store.db.execute("SELECT id FROM reviews WHERE undone = 0")]
        made = {i for r in reports for i in r["made"]}
        undone = {i for r in reports for i in r["undone"]}
        assert sorted(standing) == sorted(made - undone)  # not one grade lost or doubled
        assert store.check().ok, store.check().problems
        assert {"again", "report"} <= set(store.deck_names())
