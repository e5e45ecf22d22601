"""Work on every core: each source is cleaned, linked and dated, and each page made and
rendered, on its own, so a large build forks worker processes that each take a share and
report back.

Fork, not spawn: a worker starts with what it works on already in memory (shared, copy on
write) instead of receiving it pickled. Results travel back pickled through a file, which
the build process reads as they arrive (its own share of the work, such as unpickling them,
is done while the workers go on), and are put back in item order, so the output never
depends on which process made what. A worker's log records travel the same way, and the
build process handles them as its own as they arrive (not in item order): a warning logged
while a page is made is shown once, and counted by the strict build like any other.
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
from typing import Any, BinaryIO, Callable, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

ITEMS_PER_WORKER = 100  # below this a worker costs more to start than it saves
WAIT_STEP = 0.01  # seconds between looks at what the workers have sent, when nothing came
FINISHED = None  # what a worker writes after its last result; a failed one writes its traceback
PLAIN = (str, int, float, bool, type(None))  # what of a log record a worker sends
LENGTH_BYTES = 8  # of the length written before each entry a worker sends


class WorkerFailed(RuntimeError):
    pass


def _as_it_is(result: Result) -> Result:
    return result


def nothing() -> None:
    """What a process does meanwhile (map_forked) when it has nothing of its own to do."""


def worker_count(wanted: int, items: int) -> int:
    """How many processes to use: as many as wanted, but never one with too little to do."""
    return max(1, min(wanted, items // ITEMS_PER_WORKER))


def map_forked(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    processes: int,
    receive: Callable[[Result], Any] = _as_it_is,
    meanwhile: Callable[[], None] = nothing,
) -> list:
    """[receive(work(item)) for item in items], the work shared among `processes` forked
    workers while this process receives their results: its memory stays as it was, and it is
    the one that goes on with the build. Each worker takes the next item no worker has taken
    whenever it is free, so however unequal the items, or the workers' speed, none waits long
    for the others at the end. `receive` runs here, on each result as it arrives; `meanwhile`
    here too, once the workers have started (first, when there are none)."""
    if processes <= 1 or not hasattr(os, "fork"):
        return _in_this_process(work, items, receive, meanwhile)
    try:
        next_item = multiprocessing.Value("q", 0)  # shared memory, inherited by the forked workers
    except OSError:  # no POSIX semaphores here (no /dev/shm): one process it is
        return _in_this_process(work, items, receive, meanwhile)

    def taken() -> Iterator[tuple[int, Result]]:
        """(index, result) of each item this worker takes."""
        while True:
            with next_item.get_lock():
                index = next_item.value
                next_item.value += 1
            if index >= len(items):
                return
            yield index, work(items[index])

    running: dict[int, _Sent] = {}  # pid -> what it sent, of each worker not yet reaped
    received: list[tuple[int, Any]] = []
    try:
        for _ in range(processes):
            pid, output = _fork_worker(taken)
            running[pid] = _Sent(output)
        meanwhile()
        while running:
            arrived = False
            for pid, sent in list(running.items()):
                ended, status = os.waitpid(pid, os.WNOHANG)  # first: then all it wrote is there to read
                if ended:  # in the order they end: a failure stops the build at once
                    del running[pid]  # reaped: never killed below, where its pid may be another process's
                try:
                    arrived |= sent.read(receive, received)
                finally:
                    if ended:
                        sent.output.close()
                if ended and not sent.finished:  # killed, or its disk full
                    raise WorkerFailed(f"a worker ended without its results (exit status {status})")
            if running and not arrived:
                time.sleep(WAIT_STEP)
    except BaseException:
        for pid, sent in running.items():  # a worker failed, or the build was stopped: stop the rest
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            sent.output.close()
        raise
    results: list = [None] * len(items)
    for index, result in received:
        results[index] = result
    return results


def _in_this_process(work: Callable[[Item], Result], items: Sequence[Item], receive: Callable[[Result], Any], meanwhile: Callable[[], None]) -> list:
    meanwhile()
    return [receive(work(item)) for item in items]


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
                _send(output, entry)
            _send(output, FINISHED)
            status = 0
        except BaseException:
            _send(output, traceback.format_exc())
    finally:
        os._exit(status)


def _send(output: BinaryIO, entry: object) -> None:
    """One entry, its length first, in one write (which the file's lock keeps whole, whatever
    else in the worker writes), and flushed: the build process reads it while this worker goes
    on, and only once all of it is written."""
    data = pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)
    output.write(len(data).to_bytes(LENGTH_BYTES, "little") + data)
    output.flush()


class _RecordsTo:
    """The queue a worker's QueueHandler puts each log record in: the worker's results file.
    The handler has formatted the message (and any traceback) into it already; of the rest,
    only plain values go, so that the record always pickles and unpickles."""

    def __init__(self, output: BinaryIO) -> None:
        self.output = output

    def put_nowait(self, record: logging.LogRecord) -> None:
        plain = {name: value for name, value in vars(record).items() if isinstance(value, PLAIN)}
        _send(self.output, logging.makeLogRecord(plain))


class _Sent:
    """What one worker has written to its results file, read as far as it has been written.
    The worker writes at the file's offset, which this process shares (one open file, forked):
    reads here go by their own offset (os.pread) and leave it alone."""

    def __init__(self, output: BinaryIO) -> None:
        self.output = output
        self.read_to = 0
        self.finished = False

    def read(self, receive: Callable[[Any], Any], received: list[tuple[int, Any]]) -> bool:
        """Handles each entry written whole since the last read: (index, receive(result)) to
        `received`, log records as this process's own. Whether there was any."""
        descriptor = self.output.fileno()
        size = os.fstat(descriptor).st_size
        before = self.read_to
        while not self.finished and self.read_to + LENGTH_BYTES <= size:
            length = int.from_bytes(os.pread(descriptor, LENGTH_BYTES, self.read_to), "little")
            if self.read_to + LENGTH_BYTES + length > size:
                break  # still being written
            try:
                data = os.pread(descriptor, length, self.read_to + LENGTH_BYTES)
                if len(data) < length:  # one read gives at most 2 GiB
                    raise ValueError(f"{length} bytes, too many to read at once")
                entry = pickle.loads(data)
            except Exception as exc:
                raise WorkerFailed(f"a worker sent what cannot be read ({exc})") from None
            self.read_to += LENGTH_BYTES + length
            if entry is FINISHED:
                self.finished = True
            elif isinstance(entry, str):
                raise WorkerFailed(f"a worker failed:\n{entry}")
            elif isinstance(entry, logging.LogRecord):
                with contextlib.suppress(Exception):  # a filter refused it: Pelican's raise (a repeat)
                    logging.getLogger(entry.name).handle(entry)
            else:
                index, result = entry
                received.append((index, receive(result)))
        return self.read_to > before
