"""The database a command works on: opening it without creating it, resolving deck names.

Read-only commands (export, decks, stats) must not create ``progress.db`` as a side effect of a
typo, so they open an existing database or fail with a one-line error.
"""

from __future__ import annotations

from pathlib import Path

from tutor.errors import DeckNotFound, StoreError
from tutor.store import Store

__all__ = ["open_existing", "resolve_deck"]


def open_existing(path: Path) -> Store:
    """Open a database that must already exist (a zero-byte file is none yet: reading it
    must not turn it into one)."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        raise StoreError(
            "no database here yet; run `tutor` or `tutor mine SOURCE` first", path=path
        )
    return Store.open(path)


def resolve_deck(store: Store, name: str | None) -> str:
    """The deck a command should use: the one named, or the only one there is."""
    names = [d.name for d in store.decks()]
    if name is not None:
        if name not in names:
            known = ", ".join(names) or "none"
            raise DeckNotFound(f"no deck named {name!r} (decks: {known})", path=store.path)
        return name
    if len(names) == 1:
        return names[0]
    if not names:
        raise DeckNotFound("the database has no decks yet", path=store.path)
    raise DeckNotFound(
        f"several decks; choose one with --deck ({', '.join(names)})", path=store.path
    )
