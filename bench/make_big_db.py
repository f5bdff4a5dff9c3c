"""Build a big progress.db for the speed benchmark: 100,000 cards and 1,000,000 reviews.

The notes are real CC-CEDICT words (hanzi, pinyin, English, senses) with a made-up example
sentence each, so every quiz kind can be drawn; past the ~84,000 usable words, a note is two
of them joined. Card states look like a learner's after three years: most cards in review with
FSRS stability and difficulty, due dates spread from weeks overdue to a year ahead, 40 learning
and relearning cards due around now, the rest still new. Reviews are spread over those three
years and end before today, so the study day is fresh: the deck's limits (80 reviews and 80 new
cards a day, set here) are unspent and a session of 200 grades runs through learning, review
and new cards, as a learner's morning does, while the counts and statistics have real work.

Rows go in with sqlite-utils ``insert_all`` after ``Store.open`` has created the schema, and the
note fields are encoded by ``tutor.store.notes.note_fields``, the store's own encoder.

    python bench/make_big_db.py [PATH] [--cards 100000] [--reviews 1000000] [--force]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import sqlite_utils

from tutor.lang import load_cedict
from tutor.model import Entry, Example
from tutor.store import Store
from tutor.store.db import iso
from tutor.store.notes import NOTE_FIELDS, note_fields

__all__ = ["DECK", "DEFAULT_PATH", "build", "ensure_big_db", "sized_path"]

DECK = "big"
DEFAULT_PATH = Path("/tmp/tutor-bench/progress.db")
SOURCE = "bench/make_big_db.py v2"  # a database an older version built is rebuilt
LEARNING = 40  # cards in (re)learning steps, due around now
LIMITS = {"new_per_day": 80, "reviews_per_day": 80}  # a 200-grade session meets every kind
QUIZZES = ("recognition", "recall", "pinyin", "choice", "cloze")


def _entries(count: int, rng: random.Random) -> list[Entry]:
    """``count`` distinct all-hanzi CC-CEDICT words (2-4 characters) with one example each."""
    seen: set[str] = set()
    words = []
    for e in load_cedict().entries():
        word = e.simplified
        if not 2 <= len(word) <= 4 or word in seen or not e.senses:
            continue
        if not all("\u4e00" <= ch <= "\u9fff" for ch in word) or e.pinyin[:1].isupper():
            continue
        seen.add(word)
        words.append(e)
    picked = rng.sample(words, min(count, len(words)))
    joined = {e.simplified for e in picked}
    while len(picked) < count:  # a big deck: two words joined make a new hanzi
        a, b = rng.choice(words), rng.choice(words)
        if a.simplified + b.simplified not in joined:
            joined.add(a.simplified + b.simplified)
            picked.append(_joined(a, b))
    out = []
    for position, e in enumerate(picked):
        english = e.senses[0].split(";")[0][:60]
        out.append(
            Entry(
                hanzi=e.simplified,
                traditional=e.traditional,
                pinyin=e.pinyin,
                english=english,
                senses=tuple(s[:80] for s in e.senses[:3]),
                kind="word",
                examples=(
                    Example(
                        f"报告指出，要继续推进{e.simplified}相关工作，取得新的进展。",
                        f"The report said work on {english} must continue and make progress.",
                    ),
                ),
                position=position,
                hsk_level=rng.choice((1, 2, 3, 4, 5, 6, None, None)),
                frequency=round(rng.uniform(1.0, 6.0), 2),
            )
        )
    return out


def _joined(a: Any, b: Any) -> Any:
    """A made-up dictionary entry for the words ``a`` and ``b`` written as one."""
    return SimpleNamespace(
        simplified=a.simplified + b.simplified,
        traditional=a.traditional + b.traditional,
        pinyin=f"{a.pinyin} {b.pinyin}",
        senses=[f"{a.senses[0].split(';')[0]} {b.senses[0].split(';')[0]}", *b.senses[:2]],
    )


def _state_json(
    phase: str, step: Any, s: Any, d: Any, due: str, last: Any, reps: int, lapses: int
) -> str:
    return json.dumps(
        {
            "phase": phase,
            "step": step,
            "stability": s,
            "difficulty": d,
            "due": due,
            "last_review": last,
            "reps": reps,
            "lapses": lapses,
        }
    )


def _card_rows(
    deck_id: int, note_ids: list[int], now: datetime, rng: random.Random
) -> list[dict[str, Any]]:
    """Two cards per note with plausible FSRS state; ``_reviews`` count is the history length."""
    rows = []
    card_id = 0
    new_after = int(len(note_ids) * 0.8)  # the last fifth of the source is not started
    for index, note_id in enumerate(note_ids):
        for template in ("recognition", "recall"):
            card_id += 1
            row: dict[str, Any] = {
                "id": card_id,
                "note_id": note_id,
                "deck_id": deck_id,
                "template": template,
                "state": "new",
                "step": 0,
                "stability": None,
                "difficulty": None,
                "due": iso(now - timedelta(days=1000)),
                "last_review": None,
                "reps": 0,
                "lapses": 0,
            }
            roll = rng.random()
            if index >= new_after or (template == "recall" and roll < 0.1):
                rows.append(row)
                continue
            stability = min(36500.0, math.exp(rng.gauss(math.log(25), 1.3)))
            since = rng.uniform(1.2, max(1.2, min(stability * 1.6, 365.0)))  # before today
            last = now - timedelta(days=since)
            reps = max(1, int(rng.expovariate(1 / 11)))
            row.update(
                state="review",
                step=None,
                stability=round(stability, 4),
                difficulty=round(rng.uniform(1.0, 10.0), 4),
                due=iso(last + timedelta(days=max(1.0, stability))),
                last_review=iso(last),
                reps=reps,
                lapses=min(reps - 1, int(rng.expovariate(1 / 1.2))),
            )
            rows.append(row)
    _learning(rows, now, rng)
    return rows


def _learning(rows: list[dict[str, Any]], now: datetime, rng: random.Random) -> None:
    """Put ``LEARNING`` started cards back in (re)learning, due within two hours of ``now``."""
    started = [row for row in rows if row["last_review"] is not None]
    for number, row in enumerate(rng.sample(started, min(LEARNING, len(started)))):
        row["state"], row["step"] = ("learning", number % 2) if number % 2 else ("relearning", 0)
        row["due"] = iso(now + timedelta(minutes=rng.uniform(-120, 60)))


def _reviews(
    cards: list[dict[str, Any]], total: int, now: datetime, rng: random.Random
) -> Iterator[dict[str, Any]]:
    """``total`` review rows over the started cards, ending at each card's last review."""
    started = [c for c in cards if c["last_review"] is not None]
    weight = sum(c["reps"] for c in started)
    scale = total / weight
    emitted = 0
    for number, card in enumerate(started):
        share = max(1, round(card["reps"] * scale))
        count = min(share if number < len(started) - 1 else total - emitted, total - emitted)
        if count <= 0:
            break
        last = datetime.fromisoformat(card["last_review"])
        age = rng.uniform(30.0, 3 * 365.0)
        offsets = sorted((rng.uniform(0.0, age) for _ in range(count - 1)), reverse=True)
        times = [last - timedelta(days=o) for o in offsets] + [last]
        s, d = card["stability"], card["difficulty"]
        for k, moment in enumerate(times):
            kind = "new" if k == 0 else ("learning" if k < 3 else "review")
            rating = rng.choices((1, 2, 3, 4), (10, 12, 68, 10))[0]
            stamp = iso(moment)
            yield {
                "card_id": card["id"],
                "deck_id": card["deck_id"],
                "rating": rating,
                "reviewed_at": stamp,
                "duration_ms": int(rng.uniform(1500, 15000)),
                "kind": kind,
                "state_before": _state_json(kind, None, s, d, stamp, stamp, k, 0),
                "state_after": _state_json("review", None, s, d, stamp, stamp, k + 1, 0),
                "undone": 0,
                "quiz": QUIZZES[rating % len(QUIZZES)],
            }
        emitted += count
        if emitted >= total:
            break


