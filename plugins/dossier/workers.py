"""Work on every core: each source is cleaned, and each page made and rendered, on its own,
so a large build forks worker processes that each take a share and report back.

Fork, not spawn: a worker starts with what it works on already in memory (shared, copy on
write) instead of receiving it pickled. Results travel back pickled through a file and are
put back in item order, so the output never depends on which process made what.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import tempfile
import traceback
from typing import BinaryIO, Callable, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

ITEMS_PER_WORKER = 100  # below this a worker costs more to start than it saves
FINISHED = None  # what a worker writes after its last result; a failed one writes its traceback


class WorkerFailed(RuntimeError):
    pass


def worker_count(wanted: int, items: int) -> int:
    """How many processes to use: as many as wanted, but never one with too little to do."""
    return max(1, min(wanted, items // ITEMS_PER_WORKER))


def map_forked(work: Callable[[Item], Result], items: Sequence[Item], processes: int) -> list[Result]:
    """[work(item) for item in items], shared among `processes` (this one included). Each
    process takes the next item no process has taken whenever it is free, so however unequal
    the items, or the processes' speed (a forked worker pays for every page of memory it
    writes to), none waits long for the others at the end."""
    if processes <= 1 or not hasattr(os, "fork"):
        return [work(item) for item in items]
    next_item = multiprocessing.Value("q", 0)  # shared memory, inherited by the forked workers

    def taken() -> Iterator[tuple[int, Result]]:
        """(index, result) of each item this process takes."""
        while True:
            with next_item.get_lock():
                index = next_item.value
                next_item.value += 1
            if index >= len(items):
                return
            yield index, work(items[index])

    children = [_fork_worker(taken) for _ in range(1, processes)]
    try:
        done = list(taken())
    except BaseException:
        for pid, output in children:  # nobody will read their results: stop them
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            output.close()
        raise
    for pid, output in children:
        done += _collect(pid, output)
    results: list = [None] * len(items)
    for index, result in done:
        results[index] = result
    return results


def _fork_worker(taken: Callable[[], Iterator[tuple[int, Result]]]) -> tuple[int, BinaryIO]:
    # A file, not a pipe: the worker writes each result as it goes, never waiting to be read.
    output = tempfile.TemporaryFile()
    pid = os.fork()
    if pid:
        return pid, output
    try:  # the worker, from here to os._exit: it never returns into Pelican
        for entry in taken():
            pickle.dump(entry, output, pickle.HIGHEST_PROTOCOL)
        pickle.dump(FINISHED, output)
    except BaseException:
        pickle.dump(traceback.format_exc(), output)
    output.flush()  # os._exit does not
    os._exit(0)


def _collect(pid: int, output: BinaryIO) -> list:
    """The (index, result) entries a worker wrote, once it has ended."""
    _, status = os.waitpid(pid, 0)
    output.seek(0)
    entries = []
    with output:
        while True:
            try:
                entry = pickle.load(output)
            except EOFError:
                raise WorkerFailed(f"a worker ended without its results (exit status {status})") from None
            if entry is FINISHED:
                return entries
            if isinstance(entry, str):
                raise WorkerFailed(f"a worker failed:\n{entry}")
            entries.append(entry)
