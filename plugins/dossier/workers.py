"""Work on every core: each source is cleaned, linked and dated, and each page made and
rendered, on its own, so a large build forks worker processes that each take a share and
report back.

Fork, not spawn: a worker starts with what it works on already in memory (shared, copy on
write) instead of receiving it pickled. Results travel back pickled through a file and are
put back in item order, so the output never depends on which process made what. A worker's
log records travel the same way, and the build process handles them as its own once the
worker has ended (in the order workers end, not item order): a warning logged while a page is
made is shown once, and counted by the strict build like any other.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
import tempfile
import time
import traceback
from logging.handlers import QueueHandler
from typing import BinaryIO, Callable, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

ITEMS_PER_WORKER = 100  # below this a worker costs more to start than it saves
WAIT_STEP = 0.01  # seconds between looks at which workers have ended
FINISHED = None  # what a worker writes after its last result; a failed one writes its traceback
PLAIN = (str, int, float, bool, type(None))  # what of a log record a worker sends


class WorkerFailed(RuntimeError):
    pass


def worker_count(wanted: int, items: int) -> int:
    """How many processes to use: as many as wanted, but never one with too little to do."""
    return max(1, min(wanted, items // ITEMS_PER_WORKER))


def map_forked(work: Callable[[Item], Result], items: Sequence[Item], processes: int) -> list[Result]:
    """[work(item) for item in items], shared among `processes` forked workers while this
    process waits: its memory stays as it was, and it is the one that goes on with the build.
    Each worker takes the next item no worker has taken whenever it is free, so however unequal
    the items, or the workers' speed, none waits long for the others at the end."""
    if processes <= 1 or not hasattr(os, "fork"):
        return [work(item) for item in items]
    try:
        next_item = multiprocessing.Value("q", 0)  # shared memory, inherited by the forked workers
    except OSError:  # no POSIX semaphores here (no /dev/shm): one process it is
        return [work(item) for item in items]

    def taken() -> Iterator[tuple[int, Result]]:
        """(index, result) of each item this worker takes."""
        while True:
            with next_item.get_lock():
                index = next_item.value
                next_item.value += 1
            if index >= len(items):
                return
            yield index, work(items[index])

    running: dict[int, BinaryIO] = {}  # pid -> its results file, of each worker not yet reaped
    done = []
    try:
        for _ in range(processes):
            pid, output = _fork_worker(taken)
            running[pid] = output
        while running:  # in the order they end: a failure stops the build at once
            for pid in list(running):
                ended, status = os.waitpid(pid, os.WNOHANG)
                if ended:
                    done += _results(running.pop(pid), status)
            time.sleep(WAIT_STEP if running else 0)
    except BaseException:
        for pid, output in running.items():  # a worker failed, or the build was stopped: stop the rest
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            output.close()
        raise
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
    status = 1
    try:  # the worker, from here to os._exit: whatever happens, it never returns into Pelican
        logging.getLogger().handlers = [QueueHandler(_RecordsTo(output))]  # not printed here: sent
        try:
            for entry in taken():
                output.write(pickle.dumps(entry, pickle.HIGHEST_PROTOCOL))  # whole, or not at all
            output.write(pickle.dumps(FINISHED))
            status = 0
        except BaseException:
            output.write(pickle.dumps(traceback.format_exc()))
        output.flush()  # os._exit does not
    finally:
        os._exit(status)


class _RecordsTo:
    """The queue a worker's QueueHandler puts each log record in: the worker's results file.
    The handler has formatted the message (and any traceback) into it already; of the rest,
    only plain values go, so that the record always pickles and unpickles."""

    def __init__(self, output: BinaryIO) -> None:
        self.output = output

    def put_nowait(self, record: logging.LogRecord) -> None:
        plain = {name: value for name, value in vars(record).items() if isinstance(value, PLAIN)}
        self.output.write(pickle.dumps(logging.makeLogRecord(plain), pickle.HIGHEST_PROTOCOL))


def _results(output: BinaryIO, status: int) -> list:
    """The (index, result) entries an ended worker wrote; its log records are handled here."""
    output.seek(0)
    entries = []
    with output:
        while True:
            try:
                entry = pickle.load(output)
            except Exception:  # the worker ended before writing all (killed, or its disk full)
                raise WorkerFailed(f"a worker ended without its results (exit status {status})") from None
            if entry is FINISHED:
                return entries
            if isinstance(entry, str):
                raise WorkerFailed(f"a worker failed:\n{entry}")
            if isinstance(entry, logging.LogRecord):
                with contextlib.suppress(Exception):  # a filter refused it: Pelican's raise (a repeat)
                    logging.getLogger(entry.name).handle(entry)
                continue
            entries.append(entry)
