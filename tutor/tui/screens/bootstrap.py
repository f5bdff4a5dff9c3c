"""First run: mine the bundled deck in a worker thread while a progress bar fills.

Mining takes seconds (segmentation, alignment), and on a machine that has never run ``tutor``
the caches are built first (CC-CEDICT, its English index, the segmenter's dictionary); doing
either before the UI appears would look like a hang, so the app opens at once and shows this
screen until the deck exists. The bar counts the cache steps, then the pairs mined.

A thread cannot be interrupted, and the app cannot leave while its worker runs (the terminal
would sit blank until it ends). So ``q`` during setup says at once that it stops after the
current step, and the next progress report ends the worker (``SetupStopped``); the app then
exits. A step interrupted so leaves nothing half-written: every cache file is written whole or
not at all, and the deck in one transaction at the end, so the next launch picks up the caches
already built and mines the deck again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from tutor.failure import user_error

__all__ = [
    "STOPPING",
    "BootstrapScreen",
    "Bootstrapper",
    "SetupProgress",
    "SetupStopped",
    "stage_text",
]

STOPPING = (
    "Stopping after the current step… The next launch picks setup up again "
    "(the caches built so far are kept)."
)


class SetupStopped(Exception):
    """Raised inside the bootstrapper, at its next progress report, once the learner quit."""


class SetupProgress:
    """What the bootstrapper tells the screen: called as ``progress(done, total)`` for the
    pairs mined, and ``progress.stage(done, total, label)`` for each cache step before them.
    Either raises ``SetupStopped`` once ``stop`` is set."""

    def __init__(
        self,
        post: Callable[[int, int | None, str | None], None],
        stop: threading.Event | None = None,
    ) -> None:
        self._post = post
        self._stop = stop or threading.Event()

    def __call__(self, done: int, total: int | None) -> None:
        self._report(done, total, None)

    def stage(self, done: int, total: int, label: str) -> None:
        self._report(done, total, label)

    def _report(self, done: int, total: int | None, label: str | None) -> None:
        if self._stop.is_set():
            raise SetupStopped
        self._post(done, total, label)


Bootstrapper = Callable[[SetupProgress], str]


def stage_text(done: int, total: int | None, label: str | None = None) -> str:
    """What the first run is doing: the cache step named by ``label`` (``done`` of ``total``
    steps finished; "" once they all are), else ``done`` of ``total`` pairs mined."""
    if label:
        return (
            f"Preparing {label} ({done + 1} of {total}): "
            "built once into the cache, then read from it…"
        )
    if label is not None or not done:
        return "Mining the sentence pairs…"
    if total is None or done < total:
        return f"Mining sentence pairs: {done:,} of {total:,}" if total else "Mining…"
    return "Saving the cards…"


class BootstrapScreen(Screen[str]):
    """Runs ``bootstrap`` in a thread; dismisses with the mined deck's name."""

    # parsed when the screen is first opened, not at launch (see app.tcss)
    CSS = """
    BootstrapScreen #bootstrap-title { width: auto; text-align: center; margin-bottom: 1; }
    BootstrapScreen ProgressBar { width: auto; }
    """

    BINDINGS = [Binding("q", "app.quit", "Quit")]  # TutorApp.action_quit asks ``stop`` first

    class Progress(Message):
        def __init__(self, done: int, total: int | None, label: str | None = None) -> None:
            super().__init__()
            self.done = done
            self.total = total
            self.label = label

    def __init__(self, bootstrap: Bootstrapper, db_path: str) -> None:
        super().__init__()
        self._bootstrap = bootstrap
        self._db_path = db_path
        self._stopping = threading.Event()

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(
                f"Setting up your first deck in {self._db_path}\n"
                "Mining the bundled Beijing 2024 government work report…",
                id="bootstrap-title",
            )
            yield ProgressBar(id="bootstrap-progress", show_eta=False)
            yield Static(stage_text(0, None, ""), id="bootstrap-stage")

    def on_mount(self) -> None:
        self.run_worker(self._work, thread=True, exit_on_error=False, name="bootstrap")

    def stop(self) -> bool:
        """Ask setup to stop after its current step and say so; False once it has ended (the
        app may quit at once)."""
        if not any(w.is_running for w in self.workers):
            return False
        self._stopping.set()
        self.query_one("#bootstrap-stage", Static).update(STOPPING)
        return True

    def _work(self) -> None:
        def post(done: int, total: int | None, label: str | None) -> None:
            self.post_message(self.Progress(done, total, label))

        try:
            deck = self._bootstrap(SetupProgress(post, self._stopping))
        except SetupStopped:
            self.app.call_from_thread(self.app.exit)
            return
        except Exception as err:  # noqa: BLE001 - shown to the user, then the app exits
            self.app.call_from_thread(self._failed, err)
            return
        if self._stopping.is_set():  # quit during the last step: the next launch opens the deck
            self.app.call_from_thread(self.app.exit)
        else:
            self.app.call_from_thread(self.dismiss, deck)

    def on_bootstrap_screen_progress(self, message: Progress) -> None:
        if self._stopping.is_set():
            return  # reported before the learner quit: "Stopping…" stays on screen
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        stage = stage_text(message.done, message.total, message.label)
        self.query_one("#bootstrap-stage", Static).update(stage)

    def _failed(self, err: Exception) -> None:
        """Leave the UI and let ``TutorApp.run`` re-raise, so the CLI's one exit path reports it
        (as one line: a database error names the file and what happened to it)."""
        self.app.failure = user_error(err, Path(self._db_path))  # type: ignore[attr-defined]
        self.app.exit(return_code=2)
