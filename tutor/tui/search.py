"""The browse screen's query language, parsed without Textual: free text plus filters.

``城市``, ``cheng shi``, ``chéng shì``, ``city`` search hanzi, toneless or toned pinyin and
English (the store decides how each matches); ``deck:NAME``, ``state:new|learning|review|
relearning|suspended|known``, ``level:3`` (HSK) and ``flag:1`` narrow the result, as in Anki.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Query", "parse_query"]

STATES = ("new", "learning", "review", "relearning", "suspended", "known")


@dataclass(frozen=True, slots=True)
class Query:
    text: str = ""
    deck: str | None = None
    state: str | None = None
    level: int | None = None
    flag: int | None = None


def parse_query(raw: str) -> Query:
    """Split filters from free text; ``ValueError`` names a filter with a bad value."""
    words: list[str] = []
    filters: dict[str, object] = {}
    for token in raw.split():
        key, sep, value = token.partition(":")
        key = key.lower()
        if not sep or key not in ("deck", "state", "level", "flag") or not value:
            words.append(token)
            continue
        if key == "state":
            if value.lower() not in STATES:
                raise ValueError(f"state must be one of {', '.join(STATES)}")
            filters["state"] = value.lower()
        elif key in ("level", "flag"):
            if not value.isdigit():
                raise ValueError(f"{key} must be a number")
            filters[key] = int(value)
        else:
            filters["deck"] = value
    return Query(" ".join(words), **filters)  # type: ignore[arg-type]
