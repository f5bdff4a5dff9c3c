"""One study session in its own process, for the concurrency test: grades (and undoes some)
through the real UI under Pilot until told to stop, then writes what it did as JSON.

    python -m tests.functional.session_process DB OUT STOP SEED
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
from pathlib import Path

from tests.functional.tui_support import NOW, SIZE, open_store, track_reviews
from tutor.tui.app import make_app

MIN_GRADES = 30


def main(db: Path, out: Path, stop: Path, seed: int) -> None:
    rng = random.Random(seed)
    store = open_store(db)
    made, undone = track_reviews(store)
    app = make_app(store, "demo", clock=lambda: NOW)
    error = None
    ready = out.with_suffix(".ready")

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            while app.is_running and (len(made) < MIN_GRADES or not stop.exists()):
                await pilot.press("space", rng.choice("1234"))
                ready.touch()  # the test starts `tutor mine` once both sessions grade
                if rng.random() < 0.2:
                    await pilot.press("u")
                await pilot.pause()

    try:
        asyncio.run(scenario())
    except Exception as err:  # noqa: BLE001 - reported to the test, which fails on it
        error = f"{type(err).__name__}: {err}"
    failure = None if app.failure is None else str(app.failure)
    report = {"made": made, "undone": undone, "error": error, "failure": failure}
    out.write_text(json.dumps(report), encoding="utf-8")
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
