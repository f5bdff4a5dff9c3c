"""SVG snapshots at 100x30: study (front, revealed, revealed in the light theme), home and help.

Only a handful, on purpose: behaviour is asserted by the Pilot tests; these catch layout and
colour regressions a behaviour test cannot see. The data and the clock are fixed, and the
database is opened by a relative name (the test runs in its own temporary directory), so the
path drawn on screen is the same on every machine. Update with ``--snapshot-update`` after
checking the new SVGs by eye.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.functional.tui_support import SIZE, fill, open_store, study_app
from tutor.tui.app import THEMES

STABLE_DB = Path("progress.db")  # relative: drawn the same wherever the test runs


def _study(deck: str | None = "demo") -> Any:
    store = open_store(STABLE_DB)
    fill(store)
    return study_app(store, deck)


def _two_decks() -> Any:
    store = open_store(STABLE_DB)
    fill(store)
    fill(store, "second")
    return study_app(store, None)


def test_study_front(snap_compare: Any) -> None:
    assert snap_compare(_study(), terminal_size=SIZE)


def test_study_revealed(snap_compare: Any) -> None:
    assert snap_compare(_study(), terminal_size=SIZE, press=["space"])


def test_study_revealed_light_theme(snap_compare: Any) -> None:
    app = _study()
    app.theme = THEMES["light"]  # `tutor --theme light`
    assert snap_compare(app, terminal_size=SIZE, press=["space"])


def test_home(snap_compare: Any) -> None:
    assert snap_compare(_two_decks(), terminal_size=SIZE)


def test_help(snap_compare: Any) -> None:
    assert snap_compare(_study(), terminal_size=SIZE, press=["question_mark"])
