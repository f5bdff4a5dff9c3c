"""The Textual application and ``make_app``, the one factory the CLI and the tests both use.

The app decides where to start: the bootstrap screen when the database has no deck and a
bootstrapper was given, the study screen when one deck is chosen (or there is only one), the
home screen otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.screen import Screen

from tutor.failure import user_error
from tutor.store import Store
from tutor.tui.screens.study import StudyScreen
from tutor.tui.session import StudySession

# The other screens are imported when first opened: launch goes straight to the study screen,
# and every module imported before the first card is drawn delays it.
if TYPE_CHECKING:
    from tutor.tui.screens.bootstrap import Bootstrapper

__all__ = ["THEMES", "TutorApp", "make_app"]

#: The learner's choice of theme -> Textual's theme of that name.
THEMES = {"dark": "textual-dark", "light": "textual-light"}


def _utc_now() -> datetime:
    return datetime.now(UTC)


class TutorApp(App[None]):
    """``tutor``'s terminal UI over one open store."""

    CSS_PATH = "app.tcss"
    TITLE = "tutor"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        store: Store,
        deck: str | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        bootstrap: Bootstrapper | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.deck = deck
        self.clock: Callable[[], datetime] = clock or _utc_now
        self.bootstrap = bootstrap
        self.failure: BaseException | None = None
        self._studying_from_start = False
        self._quitting = False  # keys typed after q (q h, q ?) open nothing on the way out

    def get_default_screen(self) -> Screen[Any]:
        """The study screen itself when the deck to study is known at launch.

        Textual mounts the default screen as it starts; making the study screen that screen,
        instead of pushing it over an empty one, spares a second mount and restyle before
        the first card is drawn (about a quarter of the launch time).
        """
        deck = self._start_deck()
        if deck is None:
            return super().get_default_screen()
        self.deck = deck
        self._studying_from_start = True
        return StudyScreen(StudySession(self.store, deck, self.clock))

    def _start_deck(self) -> str | None:
        """The deck chosen on the command line, else the only deck there is."""
        if self.deck is not None:
            return self.deck
        names = self.store.deck_names()
        return names[0] if len(names) == 1 else None

    def on_mount(self) -> None:
        if self._studying_from_start:
            return
        if self.bootstrap is not None and not self.store.deck_names():
            from tutor.tui.screens.bootstrap import BootstrapScreen

            self.push_screen(BootstrapScreen(self.bootstrap, str(self.store.path)), self._mined)
            return
        self.open_start()

    def _mined(self, deck: str | None) -> None:
        self.deck = deck
        self.open_start()

    def open_start(self) -> None:
        """Show the study screen for the chosen (or only) deck, else the home screen.

        The deck list is built when first asked for (``h``, see ``action_home``), not under
        the study screen at launch, where it would only delay the first card.
        """
        deck = self._start_deck()
        if deck is None:
            from tutor.tui.screens.home import HomeScreen

            self.push_screen(HomeScreen())
        else:
            self.study(deck)

    def study(self, deck: str) -> None:
        """Open the study screen on ``deck``."""
        session = StudySession(self.store, deck, self.clock)
        self.push_screen(StudyScreen(session))

    def browse(self, deck: str | None = None) -> None:
        from tutor.tui.screens.browse import BrowseScreen

        self.push_screen(BrowseScreen(deck))

    def stats(self, deck: str | None = None) -> None:
        from tutor.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen(deck))

    def settings(self, deck: str) -> None:
        from tutor.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen(deck))

    def on_resize(self, event: events.Resize) -> None:
        """Cover everything with a notice while the terminal is too small to draw a card."""
        from tutor.tui.screens.small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        screen = self.screen
        if small and isinstance(screen, TooSmallScreen):
            screen.update_size(event.size.width, event.size.height)
        elif small:
            self.push_screen(TooSmallScreen())
        elif isinstance(screen, TooSmallScreen):
            self.pop_screen()

    async def action_quit(self) -> None:
        """Quit (``q``, ``ctrl+q``); during first-run setup, once its current step ends."""
        if self._stop_setup():
            return
        self._quitting = True
        await super().action_quit()

    def _stop_setup(self) -> bool:
        """Ask a running first-run setup to stop (it exits the app itself); False if none."""
        if self.bootstrap is None:
            return False
        from tutor.tui.screens.bootstrap import BootstrapScreen

        setups = [s for s in self.screen_stack if isinstance(s, BootstrapScreen)]
        return bool(setups) and setups[-1].stop()

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        """Open a screen, unless the app is on its way out after ``q``: a screen mounted
        while the others close finds none of its widgets."""
        if self._quitting:
            return None
        return super().push_screen(*args, **kwargs)

    def action_home(self) -> None:
        """Back to the deck list from wherever the learner is."""
        from tutor.tui.screens.home import HomeScreen

        if self._quitting:
            return
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if not isinstance(self.screen, HomeScreen):  # launched straight into a deck
            # pushed, not switched in: the screen at the bottom of the stack cannot be
            # replaced (Textual keeps no result callback for it)
            self.push_screen(HomeScreen())

    def action_help(self) -> None:
        from tutor.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _handle_exception(self, error: Exception) -> None:
        """Any error inside the UI ends it cleanly with one line for the CLI to print
        (``failure``), instead of Textual's traceback; Pilot still sees the error in tests."""
        self.failure = user_error(error, self.store.path)
        if getattr(self, "_exception", True) is None:  # what Pilot re-raises after a test
            self._exception = error
            self._exception_event.set()
        self.exit(return_code=2)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the UI; an error raised inside it (e.g. while mining) is re-raised here, after
        the terminal is restored, so the CLI reports it on one line like any other."""
        result = super().run(*args, **kwargs)
        if self.failure is not None:
            raise self.failure
        return result


def make_app(
    store: Store,
    deck: str | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    bootstrap: Bootstrapper | None = None,
    theme: str = "dark",
) -> TutorApp:
    """Build the app over an open ``tutor.store.Store``.

    ``clock`` returns the current UTC time (tests pass a fixed one); ``bootstrap``, used only
    when the database has no deck, mines a deck in a worker thread, reporting (done, total), and
    returns its name. ``theme`` is "dark" or "light" (for terminals with a light background).
    """
    app = TutorApp(store, deck, clock=clock, bootstrap=bootstrap)
    app.theme = THEMES[theme]
    return app
