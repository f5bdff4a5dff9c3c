"""An ordered, bounded map over worker processes: how mining uses more than one core.

Mining a large corpus is CPU-bound Python, so threads do not help; processes do. Each worker
is set up once (``initializer``) and then handles whole chunks, so its caches (dictionary
lookups, pinyin, the aligner's priors) warm once and stay warm. Results come back in input
order, which is what makes a parallel run give exactly the serial run's output. At most
``window`` chunks are in flight, so a streamed corpus is never read ahead of the workers:
memory stays bounded by a few chunks, whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["WorkerPool", "default_workers", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Worker processes to use: ``TUTOR_WORKERS`` if set, else the usable cores (at most 2
    per run by default, so one `tutor mine` leaves a shared machine some room)."""
    env = os.environ.get("TUTOR_WORKERS", "").strip()
    if env.isdigit():
        return max(1, int(env))
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(2, cores))


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the parent's loaded dictionary and segmenter copy-on-write, so workers start
    # warm; it is only safe while this process runs a single thread (a UI worker thread, for
    # example, could hold a lock the child would inherit), otherwise start fresh processes.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _quiet_worker(initializer: Callable[..., None] | None, *initargs: Any) -> None:
    # Ctrl-C reaches the whole process group: let the parent alone decide to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


class WorkerPool:
    """Worker processes set up once, for one or more ordered maps in turn.

    Mining uses the same warm workers first to tally chunks of pairs, then to build the
    entries: their dictionary, segmenter and readings are loaded and cached already.
    """

    def __init__(
        self,
        workers: int,
        *,
        initializer: Callable[..., None] | None = None,
        initargs: tuple[Any, ...] = (),
    ) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_context(),
            initializer=_quiet_worker,
            initargs=(initializer, *initargs),
        )

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], window: int | None = None
    ) -> Iterator[R]:
        """``map(fn, items)`` over the workers, results in input order.

        ``fn``, the items and the results must pickle (``fn`` a module-level function). At most
        ``window`` items (default twice the workers) are submitted and not yet yielded.
        """
        window = window or 2 * self.workers
        pending: deque[Future[R]] = deque()
        try:
            for item in items:
                pending.append(self._pool.submit(fn, item))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    window: int | None = None,
) -> Iterator[R]:
    """``map(fn, items)`` over ``workers`` processes, results in input order.

    ``fn``, the items and the results must pickle (``fn`` a module-level function).
    ``initializer(*initargs)`` runs once in each worker before its first item. At most
    ``window`` items (default twice the workers) are submitted and not yet yielded.
    """
    with WorkerPool(workers, initializer=initializer, initargs=initargs) as pool:
        yield from pool.map(fn, items, window)
