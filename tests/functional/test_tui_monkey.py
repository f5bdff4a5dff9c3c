"""A monkey at the keyboard: random keys on every screen, resizes between them, no crash.

Keys are weighted toward studying (reveal, grades, undo, the quiz keys) but reach every
screen (home, browse, stats, settings, the card, help) and typing. After the run, every grade
the screen showed has exactly one review row and ``tutor check`` finds nothing wrong.
"""

from __future__ import annotations

import asyncio
import os
import random
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from tests.functional.tui_support import (
    ENTRIES,
    NOW,
    fill,
    open_store,
    study_app,
    track_reviews,
)
from tests.store_support import words
from tutor.tui.app import make_app

KEYS = (
    ["space"] * 12 + ["1", "2", "3", "4"] * 5 + ["enter"] * 4 + ["u"] * 3 + ["escape"] * 4
    + list("abcd") + ["tab", "ctrl+t", "ctrl+z", "e", "h", "question_mark", "b", "s", "comma",
    "f", "k", "slash", "down", "up", "backspace", "ctrl+s"] + list("xie2tong fa1zhan3")
)  # fmt: skip
STEP = timedelta(seconds=30)
SIZES = [(40, 10), (80, 24), (100, 30), (120, 40), (200, 50)]
# per seed in the test run; MONKEY_PRESSES and MONKEY_SEEDS raise both for a long local run
PRESSES = int(os.environ.get("MONKEY_PRESSES", "300"))
SEEDS = [int(s) for s in os.environ.get("MONKEY_SEEDS", "1 2 3").split()]


@pytest.mark.parametrize("seed", SEEDS)
def test_random_keys_never_crash_and_every_grade_is_one_review(db_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    store = open_store(db_path)
    fill(store, "demo", ENTRIES + words(60))  # enough cards that grading goes on all run
    fill(store, "second")
    made, undone = track_reviews(store)
    study_app(store, kinds=("recognition", "recall", "pinyin", "choice", "cloze"))
    clock = [NOW]  # half a minute passes with each key: learning cards fall due again
    app = make_app(store, "demo", clock=lambda: clock[0])
    screens: Counter[str] = Counter()  # keys pressed on each screen

    async def scenario() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for n in range(PRESSES):
                if n % 50 == 0:
                    await pilot.resize_terminal(*rng.choice(SIZES))
                screens[type(app.screen).__name__] += 1
                clock[0] += STEP
                await pilot.press(rng.choice(KEYS))
            await pilot.pause()

    asyncio.run(scenario())
    assert app.failure is None
    assert "StudyScreen" in screens and len(screens) >= 4, screens
    print(
        f"seed {seed}: {PRESSES} keys, by screen {dict(screens.most_common())}, "
        f"{len(made)} grades, {len(undone)} undone"
    )
    standing = store.db.execute("SELECT id FROM reviews WHERE undone = 0 ORDER BY id")
    assert [r[0] for r in standing] == sorted(set(made) - set(undone))  # one row per grade
    assert store.check().ok, store.check().problems
    store.close()
