"""Mine the bundled seed and score it against the gold list in ../shared (when present).

    python bench/mine_seed.py [--out mined.jsonl] [--no-aligner] [--show]

Prints the mining time and, when ../shared/tools/score_pairs.py and the gold list are there,
their recall / precision / F1. Not a test: it reads ../shared at run time only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = REPO / "decks" / "beijing-2024-report.txt"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/mined-seed.jsonl")
    ap.add_argument("--source", default=str(SEED))
    ap.add_argument("--no-aligner", action="store_true")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()

    from tutor.corpus import read_pairs
    from tutor.mining import mine

    t0 = time.perf_counter()
    pairs = list(read_pairs(Path(args.source)))
    t1 = time.perf_counter()
    mine(pairs[:1], aligner=None if args.no_aligner else True)  # warm the caches
    t2 = time.perf_counter()
    result = mine(pairs, aligner=None if args.no_aligner else True)
    t3 = time.perf_counter()
    with open(args.out, "w", encoding="utf-8") as fh:
        for e in result.entries:
            fh.write(json.dumps(e.to_json(), ensure_ascii=False) + "\n")
    print(f"{len(pairs)} pairs: read {t1 - t0:.2f}s, warm-up {t2 - t1:.2f}s, mine {t3 - t2:.2f}s")
    print(f"{len(result.entries)} entries kept, {len(result.low)} low-confidence")
    scorer = SHARED / "tools" / "score_pairs.py"
    gold = SHARED / "gold" / "seed-terms.tsv"
    if scorer.is_file() and gold.is_file():
        cmd = [sys.executable, str(scorer), str(gold), args.out] + (["--show"] if args.show else [])
        print(subprocess.run(cmd, capture_output=True, text=True).stdout, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
