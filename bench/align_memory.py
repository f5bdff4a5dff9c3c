"""Memory and CPU of `tutor align` against eflomal on the same tokenised pairs.

    python bench/align_memory.py [--pairs 20000 100000] [--repeat] [--no-eflomal] [--json]

Builds the input at run time from ../shared/corpora (the sources of bench/mine_100k.py; read
here, never copied into the repo): by default every pair is two different random source pairs
joined, so no pair repeats; ``--repeat`` repeats the 3,700 source pairs instead. Chinese is cut
by `tutor`'s segmenter and English split into words and punctuation, one `zh ||| en` line per
pair for `tutor align`, and the same tokens as two files for `eflomal-align` (eflomal 2.0,
``pip install eflomal``; its default model 3, both directions, as the issue measured).

Each aligner runs as its own child process of a fresh wrapper, so the peak resident size
(getrusage ``ru_maxrss`` of the children) and CPU seconds (user + system) are that aligner's
alone. Prints both, their ratios and the load average. Bars (issue 13): tutor's peak
<= 300 MB at 20k pairs and <= 1 GB at 100k; CPU <= 1.5x eflomal's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, add_json_flag, figures_out  # noqa: E402
from mine_100k import source_pairs  # noqa: E402

_EN_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*|[^\sA-Za-z0-9]")
_MEASURE = (
    "import json, resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "with open(sys.argv[1], 'w') as out:\n"
    "    rc = subprocess.run(sys.argv[2:], stdout=out).returncode\n"
    "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'rc': rc, 'wall': time.perf_counter() - t,\n"
    "                  'cpu': r.ru_utime + r.ru_stime, 'rss_mb': r.ru_maxrss / 1024}))\n"
)


def build(folder: Path, n: int, repeat: bool) -> Path:
    from tutor.lang.segment import segment

    rows = source_pairs()
    rng = random.Random(0)
    chosen: list[tuple[str, str]] = []
    while len(chosen) < n:
        if repeat:
            chosen.append(rows[len(chosen) % len(rows)])
        else:
            a, b = rng.sample(rows, 2)
            chosen.append((a[0] + b[0], a[1] + " " + b[1]))
    with (
        (folder / "pairs.txt").open("w", encoding="utf-8") as both,
        (folder / "zh.txt").open("w", encoding="utf-8") as zh_out,
        (folder / "en.txt").open("w", encoding="utf-8") as en_out,
    ):
        for zh, en in chosen:
            z = " ".join(w for w in segment(zh) if w.strip())
            e = " ".join(_EN_TOKEN.findall(en))
            both.write(f"{z} ||| {e}\n")
            zh_out.write(z + "\n")
            en_out.write(e + "\n")
    return folder


def measure(cmd: list[str], out: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(out), *cmd], capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(done.stdout)
    if result["rc"]:
        raise SystemExit(f"{cmd[0]} failed: {done.stderr.strip()}")
    return result


def _row(name: str, m: dict[str, float]) -> str:
    return f"  {name:8} CPU {m['cpu']:7.1f} s  wall {m['wall']:7.1f} s  peak {m['rss_mb']:7.0f} MB"


def _figures(
    n: int, size: str, tutor: dict[str, float], ef: dict[str, float] | None
) -> list[Figure]:
    """Peak (bar 300 MB up to 20k pairs, 1 GB above) and CPU against eflomal's (bar 1.5x)."""
    peak_bar = 300.0 if n <= 20000 else 1024.0
    peak = Figure("tutor align, peak memory", size, tutor["rss_mb"], "MB", peak_bar)
    peak.bar_on = "measured"
    if ef is None:
        return [peak]
    peak.reference, peak.reference_name = ef["rss_mb"], "eflomal"
    return [peak, Figure("tutor align, CPU", size, tutor["cpu"], "s", 1.5, ef["cpu"], "eflomal")]


def run(n: int, repeat: bool, eflomal: bool, keep: Path | None) -> list[Figure]:
    folder = keep / str(n) if keep else Path(tempfile.mkdtemp(prefix="align-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    size = f"{n:,} {'repeated' if repeat else 'unique'} pairs"
    try:
        build(folder, n, repeat)
        tutor = measure(
            [sys.executable, "-m", "tutor", "align", str(folder / "pairs.txt")],
            folder / "tutor.out",
        )
        print(f"{n} pairs ({'repeated' if repeat else 'unique'}), load {os.getloadavg()[0]:.2f}")
        print(_row("tutor", tutor))
        if not eflomal:
            return _figures(n, size, tutor, None)
        tool = shutil.which("eflomal-align") or str(Path(sys.executable).parent / "eflomal-align")
        files = ["-s", "zh.txt", "-t", "en.txt", "-f", "fwd", "-r", "rev"]
        ef = measure(
            [tool, *(str(folder / f) if f[0] != "-" else f for f in files)],
            folder / "eflomal.out",
        )
        print(_row("eflomal", ef))
        print(
            f"  ratio    CPU {tutor['cpu'] / ef['cpu']:.2f}x"
            f"  wall {tutor['wall'] / ef['wall']:.2f}x"
            f"  peak {tutor['rss_mb'] / ef['rss_mb']:.1f}x   load after {os.getloadavg()[0]:.2f}"
        )
        return _figures(n, size, tutor, ef)
    finally:
        if keep is None:
            shutil.rmtree(folder)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, nargs="+", default=[20000, 100000])
    ap.add_argument("--repeat", action="store_true", help="repeat the source pairs")
    ap.add_argument("--no-eflomal", action="store_true", help="measure tutor only")
    ap.add_argument("--keep", type=Path, help="keep input and outputs in DIR/<pairs>/")
    add_json_flag(ap)
    args = ap.parse_args()
    started = time.perf_counter()
    with figures_out(args.json) as figures:
        for n in args.pairs:
            figures += run(n, args.repeat, not args.no_eflomal, args.keep)
        print(f"({time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
