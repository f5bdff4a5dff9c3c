"""A word -> answer table kept in the cache dir between runs, for slow-to-load pure functions.

wordfreq and simplemma answer one word at a time, but their first answer costs a load of a
few hundred milliseconds (wordfreq's frequency list and its own jieba model, simplemma's
English dictionary) that every ``tutor`` command would pay again. ``DiskMemo`` keeps every
answer given so far in a pickle named by the answering package's version, so a run that only
asks words met before never loads the package's data. New answers are written back when the
process exits, atomically (temporary file + rename); a corrupt or unreadable file only means
the words are asked again.
"""

from __future__ import annotations

import atexit
import os
import pickle
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Generic, TypeVar

from tutor.lang.cache import cache_dir, remove_stale

__all__ = ["DiskMemo", "package_version"]

V = TypeVar("V")


def package_version(name: str) -> str:
    """The installed version of a distribution ("0" when it cannot be told)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "0"


class DiskMemo(Generic[V]):
    """``compute(word)``, remembered in ``<cache>/memo-<name>-<version>.pickle`` across runs,
    where ``version`` is the installed version of the distribution ``package`` (looked up on
    the first call, so creating a memo at import time costs nothing)."""

    def __init__(self, name: str, package: str, compute: Callable[[str], V]) -> None:
        self._name = name
        self._package = package
        self._file = ""
        self._compute = compute
        self._table: dict[str, V] | None = None
        self._added = 0
        self._lock = threading.Lock()

    def __call__(self, word: str) -> V:
        table = self._table if self._table is not None else self._load()
        if word in table:
            return table[word]
        value = self._compute(word)
        table[word] = value
        if not self._added:
            atexit.register(self.save)
        self._added += 1
        return value

    def _load(self) -> dict[str, V]:
        with self._lock:
            if self._table is None:
                self._file = f"memo-{self._name}-{package_version(self._package)}.pickle"
                self._table = self._read()
        return self._table

    def _read(self) -> dict[str, V]:
        try:
            with (cache_dir() / self._file).open("rb") as fh:
                table = pickle.load(fh)
        except Exception:  # noqa: BLE001 - missing, truncated or foreign: start afresh
            return {}
        return table if isinstance(table, dict) else {}

    def save(self) -> None:
        """Write the table if it gained words (called at exit; harmless to call again)."""
        if not self._added or self._table is None:
            return
        path = cache_dir() / self._file
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as fh:
                pickle.dump(dict(self._table), fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
            remove_stale(f"memo-{self._name}-*.pickle", keep=self._file)
        except OSError:
            with suppress(OSError):  # the cache dir itself may be gone or not a directory
                tmp.unlink(missing_ok=True)
        self._added = 0
