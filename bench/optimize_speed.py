"""`tutor optimize` against a bare fsrs-rs fit of the same reviews.

    python bench/optimize_speed.py [--reviews 1000000] [--runs 3] [--dir DIR] [--json]

The reviews are the real review log of ../shared/revlogs/py-fsrs-review-logs.csv (12,580
reviews of 1,205 cards) replicated over synthetic cards up to ``--reviews``: copy k of a card
gets its own id and every review moved k * 7 minutes later, which keeps the whole-day gaps the
fit sees. The CSV goes into ``DIR/optimize-N.db`` once through ``tutor import-revlog``
(about 80 s at 1M) and is reused while it has that many reviews.

Each round runs ``tutor optimize`` and then the reference, as fresh processes (see
``alternate.py``); the stored fits are deleted before every tutor run, so each starts from the
defaults and does the same work. The reference is the least a script can do for the same fit:
read the reviews with sqlite3, build fsrs-rs items by Anki's recipe (one per later-day review,
sharing the review objects) and call ``compute_parameters``. It prints its parameters, and the
bench checks tutor stored the same ones (rounded to 6 places as tutor stores them). Bar:
tutor <= 1.5 x the reference, wall time.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from alternate import alternate, report, tutor_command  # noqa: E402
from figures import Figure, add_json_flag, figures_out  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
REVLOG = REPO.parent / "shared" / "revlogs" / "py-fsrs-review-logs.csv"
DECK = "real"
BARE_FIT = """
import sqlite3, sys
from datetime import datetime
import fsrs_rs_python as rs

db = sqlite3.connect(sys.argv[1])
rows = db.execute(
    "SELECT card_id, rating, reviewed_at FROM reviews WHERE undone = 0 ORDER BY reviewed_at, id"
)
cards = {}
for card, rating, at in rows:
    cards.setdefault(card, []).append((datetime.fromisoformat(at), rating))
dated = []
for card, reviews in cards.items():
    steps, previous = [], None
    for at, rating in reviews:
        days = (at - previous).days if previous else 0
        steps.append(rs.FSRSReview(rating, days))
        if days > 0:
            dated.append((at, card, rs.FSRSItem(steps)))  # copies the steps so far
        previous = at
dated.sort(key=lambda d: (d[0], d[1]))
items = [item for _, _, item in dated]
print(list(rs.FSRS(rs.DEFAULT_PARAMETERS).compute_parameters(items)))
"""


def write_csv(path: Path, reviews: int) -> int:
    """The real log replicated over new card ids until ``reviews``; returns the count."""
    by_card: dict[str, list[dict[str, str]]] = {}
    with REVLOG.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            by_card.setdefault(row["card_id"], []).append(row)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["card_id", "review_rating", "review_time", "review_duration"])
        copy = 0
        while written < reviews:
            shift = timedelta(minutes=7 * copy)
            for card, rows in by_card.items():
                for row in rows:
                    moment = datetime.fromisoformat(row["review_time"]) + shift
                    out.writerow([f"{copy}-{card}", row["review_rating"], moment.isoformat(),
                                  row["review_duration"]])  # fmt: skip
                written += len(rows)
                if written >= reviews:
                    break
            copy += 1
    return written


def review_count(db: Path) -> int:
    if not db.is_file():
        return 0
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM reviews").fetchone()[0])


def ensure_db(directory: Path, reviews: int) -> Path:
    """``directory/optimize-N.db`` with about ``reviews`` reviews, imported if not there yet."""
    directory.mkdir(parents=True, exist_ok=True)
    db = directory / f"optimize-{reviews}.db"
    if review_count(db) >= reviews:
        return db
    for old in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        old.unlink(missing_ok=True)
    source = directory / f"revlog-{reviews}.csv"
    count = write_csv(source, reviews)
    print(f"importing {count:,} reviews into {db} ...", file=sys.stderr)
    cmd = [*tutor_command(), "--db", str(db), "import-revlog", str(source), "--deck", DECK]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    source.unlink()
    return db


def forget_fits(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM fsrs_params")


def stored_fit(db: Path) -> list[float]:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT params FROM fsrs_params ORDER BY id DESC LIMIT 1").fetchone()
    return list(json.loads(row[0]))


def measure(db: Path, runs: int) -> tuple[Figure, bool]:
    """Alternating runs of tutor optimize and the bare fit: the wall figure, and whether
    tutor stored the bare fit's parameters."""
    tutor = [*tutor_command(), "--db", str(db), "optimize"]
    bare = [sys.executable, "-c", BARE_FIT, str(db)]
    mine, ref, loads, out, ref_out = alternate(tutor, bare, runs, lambda: forget_fits(db))
    reviews = review_count(db)
    print(f"tutor optimize on {reviews:,} reviews ({db}):")
    print("  " + out.strip().replace("\n", "\n  "))
    figure = report("tutor optimize / bare fsrs-rs fit", mine, ref, loads, bar=1.5,
                    size=f"{reviews:,} reviews", reference="bare fsrs-rs fit")  # fmt: skip
    reference = [round(float(p), 6) for p in json.loads(ref_out)]
    same = stored_fit(db) == reference
    print(f"  parameters: tutor's stored fit {'equals' if same else 'DIFFERS FROM'} the bare fit")
    return figure, same


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reviews", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/tutor-speed-bench"))
    add_json_flag(ap)
    args = ap.parse_args()
    if not REVLOG.is_file():
        print(f"needs {REVLOG}", file=sys.stderr)
        return 1
    with figures_out(args.json) as figures:
        figure, same = measure(ensure_db(args.dir, args.reviews), args.runs)
        figures.append(figure)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
