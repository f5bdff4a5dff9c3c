"""Study-session speed on a big progress.db: launch to first card, and grade to next card.

Launch: ``tutor --db BIG study --deck big`` and a minimal Textual app (one Static) each run as
fresh processes in a 100x30 pseudo-terminal, alternately, several times. The clock stops when
the terminal output contains the first card's front as the study screen draws it (the spaced
hanzi, or the English of a recall card), or the minimal app's text. Bar: median tutor launch
<= 1.5 x median minimal-app launch.

Grade: the real app driven by Pilot on a copy of the database; each round reveals the card
(``escape``, untimed), then times a grade key until a frame containing the next card's front
has been composed (the hook is ``App._display``, which every frame goes through, headless or
not). Bar: median over 200 grades <= 50 ms.

With ``--autoplay`` the deck's ``autoplay`` setting is on, so every reveal makes (eSpeak NG)
and plays the word in a worker while the next grade is timed; ``--runs 0`` skips the launches.

    python bench/make_big_db.py        # once: /tmp/tutor-bench/progress.db (~1 minute)
    python bench/tui_speed.py [--runs 7] [--grades 200] [--db PATH] [--autoplay] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import codecs
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, add_json_flag, figures_out  # noqa: E402
from make_big_db import DECK, ensure_big_db, sized_path  # noqa: E402

COLUMNS, ROWS = 100, 30
MINIMAL_TEXT = "minimal app painted"
MINIMAL_APP = f"""
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static({MINIMAL_TEXT!r})

