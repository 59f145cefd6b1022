"""Worker processes: ``ordered_map`` over forked workers and over a process pool.

Forked workers (``vnnews._forked``) run where ``os.fork`` exists, but not on
macOS, and the parent has no other thread; a process pool runs otherwise.  Both must keep
input order, bound what they read ahead, pass on a worker's exception, say
when a worker dies, and leave no process behind.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from itertools import count, islice
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews import _batch
from vnnews._batch import WINDOW_PER_JOB, WorkerError, ordered_map

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forked workers need os.fork")


def doubled(chunk: list[int]) -> list[int]:
    return [item * 2 for item in chunk]


def long_texts(chunk: list[bytes]) -> list[str]:
    """A result of megabytes for each input of megabytes: both pipes fill at once."""
    return [item.decode() * 2 for item in chunk]


def fail_on_13(chunk: list[int]) -> list[int]:
    if 13 in chunk:
        msg = "thirteen"
        raise ValueError(msg)
    return chunk


class Unpicklable(Exception):  # noqa: N818 - named for what it is in the test
    def __reduce__(self) -> str | tuple[object, ...]:
        msg = "no pickling"
        raise TypeError(msg)


def fail_unpicklably(chunk: list[int]) -> list[int]:
    if 5 in chunk:
        raise Unpicklable("five")
    return chunk


def die_on_7(chunk: list[int]) -> list[int]:
    if 7 in chunk:
        os.kill(os.getpid(), signal.SIGKILL)
    return chunk


def children() -> set[int]:
    """This process's children, running or not yet waited for, from ``/proc`` (Linux)."""
    found: set[int] = set()
    me = os.getpid()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == me:  # state, then parent id
            found.add(int(stat.parent.name))
    return found


@pytest.fixture
def one_thread() -> Iterator[None]:
    """Forked workers need a parent with no other thread; check that it has none.

    Afterwards no worker may be left, running or unreaped (the children are
    those there were before: other tests may leave some of their own), and
    no pipe left open.
    """
    assert threading.active_count() == 1, "another thread runs: ordered_map would not fork"
    before = children()
    open_files = sorted(Path("/proc/self/fd").iterdir())
    yield
    assert children() <= before
    assert sorted(Path("/proc/self/fd").iterdir()) == open_files


@settings(max_examples=25)
@given(
    st.lists(st.integers(), max_size=400),
    st.integers(min_value=2, max_value=3),
    st.integers(min_value=1, max_value=50),
)
def test_forked_results_come_in_input_order(items: list[int], jobs: int, chunk: int) -> None:
    before = children()
    assert list(ordered_map(doubled, items, jobs=jobs, chunk=chunk)) == doubled(items)
    assert children() <= before


@pytest.mark.usefixtures("one_thread")
def test_megabytes_each_way_do_not_deadlock() -> None:
    items = [bytes([65 + number]) * 1_500_000 for number in range(6)]
    results = list(ordered_map(long_texts, items, jobs=2, chunk=1))
    assert results == long_texts(items)


@pytest.mark.usefixtures("one_thread")
def test_reading_ahead_is_bounded() -> None:
    taken = 0

    def numbers() -> Iterator[int]:
        nonlocal taken
        for number in count():
            taken += 1
            yield number

    jobs, chunk = 2, 4
    first = list(islice(ordered_map(doubled, numbers(), jobs=jobs, chunk=chunk), 10))
    assert first == [number * 2 for number in range(10)]
    # The window, and the chunks held back to find the end of the input.
    assert taken <= 10 + (jobs * WINDOW_PER_JOB + jobs + 1) * chunk


@pytest.mark.usefixtures("one_thread")
def test_an_exception_in_a_worker_is_raised_with_its_traceback() -> None:
    results = ordered_map(fail_on_13, range(40), jobs=2, chunk=4)
    with pytest.raises(ValueError, match="thirteen") as info:
        list(results)
    notes = "".join(getattr(info.value, "__notes__", []))
    assert "raised in a worker process" in notes
    assert "fail_on_13" in notes


@pytest.mark.usefixtures("one_thread")
def test_an_exception_that_does_not_pickle_arrives_as_its_text() -> None:
    with pytest.raises(RuntimeError, match="Unpicklable: five"):
        list(ordered_map(fail_unpicklably, range(20), jobs=2, chunk=2))


@pytest.mark.usefixtures("one_thread")
def test_a_killed_worker_raises_worker_error() -> None:
    received: list[int] = []
    with pytest.raises(WorkerError, match="killed by SIGKILL"):
        received.extend(ordered_map(die_on_7, range(40), jobs=2, chunk=2))
    assert received == list(range(len(received)))
    assert len(received) <= 6


@pytest.mark.usefixtures("one_thread")
def test_closing_early_stops_the_workers() -> None:
    results = ordered_map(doubled, count(), jobs=2, chunk=8)
    assert next(results) == 0
    results.close()


@pytest.mark.usefixtures("one_thread")
def test_warm_up_runs_once_in_the_parent() -> None:
    calls = []
    results = ordered_map(doubled, range(50), jobs=2, chunk=5, warm_up=lambda: calls.append(1))
    assert list(results) == doubled(list(range(50)))
    assert calls == [1]


def test_with_another_thread_a_process_pool_does_the_work() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not _batch._can_fork()  # noqa: SLF001
        # ``sorted`` is importable by a fresh interpreter, as the pool needs.
        order: Callable[[list[Any]], list[Any]] = sorted
        items = list(range(100))
        assert list(ordered_map(order, items, jobs=2, chunk=7)) == items
        with pytest.raises(TypeError):
            list(ordered_map(order, [1, "a"], jobs=2, chunk=16))
    finally:
        stop.set()
        thread.join()


@pytest.mark.usefixtures("one_thread")
def test_a_worker_that_cannot_start_raises_worker_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    with pytest.raises(WorkerError, match="cannot start a worker process: Resource temporarily"):
        list(ordered_map(doubled, range(40), jobs=2, chunk=4))


def test_macos_gets_a_process_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _batch._can_fork() == (threading.active_count() == 1)  # noqa: SLF001
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not _batch._can_fork()  # noqa: SLF001
