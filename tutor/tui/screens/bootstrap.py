"""First run: mine the bundled deck in a worker thread while a progress bar fills.

Mining takes seconds (segmentation, alignment); doing it before the UI appears would look like
a hang, so the app opens at once and shows this screen until the deck exists.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from tutor.failure import user_error

__all__ = ["BootstrapScreen", "Bootstrapper", "stage_text"]

Bootstrapper = Callable[[Callable[[int, int | None], None]], str]


def stage_text(done: int, total: int | None) -> str:
    """What the first run is doing: most of it, before any pair is mined, is loading the
    dictionary and segmenter (built into a cache the first time, read from it afterwards)."""
    if not done:
        return "Loading CC-CEDICT and the segmenter (the first run builds a cache)…"
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

    BINDINGS = [Binding("q", "app.quit", "Quit")]

    class Progress(Message):
        def __init__(self, done: int, total: int | None) -> None:
            super().__init__()
            self.done = done
            self.total = total

    def __init__(self, bootstrap: Bootstrapper, db_path: str) -> None:
        super().__init__()
        self._bootstrap = bootstrap
        self._db_path = db_path

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(
                f"Setting up your first deck in {self._db_path}\n"
                "Mining the bundled Beijing 2024 government work report…",
                id="bootstrap-title",
            )
            yield ProgressBar(id="bootstrap-progress", show_eta=False)
            yield Static(stage_text(0, None), id="bootstrap-stage")

    def on_mount(self) -> None:
        self.run_worker(self._work, thread=True, exit_on_error=False, name="bootstrap")

    def _work(self) -> None:
        def progress(done: int, total: int | None) -> None:
            self.post_message(self.Progress(done, total))

        try:
            deck = self._bootstrap(progress)
        except Exception as err:  # noqa: BLE001 - shown to the user, then the app exits
            self.app.call_from_thread(self._failed, err)
            return
        self.app.call_from_thread(self.dismiss, deck)

    def on_bootstrap_screen_progress(self, message: Progress) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        self.query_one("#bootstrap-stage", Static).update(stage_text(message.done, message.total))

    def _failed(self, err: Exception) -> None:
        """Leave the UI and let ``TutorApp.run`` re-raise, so the CLI's one exit path reports it
        (as one line: a database error names the file and what happened to it)."""
        self.app.failure = user_error(err, Path(self._db_path))  # type: ignore[attr-defined]
        self.app.exit(return_code=2)
