"""From a source file to notes in a deck: read, mine, store, and optionally write JSON lines.

The order is what keeps bad input harmless: the whole source is read and validated before the
database is opened, so a file that cannot be read changes nothing in ``progress.db`` (and does not
even create it). Validation streams and keeps only a count; mining then streams the source again,
so a corpus of any size is never held in memory whole, and a pair too long to mine whole (one
huge line) is cut into sentence pieces on the way (``corpus.pieces``).
"""

from __future__ import annotations

import json
import os
import stat
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.corpus import Unpaired, pieces, read_pairs
from tutor.corpus.meter import Meter, metering
from tutor.curate import Curated, Selection, apply_judgements, select
from tutor.errors import ExportError, InputError
from tutor.lang.prepare import StepReport, prepare
from tutor.model import Entry, SegmentPair
from tutor.store import Store
from tutor.wording import count

if TYPE_CHECKING:
    from tutor.mining.mine import MineResult

__all__ = ["MineReport", "explain_source", "mine_source", "write_jsonl"]

Progress = Callable[[int, int | None], None]


def mine(pairs: Iterable[SegmentPair], **options: Any) -> MineResult:
    """``tutor.mining.mine``, imported on first use: a new database whose bundled deck comes
    from the cache never loads the miner."""
    from tutor.mining import mine as run

    return run(pairs, **options)


@dataclass
class MineReport:
    """What one `tutor mine` run did."""

    deck: str
    source: Path
    pairs: int
    entries: list[Entry]
    low: list[Entry]
    unpaired: list[Unpaired] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_known: int = 0
    dry_run: bool = False
    rejected: int = 0
    accepted: int = 0
    filtered: int = 0
    nothing_written: bool = False  # nothing to add to a deck that does not exist: none made

    def summary(self) -> str:
        add, update = ("would add", "would update") if self.dry_run else ("added", "updated")
        parts = [
            f"{self.deck}: {count(self.pairs, 'sentence pair')}, "
            f"{count(len(self.entries), 'entry', 'entries')}",
            f"{add} {self.added}",
            f"{update} {self.updated}",
            f"{self.unchanged} unchanged",
        ]
        if self.skipped_known:
            parts.append(f"{self.skipped_known} already known")
        if self.filtered:
            parts.append(f"{self.filtered} left out by --max-level/--limit")
        if self.rejected:
            parts.append(f"{self.rejected} rejected before")
        if self.low:
            parts.append(f"{len(self.low)} low-confidence kept out (see `tutor review`)")
        if self.unpaired:
            lines = "line" if len(self.unpaired) == 1 else "lines"
            parts.append(f"{len(self.unpaired)} {lines} skipped (listed above)")
        if self.nothing_written:
            parts.append("nothing to add, no deck created")
        return ", ".join(parts)


@dataclass(frozen=True)
class _Source:
    """A source already read once and found good: iterating reads it again, streaming.

    A large corpus is never held in memory whole: ``_read_all`` reads it first (raising its
    first bad line before anything is written), counts its pairs and notes whether one is long
    enough to be cut, and mining streams it a second time.
    """

    path: Path
    en_path: Path | None
    fmt: str | None
    count: int
    long: bool = False  # a pair is cut into pieces (``corpus.pieces``): more pairs than read

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[SegmentPair]:
        pairs = read_pairs(self.path, en_path=self.en_path, fmt=self.fmt, long_rows=True)
        return pieces.cut_long(pairs)

    @property
    def total(self) -> int | None:
        """Pairs mining will see, when the count read says (not when long pairs are cut)."""
        return None if self.long else self.count


def _size(*paths: Path | None) -> int:
    """Bytes in the files that exist of ``paths`` (the reader reports the others)."""
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size if path is not None else 0
        except OSError:
            pass
    return total


def _read_all(
    source: Path, en_path: Path | None, fmt: str | None, unpaired: list[Unpaired]
) -> _Source:
    count, long = 0, False
    for pair in read_pairs(
        source, en_path=en_path, fmt=fmt, report=unpaired.append, long_rows=True
    ):
        count += 1
        long = long or pieces.is_long(pair)
    if not count:
        raise InputError("no Chinese-English sentence pairs found", path=source)
    return _Source(source, en_path, fmt, count, long)


