"""Where ``tutor`` keeps derived files that are expensive to rebuild (dictionary, jieba model).

``TUTOR_CACHE`` overrides; otherwise ``$XDG_CACHE_HOME/tutor`` or ``~/.cache/tutor``. When
that cannot be created (read-only home), a per-user directory under the system temp dir is
used, so a missing cache only costs time, never fails a command.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

__all__ = ["cache_dir"]


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
            return path
    return Path(tempfile.mkdtemp(prefix="tutor-cache-"))


def cache_dir() -> Path:
    """A writable directory for derived data, created on first use."""
    return _resolve(os.environ.get("TUTOR_CACHE"), os.environ.get("XDG_CACHE_HOME"))
