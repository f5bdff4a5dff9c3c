"""The first run's deck: the bundled example mined into a new database.

On a database without history (no known words, no verdicts) the bundled deck's entries depend
on nothing but the text, tutor and its language data, so they are the shipped ones or the
cached ones (``tutor.bundled``) and no cache step runs; a database with history is mined for
itself, like any text.
"""

from __future__ import annotations

from pathlib import Path

from tutor import bundled, ingest
from tutor.curate import Curated
from tutor.lang.prepare import StepReport
from tutor.paths import BUNDLED_DECK, bundled_decks_dir
from tutor.store import Store

__all__ = ["bootstrap_bundled", "mine_bundled"]


def _mine(
    pairs: ingest._Source, progress: ingest.Progress | None, stages: StepReport | None
) -> Curated:
    return ingest._curate(pairs, progress, ingest._History(), None, False, stages)[2]


def mine_bundled(
    progress: ingest.Progress | None = None, stages: StepReport | None = None
) -> Curated:
    """What tutor's miner makes of the bundled deck for a database without history: what
    ``tutor.bundled.SHIPPED`` holds. Builds or opens every cache first."""
    source = bundled_decks_dir() / BUNDLED_DECK
    return _mine(ingest._read_all(source, None, None, []), progress, stages)


def bootstrap_bundled(
    store: Store, *, progress: ingest.Progress | None = None, stages: StepReport | None = None
) -> str:
    """Mine the bundled example deck into ``store``; returns the deck name. ``stages`` hears
    of each cache step (``tutor.lang.prepare``) before ``progress`` hears of the pairs."""
    source = bundled_decks_dir() / BUNDLED_DECK
    pairs = ingest._read_all(source, None, None, [])
    name = Path(BUNDLED_DECK).stem
    if store.known_hanzi() or any(store.judgements()):
        ingest._mine_into(
            store, name, source, pairs, [], None, progress, known_from=store, stages=stages
        )
        return name
    curated = bundled.mined_once(source, lambda: _mine(pairs, progress, stages))
    report = ingest._report(name, source, len(pairs), curated, [], 0, False)
    ingest._write_deck(store, name, source, curated, None, report)
    if progress is not None:
        progress(len(pairs), len(pairs))
    return name