def mine_source(
    db_path: Path,
    source: Path,
    *,
    en_path: Path | None = None,
    fmt: str | None = None,
    deck: str | None = None,
    jsonl: Path | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
    selection: Selection | None = None,
    statistical: bool = False,
    stages: StepReport | None = None,
    reading: Callable[[str, Meter], None] | None = None,
) -> MineReport:
    """Mine ``source`` into ``deck`` (default: the source's stem) in the database at ``db_path``.

    ``statistical`` adds the statistical word aligner's links to the knowledge links.

    ``selection`` holds the learner's filters and new-card order (``tutor.curate``); the
    learner's earlier verdicts on pairs always apply. ``reading`` hears, before each pass over
    the source (checking it, then mining it), of the ``Meter`` its bytes are counted on.
    """
    unpaired: list[Unpaired] = []
    meter = Meter(_size(source, en_path))
    with metering(meter):
        if reading is not None:
            reading("checked", meter)
        pairs = _read_all(source, en_path, fmt, unpaired)
    if warn is not None:
        for u in unpaired:
            warn(f"{u.path}:{u.line}: not paired ({u.reason})")
    if jsonl is not None:
        _check_writable(jsonl)
    deck_name = deck or source.stem
    meter.restart()
    if reading is not None:
        reading("read", meter)
    # a dry run on a database that does not exist yet must not create it
    opened = nullcontext(None) if dry_run and not db_path.exists() else Store.open(db_path)
    with opened as store, metering(meter):
        return _mine_into(
            None if dry_run else store,
            deck_name,
            source,
            pairs,
            unpaired,
            jsonl,
            progress,
            known_from=store,
            selection=selection,
            statistical=statistical,
            stages=stages,
        )


def explain_source(
    db_path: Path,
    source: Path,
    hanzi: str,
    *,
    en_path: Path | None = None,
    fmt: str | None = None,
    statistical: bool = False,
) -> list[str]:
    """``mining.explain`` for ``hanzi`` in ``source``, with the learner's verdicts when the
    database exists; writes nothing."""
    from tutor.mining.explain import explain

    pairs = _read_all(source, en_path, fmt, [])
    lexicon: dict[str, list[str]] = {}
    rejected: set[tuple[str, str]] = set()
    if db_path.exists():
        with Store.open(db_path) as store:
            lexicon, rejected = store.judgements()
    aligner = True if statistical else None
    return explain(pairs, hanzi, lexicon=lexicon, rejected=rejected, aligner=aligner)


def _mine_into(
    store: Store | None,
    deck_name: str,
    source: Path,
    pairs: _Source,
    unpaired: list[Unpaired],
    jsonl: Path | None,
    progress: Progress | None,
    known_from: Store | None = None,
    selection: Selection | None = None,
    statistical: bool = False,
    stages: StepReport | None = None,
) -> MineReport:
    known: set[str] = set()
    lexicon: dict[str, list[str]] = {}
    rejected: set[tuple[str, str]] = set()
    if known_from is not None:
        known = known_from.known_hanzi(exclude_deck=deck_name)
        lexicon, rejected = known_from.judgements()
    history = _History(known, lexicon, rejected)
    skipped, mined, curated = _curate(pairs, progress, history, selection, statistical, stages)
    report = _report(deck_name, source, mined, curated, unpaired, skipped, store is None)
    if store is not None and _worth_writing(store, deck_name, curated):
        _write_deck(store, deck_name, source, curated, selection, report)
    else:
        _plan(report, known_from, curated)
    if jsonl is not None:
        write_jsonl(jsonl, curated.entries)
    return report


@dataclass(frozen=True)
class _History:
    """What the learner has said before: known words and verdicts on pairs."""

    known: set[str] = field(default_factory=set)
    lexicon: dict[str, list[str]] = field(default_factory=dict)
    rejected: set[tuple[str, str]] = field(default_factory=set)


