"""Write ``tutor/bundled_mined.jsonl``: tutor's own miner on the bundled deck, shipped so that
a first run with no cache built gets its first card without building a dictionary or mining.

    python bench/ship_bundled.py [--check]

Run it after any change to mining (``tests/unit/test_bundled.py`` fails until it is run).
``--check`` writes nothing and exits 1 when the shipped file differs from what the miner makes
now. Only the miner's output goes in, never a gold list.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tutor.bundled import SHIPPED, write_shipped
from tutor.firstrun import mine_bundled
from tutor.paths import BUNDLED_DECK, bundled_decks_dir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    source = bundled_decks_dir() / BUNDLED_DECK
    curated = mine_bundled()
    if not args.check:
        write_shipped(source, curated)
        print(f"{SHIPPED}: {len(curated.entries)} entries, {len(curated.low)} low-confidence")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / SHIPPED.name
        write_shipped(source, curated, fresh)
        same = fresh.read_bytes() == SHIPPED.read_bytes()
    print(f"{SHIPPED}: {'up to date' if same else 'STALE: run python bench/ship_bundled.py'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
