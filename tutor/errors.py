"""The one error type users see. The CLI prints ``str(err)`` on one line and exits 2.

Domain code raises a ``TutorError`` subclass with the file (and line, where there is one);
library exceptions are translated at the boundary where they happen, never swallowed.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DeckNotFound",
    "ExportError",
    "InputError",
    "StoreError",
    "TutorError",
]


class TutorError(Exception):
    """Base class: an error with a message fit to show a user in one line."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}".replace("\n", " ")


class InputError(TutorError):
    """A source file that cannot be read or has nothing to mine."""


class DeckNotFound(TutorError):
    """A deck name that is not in the database."""


class ExportError(TutorError):
    """An export path that cannot be written."""


class StoreError(TutorError):
    """The database cannot be opened or is not a tutor database."""
