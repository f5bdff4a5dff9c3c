"""Mine the Tatoeba sample in ../shared and print 20 random mined pairs (fixed seed) to judge.

    python bench/mine_sample.py [--source PATH] [--n 20] [--seed 3] [--no-aligner] [--low]

For the closing note: a reader judges each printed pair (right, acceptable, wrong). Prints the
mining time, how many entries were kept and held back as low-confidence, then the sample with
kind, confidence and the example clause. Not a test: it reads ../shared at run time only.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "tatoeba-cmn-eng-1500.tsv"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", default=str(CORPUS))
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--no-aligner", action="store_true")
    ap.add_argument("--low", action="store_true", help="sample the low-confidence list instead")
    args = ap.parse_args()

    from tutor.corpus import read_pairs
    from tutor.mining import mine

    pairs = list(read_pairs(Path(args.source)))
    t0 = time.perf_counter()
    result = mine(pairs, aligner=None if args.no_aligner else True)
    t1 = time.perf_counter()
    print(f"{len(pairs)} pairs mined in {t1 - t0:.1f}s (caches cold)")
    print(f"{len(result.entries)} entries kept, {len(result.low)} low-confidence")
    pool = result.low if args.low else result.entries
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    for n, e in enumerate(sample, 1):
        ex = e.examples[0] if e.examples else None
        print(f"{n:2}. {e.hanzi}\t{e.english}\t[{e.kind} {e.confidence:.2f}]")
        if ex is not None:
            print(f"      {ex.zh} | {ex.en}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