def _curate(
    pairs: _Source,
    progress: Progress | None,
    history: _History,
    selection: Selection | None,
    statistical: bool,
    stages: StepReport | None,
) -> tuple[int, int, Curated]:
    """Mine ``pairs`` and apply the learner's verdicts and filters: (known skipped, pairs
    mined, curated)."""
    prepare(stages)  # build or open every cache before the first pair, not in the middle
    from tutor.mining.unplaced import UNPLACED_WORD

    selection = selection or Selection()
    # mine() uses the verdicts as evidence; apply_judgements guarantees them whatever it scores
    result = mine(
        pairs,
        progress=progress,
        total=pairs.total,
        known=history.known,
        lexicon=history.lexicon,
        rejected=history.rejected,
        aligner=True if statistical else None,
        disable={UNPLACED_WORD.name} if selection.keep_unplaced else (),
    )
    judged = apply_judgements(result.entries, result.low, history.lexicon, history.rejected)
    return result.skipped_known, result.pairs, select(judged, selection)


def _report(
    deck: str,
    source: Path,
    pairs: int,
    curated: Curated,
    unpaired: list[Unpaired],
    skipped: int,
    dry_run: bool,
) -> MineReport:
    return MineReport(
        deck=deck,
        source=source,
        pairs=pairs,
        entries=curated.entries,
        low=curated.low,
        unpaired=unpaired,
        skipped_known=skipped,
        dry_run=dry_run,
        rejected=curated.rejected,
        accepted=curated.accepted,
        filtered=curated.filtered,
    )


def _worth_writing(store: Store, deck_name: str, curated: Curated) -> bool:
    """Whether there is anything to write: entries, pairs for `tutor review`, or a deck that
    exists already (whose pending pairs a run replaces); an empty deck is never made."""
    return bool(curated.entries or curated.low) or deck_name in store.deck_names()


def _plan(report: MineReport, store: Store | None, curated: Curated) -> None:
    """Fill ``report``'s counts with what writing would do, writing nothing (no database yet:
    every entry would be added)."""
    if store is None:
        report.added = len(curated.entries)
        return
    planned = store.plan_entries(report.deck, curated.entries)
    report.added, report.updated, report.unchanged = (
        planned.added,
        planned.updated,
        planned.unchanged,
    )
    report.nothing_written = not report.dry_run


def _write_deck(
    store: Store,
    deck_name: str,
    source: Path,
    curated: Curated,
    selection: Selection | None,
    report: MineReport,
) -> None:
    """Deck, notes, cards, review queue and order in one transaction: a kill, a full disk or a
    second writer leaves the database as it was or fully written, never a deck without its
    notes; a second ``tutor mine`` of the same text waits, then updates what this one added."""
    with store.db.atomic():
        deck_id = store.ensure_deck(deck_name, str(source))
        upserted = store.upsert_entries(deck_id, curated.entries)
        report.added, report.updated, report.unchanged = (
            upserted.added,
            upserted.updated,
            upserted.unchanged,
        )
        store.set_pending_low(deck_id, curated.low)
        report.low = store.pending_low(deck_id)
        if selection is not None and selection.order is not None:
            store.update_settings(deck_id, new_order=selection.order)


def _check_writable(path: Path) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError("directory does not exist", path=directory)
    if not os.access(directory, os.W_OK):
        raise ExportError("directory is not writable", path=directory)


def write_jsonl(path: Path, entries: list[Entry]) -> None:
    """Write one JSON object per entry, atomically (a temp file renamed into place)."""
    _check_writable(path)
    directory = path.parent if str(path.parent) else Path(".")
    # Not mkstemp: its 0600 mode would survive the rename; open(..., "x") honours the umask.
    tmp = directory / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        with open(tmp, "x", encoding="utf-8") as out:
            for entry in entries:
                out.write(json.dumps(entry.to_json(), ensure_ascii=False) + "\n")
        if path.exists():  # writing over an earlier file keeps its permissions
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp, path)
    except OSError as err:
        raise ExportError(f"cannot write: {err.strerror or err}", path=path) from err
    finally:
        tmp.unlink(missing_ok=True)
