"""Peak memory and progress of `tutor mine` on one huge line and on many lines.

    python bench/stream_memory.py [--mb 50] [--lines 200000] [--only line|lines] [--timeout S]

Builds its inputs at run time from ../shared/corpora (the sources of bench/mine_100k.py:
Tatoeba, Bible CUV/KJV, WMT20; read here, never copied into the repo) in a temporary folder:

* ``line.tsv``: one row ``zh<TAB>en`` of about ``--mb`` MB, the corpus pairs in shuffled
  order (repeated as often as needed), Chinese joined as Chinese is, English with spaces. A
  TSV row is what a single huge line of bilingual text naturally is: in the paragraph layout
  a line holds one language, so a one-line file has nothing to pair.
* ``lines.tsv``: ``--lines`` rows, one corpus pair each (shuffled, repeated).

Each runs as ``tutor mine FILE --deck bench`` in a fresh wrapper process with stderr
redirected to a file (not a terminal), so the peak resident size (getrusage ``ru_maxrss`` of
the children: the largest single process, the CLI or one of its workers) and CPU seconds
(user + system, workers included) are that run's alone; the summed resident size of the
process tree is sampled too. The stderr file is polled every 0.1 s to time each progress line
as it appears; the largest gap (from the start, between lines, to the end) is printed with the
load average before and after.
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
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mine_100k import CORPORA, _tree_rss, source_pairs  # noqa: E402

_MEASURE = (
    "import json, resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "with open(sys.argv[1], 'w') as err:\n"
    "    p = subprocess.Popen(sys.argv[3:], stdout=subprocess.DEVNULL, stderr=err)\n"
    "    print(p.pid, flush=True)\n"
    "    try:\n"
    "        rc = p.wait(timeout=float(sys.argv[2]))\n"
    "    except subprocess.TimeoutExpired:\n"
    "        p.kill()\n"
    "        rc = 'timeout'\n"
    "        p.wait()\n"
    "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'rc': rc, 'wall': time.perf_counter() - t,\n"
    "                  'cpu': r.ru_utime + r.ru_stime, 'rss_mb': r.ru_maxrss / 1024}))\n"
)


def build_line(path: Path, megabytes: float) -> int:
    """One ``zh<TAB>en`` row of about ``megabytes`` MB; returns its size in bytes."""
    rows = source_pairs()
    rng = random.Random(0)
    target = int(megabytes * 1_000_000)
    zh: list[str] = []
    en: list[str] = []
    size = 0
    while size < target:
        batch = rows[:]
        rng.shuffle(batch)
        for z, e in batch:
            zh.append(z)
            en.append(e)
            size += len(z.encode()) + len(e.encode()) + 1
            if size >= target:
                break
    with path.open("w", encoding="utf-8") as out:
        out.write("".join(zh))
        out.write("\t")
        out.write(" ".join(en))
        out.write("\n")
    return path.stat().st_size


def build_lines(path: Path, n: int) -> int:
    """``n`` rows ``zh<TAB>en``, the corpus pairs shuffled and repeated."""
    rows = source_pairs()
    rng = random.Random(0)
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < n:
            batch = rows[:]
            rng.shuffle(batch)
            for z, e in batch[: n - written]:
                out.write(f"{z}\t{e}\n")
            written += min(len(batch), n - written)
    return path.stat().st_size


_PROGRESS = re.compile(r"tutor: (?:checked|read|mined) ")


def _watch(err: Path, started: float, stop: threading.Event, seen: list[float]) -> None:
    """Time each new progress line of ``err`` (``tutor: checked|read|mined ...``) as it
    appears."""
    count = 0
    while not stop.wait(0.1):
        try:
            text = err.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        lines = [line for line in text.splitlines() if _PROGRESS.match(line)]
        for _ in lines[count:]:
            seen.append(time.perf_counter() - started)
        count = len(lines)


def measure(source: Path, folder: Path, timeout: float) -> dict[str, object]:
    exe = Path(sys.executable).with_name("tutor")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "tutor.cli"]
    err = folder / f"{source.stem}.stderr"
    err.write_text("")
    env = dict(os.environ, TUTOR_DB=str(folder / f"{source.stem}.db"))
    env.setdefault("TUTOR_CACHE", "/tmp/cache-stream")
    stop = threading.Event()
    seen: list[float] = []
    peak = 0
    started = time.perf_counter()
    wrapper = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _MEASURE,
            str(err),
            str(timeout),
            *cmd,
            "mine",
            str(source),
            "--deck",
            "bench",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert wrapper.stdout is not None
    pid = int(wrapper.stdout.readline())
    watcher = threading.Thread(target=_watch, args=(err, started, stop, seen), daemon=True)
    watcher.start()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = wrapper.stdout.read()
    wrapper.wait()
    time.sleep(0.2)  # one last look at the stderr file
    stop.set()
    watcher.join()
    sampler.join()
    result: dict[str, object] = json.loads(out)
    wall = float(result["wall"])  # type: ignore[arg-type]
    marks = [0.0, *seen, wall]
    result["progress_lines"] = len(seen)
    result["max_gap"] = max(b - a for a, b in zip(marks, marks[1:], strict=False))
    result["tree_mb"] = peak / 2**20
    result["stderr"] = err.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return result


def report(name: str, size: int, m: dict[str, object]) -> None:
    mb = size / 1_000_000
    rss = float(m["rss_mb"])  # type: ignore[arg-type]
    print(f"{name}: {mb:.1f} MB input, exit {m['rc']}")
    print(
        f"  peak {rss:.0f} MB largest process ({rss / (size / 2**20):.1f}x input),"
        f" {float(m['tree_mb']):.0f} MB process tree (sampled)"  # type: ignore[arg-type]
    )
    print(f"  CPU {float(m['cpu']):.1f} s, wall {float(m['wall']):.1f} s")  # type: ignore[arg-type]
    print(
        f"  progress lines on stderr: {m['progress_lines']},"
        f" largest gap {float(m['max_gap']):.1f} s (start to first, between, last to end)"  # type: ignore[arg-type]
    )
    lines = m["stderr"]
    assert isinstance(lines, list)
    for line in lines[:2] + (["..."] if len(lines) > 4 else []) + lines[-2:]:
        print(f"    | {line[:160]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=50.0, help="size of the one-line file")
    ap.add_argument("--lines", type=int, default=200_000, help="rows of the many-line file")
    ap.add_argument("--only", choices=("line", "lines"), help="run one of the two")
    ap.add_argument("--timeout", type=float, default=3600.0, help="kill a run after S seconds")
    args = ap.parse_args()
    if not CORPORA.is_dir():
        print(f"needs {CORPORA}", file=sys.stderr)
        return 1
    folder = Path(tempfile.mkdtemp(prefix="stream-bench-"))
    try:
        runs = []
        if args.only in (None, "line"):
            runs.append(("one line", folder / "line.tsv", lambda p: build_line(p, args.mb)))
        if args.only in (None, "lines"):
            runs.append(
                (
                    f"{args.lines:,} lines",
                    folder / "lines.tsv",
                    lambda p: build_lines(p, args.lines),
                )
            )
        for name, path, make in runs:
            size = make(path)
            load = os.getloadavg()
            m = measure(path, folder, args.timeout)
            report(name, size, m)
            after = os.getloadavg()[0]
            print(f"  load average {load[0]:.2f} before, {after:.2f} after (1-minute, 2 cores)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
