"""`tutor export --anki` of 10k notes against a minimal genanki script writing the same notes.

    python bench/export_speed.py [--notes 10000] [--runs 5] [--dir DIR] [--json]

The database is ``bench/make_big_db.py``'s, at ``DIR/export-N.db`` (N notes, two cards each,
ten reviews per card; built once, about 20 s for 10k notes, and reused). ``tutor export`` runs
with progress (each card's scheduling and the review history) and ``--without-progress``.

The reference gets the notes of a first tutor export (fields, guid, tags, as the package
holds them) and the note type and deck (ids, names, fields, templates, CSS), as JSON, and does
the least genanki needs to write them: a Model, a Deck, a Note per row, ``Package.write_to_file``.
Each round runs tutor, then the reference, as fresh processes (see ``alternate.py``), tutor
with a cache directory of its own (``DIR/cache``, warmed by the first export). Bar:
tutor <= 1.5 x the reference, wall time, for the content-only export (the same work).

Children byte-compile into a scratch ``PYTHONPYCACHEPREFIX`` (the first export fills it), so
tutor is measured with compiled modules, as an installed copy runs and as genanki is, even
where ``PYTHONDONTWRITEBYTECODE`` is set (compiling tutor's sources in every run cost it 0.1 s).

``collection`` also prints a digest of what tutor's package holds (notes' fields, guids and
tags, card rows, review log, note type and deck), leaving out only ids and times that change
from one export to the next: a speed change that keeps the package the same keeps the digest.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from alternate import alternate, report, tutor_command  # noqa: E402
from figures import Figure, add_json_flag, figures_out  # noqa: E402
from make_big_db import DECK, ensure_big_db  # noqa: E402

MINIMAL_GENANKI = """
import json, sys
import genanki

spec = json.load(open(sys.argv[1], encoding="utf-8"))
model = genanki.Model(
    spec["model_id"], spec["model_name"], fields=[{"name": f} for f in spec["fields"]],
    templates=spec["templates"], css=spec["css"],
)
deck = genanki.Deck(spec["deck_id"], spec["deck_name"])
for note in spec["notes"]:
    deck.add_note(genanki.Note(model=model, fields=note["fields"], guid=note["guid"],
                               tags=note["tags"]))
genanki.Package(deck).write_to_file(sys.argv[2])
"""


def _collection(apkg: Path, scratch: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(apkg) as package:
        package.extract("collection.anki2", scratch)
    return sqlite3.connect(scratch / "collection.anki2")


def reference_spec(apkg: Path, scratch: Path) -> dict[str, Any]:
    """What the minimal script needs to write the notes of ``apkg`` again."""
    db = _collection(apkg, scratch)
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    model = next(iter(models.values()))
    deck = next(d for d in decks.values() if d["name"] != "Default")
    notes = [
        {"fields": flds.split("\x1f"), "guid": guid, "tags": tags.split()}
        for guid, flds, tags in db.execute("SELECT guid, flds, tags FROM notes ORDER BY id")
    ]
    db.close()
    return {
        "model_id": model["id"],
        "model_name": model["name"],
        "fields": [f["name"] for f in model["flds"]],
        "templates": [{k: t[k] for k in ("name", "qfmt", "afmt")} for t in model["tmpls"]],
        "css": model["css"],
        "deck_id": deck["id"],
        "deck_name": deck["name"],
        "notes": notes,
    }


_NOTES = "SELECT guid, flds, tags, sfld, csum, mod FROM notes ORDER BY guid"
_CARDS = """
SELECT n.guid, c.ord, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.left,
       c.odue, c.flags, c.data
FROM cards c JOIN notes n ON n.id = c.nid ORDER BY n.guid, c.ord
"""
_REVLOG = """
SELECT r.id, n.guid, c.ord, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type
FROM revlog r JOIN cards c ON c.id = r.cid JOIN notes n ON n.id = c.nid ORDER BY r.id
"""


def collection_digest(apkg: Path) -> tuple[str, int, int, int]:
    """SHA-256 (first 16 hex digits) of the package's content, and its note, card and review
    counts. Left out: note, card and deck ids, and the times genanki sets from the clock (the
    cards' mod; the notes' is tutor's content date, the note type's its style date)."""
    with tempfile.TemporaryDirectory(prefix="tutor-digest-") as tmp:
        db = _collection(apkg, Path(tmp))
        notes = db.execute(_NOTES).fetchall()
        cards = db.execute(_CARDS).fetchall()
        revlog = db.execute(_REVLOG).fetchall()
        crt, models = db.execute("SELECT crt, models FROM col").fetchone()
        db.close()
    model = next(iter(json.loads(models).values()))
    style = [model["css"], [(f["name"], f["ord"]) for f in model["flds"]], model["tmpls"]]
    style.append(model["mod"])
    digest = hashlib.sha256(json.dumps([notes, cards, revlog, crt, style]).encode()).hexdigest()
    return digest[:16], len(notes), len(cards), len(revlog)


def measure(db: Path, runs: int, out: Path) -> Figure:
    """Alternating exports and minimal genanki runs into ``out``: the content-only figure."""
    os.environ["PYTHONPYCACHEPREFIX"] = str(out / "pycache")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    export = [*tutor_command(), "--db", str(db), "export", "--deck", DECK]
    with_progress = [*export, "--anki", str(out / "tutor.apkg")]
    content_only = [*export, "--anki", str(out / "content.apkg"), "--without-progress"]
    spec = out / "notes.json"
    first = subprocess.run(content_only, check=True, capture_output=True, text=True).stdout
    spec.write_text(json.dumps(reference_spec(out / "content.apkg", out)), encoding="utf-8")
    minimal = [sys.executable, "-c", MINIMAL_GENANKI, str(spec), str(out / "minimal.apkg")]
    print(f"{first.strip()}  ({db})")
    figures: list[Figure] = []
    for label, cmd in (("content only", content_only), ("with progress", with_progress)):
        mine, ref, loads, _, _ = alternate(cmd, minimal, runs)
        title = f"tutor export --anki ({label}) / minimal genanki"
        figures.append(report(title, mine, ref, loads, 1.5, reference="minimal genanki"))
    for name in ("content.apkg", "tutor.apkg"):
        digest, notes, cards, reviews = collection_digest(out / name)
        print(f"  {name:13} {notes:,} notes, {cards:,} cards, {reviews:,} reviews: {digest}")
    return figures[0]  # the bar is for the content-only export (the same work)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--notes", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/tutor-speed-bench"))
    add_json_flag(ap)
    args = ap.parse_args()
    # a cache of its own: another tutor install sharing ~/.cache/tutor replaces the pinyin
    # syllable table's pickle (keyed by its install's pypinyin), and rebuilding it costs 0.3 s
    os.environ["TUTOR_CACHE"] = str(args.dir / "cache")
    with figures_out(args.json) as figures:
        db = ensure_big_db(args.dir / f"export-{args.notes}.db", args.notes * 2, args.notes * 20)
        with tempfile.TemporaryDirectory(prefix="tutor-export-bench-") as tmp:
            figure = measure(db, args.runs, Path(tmp))
        figure.size = f"{args.notes:,} notes"
        figures.append(figure)
    return 0


if __name__ == "__main__":
    sys.exit(main())
