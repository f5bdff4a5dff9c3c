"""Mining throughput: `tutor mine` on a 100k-pair corpus against jieba segmentation alone.

    python bench/mine_100k.py [--pairs 100000] [--unique] [--keep DIR] [--json]

Builds the input from ../shared/corpora at run time (Tatoeba 1,500 pairs, CC-BY 2.0 FR;
Bible CUV/KJV 1,500 verses, public domain; WMT20 newstest 700 segments, research use: read
here, never copied into the repo) into a temporary directory:

* default: the 3,700 source pairs repeated in shuffled order up to ``--pairs``. Repeats flatter
  every cache (a text seen before costs little), so also run
* ``--unique``: every pair is two different random source pairs joined into one paragraph,
  so no text repeats (words still do, as in any real corpus) and every pair goes through
  clause alignment.

Then, in one run, times the real CLI (`tutor mine big.tsv` into a temporary database, with
its worker processes) and `tutor.lang.segment.segment` over the same Chinese text in this
process, and prints pairs/s for both, their ratio and the peak memory of the mining process
tree (sum of the resident sizes of the CLI and its workers, sampled every 0.2 s; also the
largest single process from getrusage). Bar: mining <= 5x segmentation time, peak <= 2 GB.

Both timings are wall clock, and jieba's dictionary load is left out of the segmentation time
while the mining time includes everything (start-up, workers, writing the database), so the
ratio errs against mining. On a shared machine wall time also counts other people's jobs, so
the CPU seconds of both are printed too: mining's CPU (CLI and workers) spread over its
workers, against segmentation's, is the ratio the code alone is responsible for, and the
load average before and after the run says how busy the machine was.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, add_json_flag, figures_out  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO.parent / "shared" / "corpora"
SOURCES = {  # file: (zh column, en column)
    "tatoeba-cmn-eng-1500.tsv": (0, 1),
    "bible-cuv-kjv-1500.tsv": (1, 2),
    "wmt20-newstest-zhen-700.tsv": (0, 1),
}


def source_pairs() -> list[tuple[str, str]]:
    rows = []
    for name, (z, e) in SOURCES.items():
        with (CORPORA / name).open(encoding="utf-8") as fh:
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) > max(z, e) and cols[z].strip() and cols[e].strip():
                    rows.append((cols[z].strip(), cols[e].strip()))
    return rows


def build(path: Path, n: int, unique: bool) -> None:
    rows = source_pairs()
    rng = random.Random(0)
    out: list[tuple[str, str]] = []
    if unique:
        seen: set[str] = set()
        while len(out) < n:
            a, b = rng.sample(rows, 2)
            zh = a[0] + b[0]
            if zh not in seen:
                seen.add(zh)
                out.append((zh, a[1] + " " + b[1]))
    else:
        while len(out) < n:
            batch = rows[:]
            rng.shuffle(batch)
            out.extend(batch[: n - len(out)])
    with path.open("w", encoding="utf-8") as fh:
        for zh, en in out:
            fh.write(f"{zh}\t{en}\n")


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_mining(source: Path, workdir: Path) -> tuple[float, float, int, int, str]:
    exe = Path(sys.executable).with_name("tutor")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "tutor.cli"]
    env = dict(os.environ, TUTOR_DB=str(workdir / "progress.db"))
    peak = 0
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen([*cmd, "mine", str(source)], env=env, stdout=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - t0
    cpu = _children_cpu() - cpu0  # the CLI and its workers (each waited for by its parent)
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"tutor mine failed with exit code {proc.returncode}")
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return elapsed, cpu, peak, largest, out.strip()


def time_segmentation(source: Path) -> tuple[float, float, int]:
    from tutor.lang.segment import segment, tokenizer

    tokenizer()  # load the dictionary first: only the cutting is timed
    with source.open(encoding="utf-8") as fh:
        texts = [line.split("\t", 1)[0] for line in fh]
    t0, cpu0 = time.perf_counter(), time.process_time()
    for text in texts:
        segment(text)
    return time.perf_counter() - t0, time.process_time() - cpu0, len(texts)


def measure(source: Path, workdir: Path, size: str) -> list[Figure]:
    """Segmentation, then mining, of ``source``: prints the figures and returns them."""
    load_before = os.getloadavg()[0]
    seg_s, seg_cpu, n = time_segmentation(source)
    mine_s, mine_cpu, peak, largest, summary = time_mining(source, workdir)
    load_after = os.getloadavg()[0]
    from tutor.mining.parallel import default_workers

    cores = default_workers()  # what the CLI used (TUTOR_WORKERS or the usable cores)
    print(f"tutor mine: {summary}")
    print(f"mining        {mine_s:8.1f} s  {n / mine_s:8.0f} pairs/s (wall, whole command)")
    print(f"segmentation  {seg_s:8.1f} s  {n / seg_s:8.0f} pairs/s (jieba alone, 1 core)")
    print(f"ratio         {mine_s / seg_s:8.1f} x  (bar: <= 5)")
    per_worker = mine_cpu / max(cores, 1)
    print(
        f"cpu           {mine_cpu:8.1f} s mining (CLI + workers), {seg_cpu:.1f} s segmentation;"
        f" {per_worker / seg_cpu:.1f} x over {cores} workers"
    )
    print(
        f"peak memory   {peak / 2**20:8.0f} MB (CLI + workers, summed RSS; bar: <= 2048);"
        f" largest process {largest / 2**20:.0f} MB"
    )
    print(
        f"load average  {load_before:8.2f} before, {load_after:.2f} after"
        f" (1-minute; above {cores} other jobs share the cores and the wall ratio suffers)"
    )
    jieba = "jieba segmentation"
    return [
        Figure("tutor mine, wall", size, mine_s, "s", 5.0, seg_s, jieba),
        Figure(f"tutor mine, CPU per worker ({cores})", size, per_worker, "s", 5.0, seg_cpu, jieba),
        Figure(
            "tutor mine, peak memory (summed RSS)",
            size,
            peak / 2**20,
            "MB",
            2048.0,
            bar_on="measured",
        ),  # fmt: skip
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=100_000)
    ap.add_argument("--unique", action="store_true", help="no repeated text (see above)")
    ap.add_argument("--keep", type=Path, help="write the input here and keep it")
    add_json_flag(ap)
    args = ap.parse_args()
    if not CORPORA.is_dir():
        print(f"needs {CORPORA}", file=sys.stderr)
        return 1
    workdir = Path(tempfile.mkdtemp(prefix="tutor-bench-"))
    try:
        with figures_out(args.json) as figures:
            source = (args.keep or workdir) / "big.tsv"
            build(source, args.pairs, args.unique)
            kind = "unique two-pair paragraphs" if args.unique else "repeated, shuffled pairs"
            print(f"input: {args.pairs} {kind} from {CORPORA} ({source})")
            size = f"{args.pairs:,} {'unique' if args.unique else 'repeated'} pairs"
            figures += measure(source, workdir, size)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