def build(path: Path, cards: int, reviews: int, seed: int = 1) -> None:
    """Write a fresh benchmark database at ``path`` (replacing any there)."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        old.unlink(missing_ok=True)
    started = time.perf_counter()
    entries = _entries(cards // 2, rng)
    with Store.open(path) as store:  # creates the schema through the store's migrations
        deck_id = store.ensure_deck(DECK, SOURCE, now=now)
        store.update_settings(deck_id, **LIMITS)
    stamp = iso(now)
    notes = (
        {
            "id": i + 1,
            "deck_id": deck_id,
            "hanzi": e.hanzi,
            **dict(zip(NOTE_FIELDS, note_fields(e), strict=True)),
            "created": stamp,
            "updated": stamp,
        }
        for i, e in enumerate(entries)
    )
    db = sqlite_utils.Database(path)
    # a bulk load: no WAL copy of every page, no fsync; WAL is switched back on at the end
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("PRAGMA synchronous = OFF")
    with db.conn:
        db.table("notes").insert_all(notes, batch_size=2000)
        card_rows = _card_rows(deck_id, list(range(1, len(entries) + 1)), now, rng)
        db.table("cards").insert_all(card_rows, batch_size=2000)
        db.table("reviews").insert_all(_reviews(card_rows, reviews, now, rng), batch_size=2000)
    # no ANALYZE: a learner's progress.db never has planner statistics, so neither does this
    db.execute("PRAGMA journal_mode = WAL")
    counts = {t: db.table(t).count for t in ("notes", "cards", "reviews")}
    db.close()
    print(
        f"wrote {path}: {counts['cards']:,} cards, {counts['reviews']:,} reviews "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )


def sized_path(cards: int) -> Path:
    """Where the benchmark database of ``cards`` cards lives."""
    return DEFAULT_PATH.with_name(f"progress-{cards}.db")


def ensure_big_db(path: Path, cards: int, reviews: int, *, force: bool = False) -> Path:
    """The benchmark database at ``path``, built unless one of that size is already there."""
    if path.is_file() and not force:
        db = sqlite_utils.Database(path)
        have = (db.table("cards").count, db.table("reviews").count)
        sources = {row["source"] for row in db.table("decks").rows}
        db.close()
        if have == (cards, reviews) and sources == {SOURCE}:
            return path
    build(path, cards, reviews)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--force", action="store_true", help="rebuild even if present")
    args = parser.parse_args()
    print(ensure_big_db(args.path, args.cards, args.reviews, force=args.force))


if __name__ == "__main__":
    main()
