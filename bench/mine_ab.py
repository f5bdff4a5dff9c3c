"""Mining CPU of the working tree against an earlier revision, in alternating processes.

    python bench/mine_ab.py REV [--pairs 3000] [--rounds 5]

A rule's cost is a few percent of mining, well inside what a busy machine adds to wall time,
so this measures the CPU seconds of ``tutor.mining.mine`` alone (one process, no workers, after
a warm-up on 30 pairs) on the same ``--pairs`` unique pairs (``mine_100k.build --unique``:
two random corpus pairs joined, never repeated). REV is checked out into a temporary git
worktree; each round mines with REV, then with the working tree, as fresh processes, and the
per-round differences are printed with their mean and median. "No slower than before" is a
mean difference within the rounds' spread. Not a test: it reads ../shared at run time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mine_100k import REPO, build  # noqa: E402

_MEASURE = """
import sys, time
from tutor.corpus import read_pairs
from tutor.mining import mine
from pathlib import Path
pairs = list(read_pairs(Path(sys.argv[1])))
mine(pairs[:30], workers=1)
start = time.process_time()
mine(pairs, workers=1)
print(time.process_time() - start)
"""


def cpu_seconds(tree: Path, source: Path) -> float:
    """CPU seconds mining ``source`` takes with the package in ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(  # in ``tree``: ``-c`` puts the working directory first on the path
        [sys.executable, "-c", _MEASURE, str(source)],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rev", help="the revision to compare with (a commit, tag or branch)")
    ap.add_argument("--pairs", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old, source = Path(tmp) / "old", Path(tmp) / "pairs.tsv"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(old), args.rev],
            check=True,
        )
        try:
            build(source, args.pairs, unique=True)
            diffs = []
            for n in range(args.rounds):
                before, after = cpu_seconds(old, source), cpu_seconds(REPO, source)
                diffs.append(after - before)
                print(f"round {n + 1}: {args.rev} {before:.2f} s, working tree {after:.2f} s")
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(old)])
    mean, median = statistics.mean(diffs), statistics.median(diffs)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"difference (working tree - {args.rev}): mean {mean:+.2f} s, median {median:+.2f} s")
    print(f"load average after: {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
