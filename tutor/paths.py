"""Where tutor keeps its files.

The database defaults to ``progress.db`` in the current directory (the design card's layout);
``--db PATH`` or the ``TUTOR_DB`` environment variable override it. Bundled decks ship inside
the wheel as ``tutor/_bundled_decks`` and live in ``decks/`` in a source checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["BUNDLED_DECK", "bundled_decks_dir", "default_db_path"]

BUNDLED_DECK = "beijing-2024-report.txt"


def default_db_path() -> Path:
    env = os.environ.get("TUTOR_DB")
    return Path(env) if env else Path.cwd() / "progress.db"


def bundled_decks_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled_decks", here.parent / "decks"):
        if (candidate / BUNDLED_DECK).is_file():
            return candidate
    raise FileNotFoundError("bundled decks are missing from this installation")
