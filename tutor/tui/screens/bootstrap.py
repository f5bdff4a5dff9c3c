"""First run: mine the bundled deck in a worker thread while a progress bar fills.

Mining takes seconds (segmentation, alignment), and on a machine that has never run ``tutor``
the caches are built first (CC-CEDICT, its English index, the segmenter's dictionary); doing
either before the UI appears would look like a hang, so the app opens at once and shows this
screen until the deck exists. The bar counts the cache steps, then the pairs mined.
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

__all__ = ["BootstrapScreen", "Bootstrapper", "SetupProgress", "stage_text"]


class SetupProgress:
    """What the bootstrapper tells the screen: called as ``progress(done, total)`` for the
    pairs mined, and ``progress.stage(done, total, label)`` for each cache step before them."""

    def __init__(self, post: Callable[[int, int | None, str | None], None]) -> None:
        self._post = post

    def __call__(self, done: int, total: int | None) -> None:
        self._post(done, total, None)

    def stage(self, done: int, total: int, label: str) -> None:
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

    BINDINGS = [Binding("q", "app.quit", "Quit")]

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

    def _work(self) -> None:
        def post(done: int, total: int | None, label: str | None) -> None:
            self.post_message(self.Progress(done, total, label))

        try:
            deck = self._bootstrap(SetupProgress(post))
        except Exception as err:  # noqa: BLE001 - shown to the user, then the app exits
            self.app.call_from_thread(self._failed, err)
            return
        self.app.call_from_thread(self.dismiss, deck)

    def on_bootstrap_screen_progress(self, message: Progress) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        stage = stage_text(message.done, message.total, message.label)
        self.query_one("#bootstrap-stage", Static).update(stage)

    def _failed(self, err: Exception) -> None:
        """Leave the UI and let ``TutorApp.run`` re-raise, so the CLI's one exit path reports it
        (as one line: a database error names the file and what happened to it)."""
        self.app.failure = user_error(err, Path(self._db_path))  # type: ignore[attr-defined]
        self.app.exit(return_code=2)
