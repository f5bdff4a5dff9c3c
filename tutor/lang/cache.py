"""Where ``tutor`` keeps derived files that are expensive to rebuild (dictionary, jieba model).

``TUTOR_CACHE`` overrides; otherwise ``$XDG_CACHE_HOME/tutor`` or ``~/.cache/tutor``. When
that cannot be created (read-only home), a per-user directory under the system temp dir is
used, so a missing cache only costs time, never fails a command.
"""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cached_pickle", "remove_stale"]

T = TypeVar("T")


@cache
def _resolve(env: str | None, xdg: str | None) -> Path:
    if env:
        candidates = [Path(env)]
    else:
        base = Path(xdg) if xdg else Path.home() / ".cache"
        candidates = [base / "tutor"]
    candidates.append(Path(tempfile.gettempdir()) / f"tutor-cache-{os.getuid()}")
    for path in candidates:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(path, os.W_OK):
            return path.resolve()  # jieba keys its model cache by absolute path
    return Path(tempfile.mkdtemp(prefix="tutor-cache-"))


def cache_dir() -> Path:
    """A writable directory for derived data, created on first use."""
    return _resolve(os.environ.get("TUTOR_CACHE"), os.environ.get("XDG_CACHE_HOME"))


def remove_stale(pattern: str, keep: str) -> None:
    """Delete cache files matching ``pattern`` other than ``keep`` (older versions)."""
    for old in cache_dir().glob(pattern):
        if old.name != keep:
            old.unlink(missing_ok=True)


def cached_pickle(
    name: str,
    build: Callable[[], T],
    *,
    stale: str | None = None,
    on_build: Callable[[], None] | None = None,
) -> T:
    """Load ``name`` from the cache dir, or ``build()`` it and store it there.

    ``name`` must change whenever what ``build`` returns would (put a hash of the inputs
    and a version number in it); files matching the glob ``stale`` are removed when a new
    one is written, and ``on_build`` (if given) is called then. The file is written to a temporary
    name and renamed, so a killed process never leaves half a cache. A corrupt file is rebuilt;
    a read-only cache dir only
    costs the rebuild. The garbage collector is paused while loading, since unpickling
    hundreds of thousands of small objects otherwise triggers many pointless collections.
    """
    path = cache_dir() / name
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if path.is_file():
            try:
                with path.open("rb") as fh:
                    return pickle.load(fh)  # type: ignore[no-any-return]
            except Exception:  # noqa: BLE001 - any unreadable cache is rebuilt
                pass
        value = build()
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
            if stale:
                remove_stale(stale, keep=name)
            if on_build is not None:
                on_build()
        except OSError:
            with suppress(OSError):  # the cache dir itself may be gone or not a directory
                tmp.unlink(missing_ok=True)
        return value
    finally:
        if was_enabled:
            gc.enable()
