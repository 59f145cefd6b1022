"""Worker processes forked from this one, fed chunks through pipes.

This is how :func:`vnnews._batch.ordered_map` runs on Linux (and POSIX
systems other than macOS) when the parent has no other thread.  A worker
starts with everything the parent imported and cached, so it costs a
``fork`` and no imports; the parent runs one loop, with no helper threads,
and does little more than move bytes.

Each worker has two pipes: chunks go down one and results come back up the
other, each message an 8-byte length and a pickle.  The parent never blocks
on a pipe: it writes and reads only what a selector says is ready, so
neither side can wait for the other for ever.  A worker blocks on its own
pipes only, and the result pipe is made large (on Linux) so that it seldom
waits for the parent to read.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import selectors
import signal
import struct
from collections.abc import Callable, Iterator
from typing import Final, NoReturn, TypeVar, cast

from ._batch import WINDOW_PER_JOB, WorkerError, quiet_worker

__all__ = ["forked_map"]

_T = TypeVar("_T")
_R = TypeVar("_R")

_HEADER: Final = struct.Struct("<Q")
#: Chunks sent to one worker and not answered yet: one to work on, one ready.
QUEUED_PER_WORKER: Final = 2
#: What a result pipe holds, about six chunks of JSON Lines (Linux only).
_PIPE_SIZE: Final = 1 << 20
#: ``fcntl.F_SETPIPE_SZ``, spelled out for type checkers on other systems.
_F_SETPIPE_SZ: Final = 1031


def _message(obj: object) -> bytes:
    body = pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(body)) + body


def _failure(index: int, exc: Exception) -> bytes:
    """The message saying that the chunk ``index`` raised ``exc``, with the traceback."""
    import traceback  # noqa: PLC0415 - only a failing worker needs it

    where = "".join(traceback.format_exception(exc)).rstrip()
    try:
        return _message((index, False, (exc, where)))
    except Exception:  # noqa: BLE001 - the exception does not pickle: send its text
        return _message((index, False, (RuntimeError(f"{type(exc).__name__}: {exc}"), where)))


def _serve(func: Callable[[list[_T]], list[_R]], tasks: int, results: int) -> None:
    """A worker's life: answer each ``(index, chunk)`` until the parent closes the pipe."""
    with open(tasks, "rb") as inbox, open(results, "wb", buffering=0) as outbox:
        while header := inbox.read(_HEADER.size):
            (size,) = _HEADER.unpack(header)
            index, part = pickle.loads(inbox.read(size))  # noqa: S301 - from our parent
            try:
                reply = _message((index, True, func(part)))
            except Exception as exc:  # noqa: BLE001 - raised in the parent
                reply = _failure(index, exc)
            outbox.write(reply)


class _Worker:
    """The parent's side of one worker: its pipes and what is in transit."""

    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid = pid  # 0 once reaped
        self.tasks = tasks  # write end, non-blocking
        self.results = results  # read end, non-blocking
        self.outbox = bytearray()  # messages not written to the pipe yet
        self.inbox = bytearray()  # bytes read that do not make a whole message yet
        self.queued = 0  # chunks sent and not answered
        self.writing = False  # whether the selector watches ``tasks``

    def messages(self) -> Iterator[tuple[int, bool, object]]:
        """Take the whole messages out of :attr:`inbox`."""
        inbox = self.inbox
        start = 0
        while len(inbox) - start >= _HEADER.size:
            (size,) = _HEADER.unpack_from(inbox, start)
            end = start + _HEADER.size + size
            if len(inbox) < end:
                break
            with memoryview(inbox) as view:
                message = pickle.loads(view[start + _HEADER.size : end])  # noqa: S301 - ours
            self.queued -= 1
            start = end
            yield message
        del inbox[:start]

    def reap(self) -> str:
        """Wait for the worker to end; say how it ended."""
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if os.WIFSIGNALED(status):
            number = os.WTERMSIG(status)
            try:
                return f"killed by {signal.Signals(number).name}"
            except ValueError:
                return f"killed by signal {number}"
        return f"exit status {os.waitstatus_to_exitcode(status)}"


