"""Work on every core: each source is cleaned, and each page made and rendered, on its own,
so a large build forks worker processes that each take a share and report back.

Fork, not spawn: a worker starts with what it works on already in memory (shared, copy on
write) instead of receiving it pickled. Results travel back pickled through a pipe and are
put back in item order, so the output never depends on which process made what.
"""

from __future__ import annotations

import os
import pickle
import traceback
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

ITEMS_PER_WORKER = 100  # below this a worker costs more to start than it saves


class WorkerFailed(RuntimeError):
    pass


def worker_count(wanted: int, items: int) -> int:
    """How many processes to use: as many as wanted, but never one with too little to do."""
    return max(1, min(wanted, items // ITEMS_PER_WORKER))


def map_forked(work: Callable[[Item], Result], items: Sequence[Item], processes: int) -> list[Result]:
    """[work(item) for item in items], shared among `processes` (this one included) by
    taking every n-th item, which mixes large pages and small ones in every share."""
    if processes <= 1 or not hasattr(os, "fork"):
        return [work(item) for item in items]
    children = [_fork_worker(work, items[index::processes]) for index in range(1, processes)]
    shares = [[work(item) for item in items[0::processes]]]
    shares += [_collect(pid, pipe) for pid, pipe in children]
    results: list = [None] * len(items)
    for index, share in enumerate(shares):
        results[index::processes] = share
    return results


def _fork_worker(work: Callable[[Item], Result], share: Sequence[Item]) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    os.close(read)  # the worker, from here to os._exit: it never returns into Pelican
    try:
        payload = pickle.dumps((True, [work(item) for item in share]))
    except BaseException:
        payload = pickle.dumps((False, traceback.format_exc()))
    with os.fdopen(write, "wb") as pipe:
        pipe.write(payload)
    os._exit(0)


def _collect(pid: int, pipe: int) -> list:
    with os.fdopen(pipe, "rb") as stream:
        data = stream.read()  # before waiting: a worker blocks until its pipe is read
    _, status = os.waitpid(pid, 0)
    if not data or os.waitstatus_to_exitcode(status) != 0:
        raise WorkerFailed(f"a worker ended without its results (exit status {status})")
    finished, value = pickle.loads(data)
    if not finished:
        raise WorkerFailed(f"a worker failed:\n{value}")
    return value
