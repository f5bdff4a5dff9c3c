"""``tutor check``: is progress.db whole and does every card agree with its history?

Five checks, each a list of what is wrong: SQLite's own ``integrity_check``, the foreign keys,
the schema steps (all known to this tutor, none missing), every card's scheduling state
against its history (a card with reviews that stand holds the state its latest one left; a
card without holds the state of a new card), and the counters the triggers keep against a
recount (``tutor.store.counts``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from tutor.store import counts
from tutor.store.db import parse_time
from tutor.store.migrations import pending, unknown
from tutor.store.sql import Database

__all__ = ["CheckReport", "check"]

_FIELDS = ("phase", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses")
MAX_LISTED = 20  # problems of one kind listed before "and N more"


@dataclass
class CheckReport:
    cards: int = 0
    reviews: int = 0  # standing reviews, as `tutor stats` counts them
    undone: int = 0  # undone reviews, kept in the log but no longer reviews
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(db: Database) -> CheckReport:
    """Run every check on ``db`` (read only)."""
    report = CheckReport(
        cards=db.execute("SELECT count(*) FROM cards").fetchone()[0],
        reviews=db.execute("SELECT count(*) FROM reviews WHERE undone = 0").fetchone()[0],
        undone=db.execute("SELECT count(*) FROM reviews WHERE undone != 0").fetchone()[0],
    )
    found = [r[0] for r in db.execute("PRAGMA integrity_check")]
    if found != ["ok"]:
        report.problems += [f"integrity: {line}" for line in found]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
        report.problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
    report.problems += [f"schema: step {name} is from a newer tutor" for name in unknown(db)]
    report.problems += [f"schema: step {name} is not applied" for name in pending(db)]
    report.problems += _limit(_state_problems(db))
    report.problems += [f"counts: {line}" for line in _limit(counts.problems(db), "counts")]
    return report


def _limit(lines: list[str], what: str = "cards") -> list[str]:
    if len(lines) <= MAX_LISTED:
        return lines
    return lines[:MAX_LISTED] + [f"... and {len(lines) - MAX_LISTED} more {what}"]


_LATEST = """
SELECT c.id, c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps,
       c.lapses, r.state_after
FROM cards c LEFT JOIN (
    SELECT card_id, state_after,
           row_number() OVER (PARTITION BY card_id ORDER BY reviewed_at DESC, id DESC) AS k
    FROM reviews WHERE undone = 0
) r ON r.card_id = c.id AND r.k = 1
"""


def _state_problems(db: Database) -> list[str]:
    out = []
    for row in db.execute(_LATEST):
        card_id, have, after = row[0], dict(zip(_FIELDS, row[1:9], strict=True)), row[9]
        if after is None:
            if have["phase"] != "new" or have["reps"]:
                out.append(f"card {card_id}: {have['phase']} with no review behind it")
            continue
        want = json.loads(after)
        wrong = [name for name in _FIELDS if not _same(name, have[name], want.get(name))]
        if wrong:
            out.append(f"card {card_id}: {', '.join(wrong)} not as its latest review left them")
    return out


def _same(name: str, have: Any, want: Any) -> bool:
    if have is None or want is None:
        return have is None and want is None
    if name in ("stability", "difficulty"):
        return math.isclose(float(have), float(want), rel_tol=1e-9, abs_tol=1e-9)
    if name in ("due", "last_review"):
        return _instant(have) == _instant(want)
    return bool(have == want)


def _instant(text: str) -> str:
    moment = parse_time(text)
    return "" if moment is None else moment.isoformat()