def _fork(func: Callable[[list[_T]], list[_R]], others: list[_Worker]) -> _Worker:
    """Start one worker; ``others`` are those already started, whose pipes it must not hold."""
    tasks_read, tasks_write = os.pipe()
    results_read, results_write = os.pipe()
    with contextlib.suppress(OSError):  # not Linux, or a lower limit: the default size
        import fcntl  # noqa: PLC0415 - POSIX only

        fcntl.fcntl(results_write, _F_SETPIPE_SZ, _PIPE_SIZE)
    try:
        pid = os.fork()
    except OSError as exc:  # too many processes, say
        for fd in (tasks_read, tasks_write, results_read, results_write):
            os.close(fd)
        msg = f"cannot start a worker process: {exc.strerror or exc}"
        raise WorkerError(msg) from exc
    if pid == 0:  # the worker: it never returns, nor runs the parent's exit handlers
        status = 1
        try:
            quiet_worker()
            for fd in (tasks_write, results_read, *(w.tasks for w in others)):
                os.close(fd)
            for other in others:
                os.close(other.results)
            _serve(func, tasks_read, results_write)
            status = 0
        finally:
            os._exit(status)
    os.close(tasks_read)
    os.close(results_write)
    os.set_blocking(tasks_write, False)
    os.set_blocking(results_read, False)
    return _Worker(pid, tasks_write, results_read)


def _send(worker: _Worker, selector: selectors.BaseSelector) -> None:
    """Write what the pipe takes of ``worker``'s outbox; watch the pipe while some is left."""
    if worker.outbox:
        try:
            written = os.write(worker.tasks, worker.outbox)
        except BlockingIOError:
            written = 0
        except BrokenPipeError:  # the worker is gone; reading its results says how
            written = len(worker.outbox)
        del worker.outbox[:written]
    waiting = bool(worker.outbox)
    if waiting and not worker.writing:
        selector.register(worker.tasks, selectors.EVENT_WRITE, worker)
    elif worker.writing and not waiting:
        selector.unregister(worker.tasks)
    worker.writing = waiting


def _receive(worker: _Worker, done: dict[int, tuple[bool, object]]) -> None:
    """Read what ``worker`` sent; file each whole result under its chunk's index."""
    try:
        data = os.read(worker.results, _PIPE_SIZE)
    except BlockingIOError:
        return
    if not data:
        msg = (
            f"a worker process stopped ({worker.reap()}) before it finished its work;"
            " the results end before the inputs it held"
        )
        raise WorkerError(msg)
    worker.inbox += data
    for index, ok, value in worker.messages():
        done[index] = (ok, value)


def _raise(value: object) -> NoReturn:
    exc, where = cast("tuple[Exception, str]", value)  # as _failure sends it
    exc.add_note(f"raised in a worker process:\n{where}")
    raise exc


def forked_map(
    func: Callable[[list[_T]], list[_R]], chunks: Iterator[list[_T]], *, jobs: int
) -> Iterator[_R]:
    """Yield ``func(chunk)`` for each chunk, flattened, in order, from ``jobs`` forked workers.

    At most ``jobs * WINDOW_PER_JOB`` chunks are in flight or waiting for
    their turn.  Closing the generator, or any exception, stops the workers
    (with ``SIGTERM``, so that none finishes a chunk nobody will read).
    """
    workers: list[_Worker] = []
    finished = False
    try:
        for _ in range(jobs):
            workers.append(_fork(func, workers))
        with selectors.DefaultSelector() as selector:
            for worker in workers:
                selector.register(worker.results, selectors.EVENT_READ, worker)
            yield from _run(workers, chunks, selector, window=jobs * WINDOW_PER_JOB)
        finished = True
    finally:
        _stop(workers, kill=not finished)


def _run(
    workers: list[_Worker],
    chunks: Iterator[list[_T]],
    selector: selectors.BaseSelector,
    *,
    window: int,
) -> Iterator[_R]:
    done: dict[int, tuple[bool, object]] = {}
    sent = yielded = 0
    more = True
    while True:
        for worker in workers:  # hand out chunks, as far as the window allows
            while more and worker.queued < QUEUED_PER_WORKER and sent - yielded < window:
                part = next(chunks, None)
                if part is None:
                    more = False
                    break
                worker.outbox += _message((sent, part))
                worker.queued += 1
                sent += 1
            _send(worker, selector)
        if yielded == sent and not more:
            return
        if yielded not in done:  # wait for the workers; hand out again after
            for key, _ in selector.select():
                worker = key.data
                if key.fd == worker.results:
                    _receive(worker, done)
                else:
                    _send(worker, selector)
            continue
        while yielded in done:
            ok, value = done.pop(yielded)
            yielded += 1
            if not ok:
                _raise(value)
            yield from value  # type: ignore[misc] # the list func returned


def _stop(workers: list[_Worker], *, kill: bool) -> None:
    """Close the pipes and wait for every worker; with ``kill``, end them first."""
    for worker in workers:
        os.close(worker.tasks)  # an idle worker sees the end of its input and exits
        if kill and worker.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker.pid, signal.SIGTERM)
    for worker in workers:
        os.close(worker.results)  # a worker still writing gets EPIPE and exits
        if worker.pid:
            worker.reap()
