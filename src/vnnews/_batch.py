"""Running a function over a stream of items in worker processes, in order.

:func:`ordered_map` keeps a bounded window of chunks in flight, so memory
stays constant however long the stream, and yields results in input order.
Its workers are forked (``_forked``) where that is safe, else a process pool.
:class:`Progress` draws a one-line progress bar on a terminal.  Nothing here
knows about articles; the command line (``_cli``) supplies the work.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from itertools import islice
from typing import IO, TYPE_CHECKING, Final, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["Progress", "WorkerError", "default_jobs", "ordered_map"]

_T = TypeVar("_T")
_R = TypeVar("_R")

#: Chunks in flight per worker: enough to keep every worker busy while the
#: parent writes, few enough that memory does not grow with the input.
WINDOW_PER_JOB: Final = 4


def default_jobs() -> int:
    """The CPUs this process may run on (all cores when that cannot be told)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


class WorkerError(RuntimeError):
    """A worker process could not start, or stopped before it sent back its results.

    The operating system refused a new process, or killed a worker (memory
    ran out, say); the message says which.  The results before the lost
    chunks were yielded already; none after them are.
    """


def quiet_worker() -> None:
    """Leave Ctrl-C to the parent, which stops the workers and exits with 130."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _can_fork() -> bool:
    """Whether workers may be forked from this process: POSIX but not macOS, no other thread.

    Forking a process that runs threads is unsafe (a lock held by another
    thread stays held in the child for ever).  On macOS, system libraries may
    run threads that Python does not see, which is why Python itself stopped
    forking there by default (3.8).
    """
    return hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _tapered_chunks(items: Iterable[_T], size: int, *, ahead: int) -> Iterator[list[_T]]:
    """Lists of ``size`` items, but the last ``ahead`` lists' worth in lists of ``size // 8``.

    Big chunks cost the parent less (each is one round trip to a worker);
    small ones at the end keep every worker busy until the last article,
    instead of one finishing a big chunk alone.  The end is seen by reading
    ``ahead`` chunks in advance.
    """
    it = iter(items)
    held: deque[list[_T]] = deque()
    while len(chunk := list(islice(it, size))) == size:
        held.append(chunk)
        if len(held) > ahead:
            yield held.popleft()
    rest = [item for part in held for item in part]
    rest += chunk
    yield from _chunks(rest, max(size // 8, 1))


def ordered_map(
    func: Callable[[list[_T]], list[_R]],
    items: Iterable[_T],
    *,
    jobs: int,
    chunk: int,
    warm_up: Callable[[], object] | None = None,
) -> Generator[_R]:
    """Yield the results of ``func`` over chunks of ``items``, flattened, in input order.

    ``jobs`` worker processes each run ``func`` (a module-level function, or
    a picklable callable) on one list of ``chunk`` items at a time (the last
    few lists are shorter, so that the workers finish together); at most
    ``jobs * WINDOW_PER_JOB`` chunks are read ahead.  With ``jobs == 1``
    everything runs in this process.  Closing the generator (or an exception
    in the consumer) stops the workers.  An exception raised by ``func`` is
    raised here, with the worker's traceback as a note; a worker that dies
    raises :class:`WorkerError`.

    On Linux and other POSIX systems but macOS, from a process with no other
    thread, workers are forked and inherit its state: ``warm_up`` (if given)
    runs here first, so that caches it fills are filled once, not once per
    worker, and the objects made so far are frozen out of the garbage
    collector (:func:`gc.freeze`), so that collections in the workers do not
    copy the pages they live on.
    Elsewhere the workers are a :class:`~concurrent.futures.ProcessPoolExecutor`
    (``forkserver`` or ``spawn``), which import what ``func`` needs afresh.
    """
    if jobs <= 1:
        for part in _chunks(items, chunk):
            yield from func(part)
        return
    chunks = _tapered_chunks(items, chunk, ahead=jobs)
    if not _can_fork():
        yield from _pool_map(func, chunks, jobs=jobs)
        return
    from ._forked import forked_map  # noqa: PLC0415 - imports what one job does not need

    if warm_up is not None:
        warm_up()
    gc.freeze()
    try:
        yield from forked_map(func, chunks, jobs=jobs)
    finally:
        gc.unfreeze()


def _pool_map(
    func: Callable[[list[_T]], list[_R]], chunks: Iterator[list[_T]], *, jobs: int
) -> Iterator[_R]:
    """:func:`ordered_map` over a process pool, where workers cannot be forked."""
    # Imported here: most runs never need them, and they take 10 ms to import.
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pending: deque[Future[list[_R]]] = deque()
    window = jobs * WINDOW_PER_JOB
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=quiet_worker)
    try:
        for part in chunks:
            pending.append(pool.submit(func, part))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool as exc:
        msg = f"a worker process stopped ({exc}); the results end before the inputs it held"
        raise WorkerError(msg) from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


class Progress:
    """A one-line progress bar on a terminal: count/total, rate and ETA.

    ``total`` may be unknown at first: :meth:`count_in_background` counts the
    inputs in a daemon thread while the work goes on.  The line is redrawn at
    most every ``interval`` seconds; :meth:`clear` removes it (before an error
    message, and at the end).
    """

    def __init__(self, stream: IO[str], *, interval: float = 0.1) -> None:
        self.stream = stream
        self.interval = interval
        self.done = 0
        self.failed = 0
        self.total: int | None = None
        self.started = time.monotonic()
        self._drawn_at = -interval
        self._shown = False
        self._counter: threading.Thread | None = None

    def count_in_background(self, count: Callable[[], int]) -> None:
        """Set :attr:`total` from ``count()``, run in a daemon thread (started once)."""
        if self._counter is not None:
            return

        def run() -> None:
            try:
                self.total = count()
            except OSError:  # the work itself reports unreadable inputs
                return

        self._counter = threading.Thread(target=run, name="vnnews-count", daemon=True)
        self._counter.start()

    def update(self, *, failed: bool) -> None:
        """Count one finished input and redraw the line if ``interval`` has passed."""
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if now - self._drawn_at >= self.interval:
            self._drawn_at = now
            self._draw(now)

    def line(self, now: float) -> str:
        """The text of the bar: ``1234/5000 articles, 2 failed, 310/s, ETA 00:12``."""
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        total = self.total
        parts = [f"{self.done}/{total if total is not None else '?'} articles"]
        if self.failed:
            parts.append(f"{self.failed} failed")
        parts.append(f"{rate:.0f}/s")
        if total is not None and rate > 0:
            parts.append(f"ETA {_clock(max(total - self.done, 0) / rate)}")
        return ", ".join(parts)

    def _draw(self, now: float) -> None:
        self.stream.write(f"\r\x1b[K{self.line(now)}")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Remove the line, so that the next text starts at the left margin."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
            self._drawn_at = -self.interval  # redraw at the next update