Minimal().run()
"""
TUTOR_APP = "import sys; from tutor.cli import main; sys.argv[0] = 'tutor'; main()"


def front_text(card: Any, prompt: Any) -> str:
    """What the study screen shows big for ``card``: spaced hanzi, or English for recall."""
    from tutor.tui.widgets.card import spaced

    kind = prompt.kind if prompt is not None else card.template
    if kind == "recall":
        return str(card.english)[:24]  # short enough never to wrap
    if kind == "cloze" and prompt is not None and prompt.translation:
        return str(prompt.translation)[:24]
    return spaced(card.hanzi)


def first_front(db: Path) -> str:
    """The front of the card ``tutor study`` will open on now (computed the app's way)."""
    from datetime import UTC, datetime

    from tutor.store import Store
    from tutor.tui.prompts import PromptMaker

    with Store.open(db) as store:
        deck_id = store.deck_id(DECK)
        card = store.next_card(deck_id, datetime.now(UTC))
        if card is None:
            raise SystemExit(f"{db}: nothing due in deck {DECK!r}; rebuild it with --force")
        return front_text(card, PromptMaker(store, deck_id).prompt(card))


def time_to_text(argv: list[str], marker: str, timeout: float = 30.0) -> float:
    """Seconds from spawning ``argv`` in a fresh pseudo-terminal until ``marker`` is drawn."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    for name in list(env):
        if name.startswith("TEXTUAL"):
            del env[name]
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    seen = ""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    try:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise SystemExit(f"no {marker!r} after {timeout} s; output ends: {seen[-400:]!r}")
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child exited
                raise SystemExit(f"{argv[-1][:40]!r} exited; output: {seen[-400:]!r}") from None
            seen = (seen + decoder.decode(chunk))[-20000:]
            if marker in seen:
                return time.perf_counter() - start
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        os.close(master)


def byte_compile_tutor() -> None:
    """Byte-compile the ``tutor`` package, as pip does when it installs a wheel.

    Textual and every other installed dependency already have their ``.pyc`` files; an editable
    checkout run with PYTHONDONTWRITEBYTECODE set (as some CI images do) would otherwise
    recompile tutor's ~50 modules from source on every launch, which no installed copy does.
    """
    import compileall

    import tutor

    package = Path(tutor.__file__).parent
    if not compileall.compile_dir(str(package), quiet=1, force=False):
        raise SystemExit(f"could not byte-compile {package}")


def launch_times(db: Path, runs: int) -> tuple[list[float], list[float], str]:
    """Alternating launches (after one untimed warm-up of each) of the minimal app and tutor."""
    byte_compile_tutor()
    marker = first_front(db)
    minimal_argv = [sys.executable, "-c", MINIMAL_APP]
    tutor_argv = [sys.executable, "-c", TUTOR_APP, "--db", str(db), "study", "--deck", DECK]
    time_to_text(minimal_argv, MINIMAL_TEXT)
    time_to_text(tutor_argv, marker)
    minimal, tutor = [], []
    for _ in range(runs):
        minimal.append(time_to_text(minimal_argv, MINIMAL_TEXT))
        tutor.append(time_to_text(tutor_argv, marker))
    return minimal, tutor, marker


async def _grade_loop(db: Path, grades: int) -> list[tuple[str, float]]:
    from tutor.store import Store
    from tutor.tui.app import make_app
    from tutor.tui.screens.study import StudyScreen

    frames: list[tuple[float, str]] = []
    with Store.open(db) as store:
        app = make_app(store, DECK)
        display = app._display

        def spy(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None and hasattr(renderable, "render_segments"):
                frames.append((time.perf_counter(), renderable.render_segments(app.console)))

        app._display = spy  # type: ignore[method-assign]
        latencies: list[tuple[str, float]] = []
        ratings = "3334313234"  # mostly Good, some Again (those come back as learning cards)
        async with app.run_test(size=(COLUMNS, ROWS)) as pilot:
            screen = app.screen
            assert isinstance(screen, StudyScreen), screen
            session = screen.session
            for _ in range(500):  # big decks load their entries just after the first card
                if session.prompts.warmed:
                    break
                await pilot.pause(0.01)
            for number in range(grades):
                if session.current is None:
                    raise SystemExit(f"the deck ran out of cards after {number} grades")
                for _ in range(2):  # reveal without answering: a typed quiz's first esc
                    await pilot.press("escape")  # leaves its answer box, the second reveals
                    await pilot.pause()
                    if screen.revealed:
                        break
                assert screen.revealed
                before = session.current.card_id
                phase = session.current.srs.phase
                frames.clear()
                pressed = time.perf_counter()
                await pilot.press(ratings[number % len(ratings)])
                painted = None
                for _ in range(500):
                    card = session.current
                    if card is not None and card.card_id != before:
                        want = front_text(card, session.prompt)
                        painted = next((t for t, text in frames if want in text), None)
                        if painted is not None:
                            break
                    await pilot.pause(0.005)
                if painted is None:
                    raise SystemExit(
                        f"the next card was never drawn: {len(frames)} frames, "
                        f"want {want!r}, last {frames[-1][1][-300:] if frames else ''!r}"
                    )
                latencies.append((phase, painted - pressed))
    return latencies


def grade_times(db: Path, grades: int, autoplay: bool = False) -> list[tuple[str, float]]:
    """Grade latencies on a throwaway copy of ``db`` (the big database stays as built)."""
    copy = db.with_name("grading.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(db, copy)
    if autoplay:
        from tutor.store import Store

        with Store.open(copy) as store:
            store.update_settings(store.deck_id(DECK), autoplay="on")
    try:
        return asyncio.run(_grade_loop(copy, grades))
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="one database (default: one per size)")
    parser.add_argument(
        "--sizes", default="10000,100000,500000", help="cards per database, comma-separated"
    )
    parser.add_argument("--reviews-per-card", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7, help="launches of each app")
    parser.add_argument("--grades", type=int, default=200)
    parser.add_argument("--autoplay", action="store_true", help="say each word on reveal")
    add_json_flag(parser)
    args = parser.parse_args()
    with figures_out(args.json) as figures:
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for cards in (int(size) for size in args.sizes.split(",")):
            reviews = cards * args.reviews_per_card
            db = ensure_big_db(args.db or sized_path(cards), cards, reviews)
            print(f"\ndatabase: {db} ({cards:,} cards, {reviews:,} reviews)")
            size = f"{cards:,} cards"
            if args.runs:
                figures.append(launches(db, args.runs, size))
            if args.grades:
                figures.append(grades(db, args.grades, args.autoplay, size))


def grades(db: Path, count: int, autoplay: bool, size: str = "") -> Figure:
    timed = grade_times(db, count, autoplay)
    latencies = [t for _, t in timed]
    med = statistics.median(latencies) * 1000
    p90 = statistics.quantiles(latencies, n=10)[-1] * 1000
    verdict = "ok" if med <= 50 else "MISSED"
    worst = max(latencies) * 1000
    label = f"{len(latencies)} grades" + (", autoplay on" if autoplay else "")
    print(f"grade to next card shown, {label}: median {med:.1f} ms, "
          f"p90 {p90:.1f} ms, max {worst:.1f} ms  (bar <= 50 ms: {verdict})")  # fmt: skip
    for phase in ("new", "learning", "relearning", "review"):
        some = [t * 1000 for p, t in timed if p == phase]
        if some:
            print(f"  graded {phase:<10} {len(some):4d}: median {statistics.median(some):.1f} ms, "
                  f"max {max(some):.1f} ms")  # fmt: skip
    name = "grade to next card shown, median" + (", autoplay on" if autoplay else "")
    return Figure(name, size, med, "ms", 50.0, bar_on="measured")


def launches(db: Path, runs: int, size: str = "") -> Figure:
    minimal, tutor, marker = launch_times(db, runs)
    m_min, m_tut = statistics.median(minimal), statistics.median(tutor)
    ratio = m_tut / m_min
    print(f"first card front: {marker!r}")
    print(f"minimal Textual app, launch to first paint:  median {m_min * 1000:7.0f} ms  "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in minimal)})")  # fmt: skip
    print(f"tutor study, launch to first card shown:     median {m_tut * 1000:7.0f} ms  "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in tutor)})")  # fmt: skip
    verdict = "ok" if ratio <= 1.5 else "MISSED"
    print(f"ratio tutor / minimal: {ratio:.2f}  (bar <= 1.50: {verdict})")
    name = "tutor study, launch to first card"
    return Figure(name, size, m_tut, "s", 1.5, m_min, "minimal Textual app")


if __name__ == "__main__":
    main()
