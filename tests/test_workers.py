"""Pages made on several processes (plugins/dossier/workers.py): the same results, in order,
and the same site, as on one."""

import logging
import os
import time

import pytest
from pelican import signals

from dossier import generator, workers
from dossier.workers import WorkerFailed, map_forked, worker_count
from tests.conftest import build_site, output_files


def test_results_come_back_in_item_order_from_every_worker():
    def work(n: int) -> tuple[int, int]:
        time.sleep(0.2)  # long enough for every worker to start and take items
        return n * n, os.getpid()

    results = map_forked(work, list(range(12)), 3)
    assert [square for square, _ in results] == [n * n for n in range(12)]
    workers_seen = {pid for _, pid in results}
    assert len(workers_seen) == 3 and os.getpid() not in workers_seen  # this process only waits


def test_each_result_is_received_here_as_it_arrives_while_the_workers_go_on():
    """What the build does with a result (unpickling a stage's values) is not left until the
    last worker ends."""
    arrivals = []

    def work(n: int) -> float:
        time.sleep(0.1)
        return time.monotonic()  # when it was made

    def receive(made: float) -> tuple[float, int]:
        arrivals.append(time.monotonic())
        return made, os.getpid()

    results = map_forked(work, list(range(10)), 2, receive=receive)
    assert {pid for _, pid in results} == {os.getpid()}
    assert min(arrivals) < max(made for made, _ in results)  # the first came before the last was made
    assert len(arrivals) == 10


@pytest.mark.parametrize("processes", [1, 2])
def test_this_process_does_its_own_work_meanwhile(processes):
    """The data files are made here while the workers render pages; with no workers, first."""
    ran_here = []

    def work(n: int) -> float:
        time.sleep(0.2)
        return time.monotonic()  # when it was made

    def meanwhile() -> None:
        started = time.monotonic()
        time.sleep(0.3)
        ran_here.append((os.getpid(), started, time.monotonic()))

    made = map_forked(work, list(range(4)), processes, meanwhile=meanwhile)
    [(pid, started, ended)] = ran_here
    assert pid == os.getpid()
    if processes == 1:
        assert ended < min(made)
    else:
        assert started < min(made) < ended  # the workers worked while this process did


def test_a_result_larger_than_any_buffer_comes_back_whole():
    results = map_forked(lambda n: bytes([n]) * 3_000_000, list(range(4)), 2)
    assert results == [bytes([n]) * 3_000_000 for n in range(4)]


def test_a_worker_that_failed_and_ended_is_not_signalled(tmp_path, monkeypatch):
    """Once reaped, its pid may be another process's."""
    signalled = []
    real_kill = os.kill
    monkeypatch.setattr(os, "kill", lambda pid, signal: (signalled.append(pid), real_kill(pid, signal)))

    def work(n: int) -> int:
        if n == 0:
            (tmp_path / str(os.getpid())).touch()
            raise ValueError("the first item is broken")
        time.sleep(0.05)
        return n

    with pytest.raises(WorkerFailed, match="first item is broken"):
        map_forked(work, list(range(100)), 2, meanwhile=lambda: time.sleep(0.5))  # it has ended by the first look
    [failed] = [int(path.name) for path in tmp_path.iterdir()]
    assert failed not in signalled


def test_a_worker_that_is_free_takes_the_next_item():
    def work(n: int) -> int:
        time.sleep(1.5 if n == 0 else 0.01)  # the first item is slow
        return os.getpid()

    takers = map_forked(work, list(range(20)), 2)
    assert takers.count(takers[0]) == 1  # whoever took it, the other took all the rest


def test_a_failing_worker_fails_the_build_with_its_traceback_and_stops_the_others(tmp_path):
    def work(n: int) -> int:
        (tmp_path / str(os.getpid())).touch()
        if n == 3:
            raise ValueError("page 3 is broken")
        time.sleep(0.01)
        return n

    with pytest.raises(WorkerFailed, match="page 3 is broken"):
        map_forked(work, list(range(1000)), 2)
    for worker in (int(path.name) for path in tmp_path.iterdir()):
        with pytest.raises(ChildProcessError):
            os.waitpid(worker, os.WNOHANG)  # ended and reaped: no process is left behind


def test_a_worker_is_started_only_for_a_real_share_of_the_work():
    assert worker_count(4, 50) == 1
    assert worker_count(4, 250) == 2
    assert worker_count(2, 10_000) == 2
    assert worker_count(0, 10_000) == 1


def test_a_site_made_on_three_processes_is_the_site_made_on_one(tmp_path, monkeypatch):
    alone = output_files(build_site(tmp_path / "one", DOSSIER_SEARCH=False, DOSSIER_WORKERS=1))
    monkeypatch.setattr(workers, "ITEMS_PER_WORKER", 1)  # the seed site is small
    assert output_files(build_site(tmp_path / "three", DOSSIER_SEARCH=False, DOSSIER_WORKERS=3)) == alone


def test_a_page_half_written_when_the_build_fails_is_not_left_to_be_published(tmp_path, monkeypatch):
    """Here the build process fails making a data file while the workers are in the middle of
    writing pages: they are stopped, and their pages' unfinished files removed."""
    build = os.getpid()
    real_islice = generator.islice

    def stuck_on_a_worker(pieces, count):
        if os.getpid() != build:
            time.sleep(30)  # its page's file open, nothing written yet: until killed
        return real_islice(pieces, count)

    def fail_later(self, recipe):
        time.sleep(0.5)  # the workers have started their first pages
        raise OSError(f"cannot write {recipe.save_as}")

    monkeypatch.setattr(workers, "ITEMS_PER_WORKER", 1)  # the seed site is small
    monkeypatch.setattr(generator, "islice", stuck_on_a_worker)
    monkeypatch.setattr(generator.DossierGenerator, "make_file", fail_later)
    with pytest.raises(OSError, match="cannot write"):
        build_site(tmp_path / "site", DOSSIER_SEARCH=False, DOSSIER_WORKERS=2)
    assert not list((tmp_path / "site").rglob("*.partial"))


def test_a_worker_that_cannot_write_its_results_fails_the_build_and_ends(monkeypatch):
    monkeypatch.setattr(workers.tempfile, "TemporaryFile", lambda: open("/dev/full", "w+b"))  # every write fails
    with pytest.raises(WorkerFailed, match="without its results"):
        map_forked(lambda n: n, list(range(10)), 2)  # a worker that went on with the build would run the tests twice


def test_what_a_worker_logs_is_handled_by_the_build_process(caplog):
    """Once, here: what the strict build counts, and what the editor sees."""

    def work(n: int) -> int:
        logging.getLogger("pelican.somewhere").warning("page %d: a warning", n)
        return os.getpid()

    with caplog.at_level(logging.WARNING):
        takers = map_forked(work, list(range(250)), 2)
    assert os.getpid() not in takers
    assert sorted(record.getMessage() for record in caplog.records) == sorted(f"page {n}: a warning" for n in range(250))
    assert {record.name for record in caplog.records} == {"pelican.somewhere"}


def test_a_warning_logged_on_a_worker_fails_the_strict_build(tmp_path, monkeypatch):
    """A Pelican warning while a page is written (here from a plugin's content_written
    receiver) counts wherever the page was made."""
    build = os.getpid()

    def on_a_worker_warn(path: str, context: dict) -> None:
        if os.getpid() != build and path.endswith("about.html"):
            logging.getLogger("pelican.plugins.other").warning("%s: something is off", path)

    monkeypatch.setattr(workers, "ITEMS_PER_WORKER", 1)  # the seed site is small
    signals.content_written.connect(on_a_worker_warn)
    try:
        with pytest.raises(SystemExit) as failed:
            build_site(tmp_path / "site", DOSSIER_SEARCH=False, DOSSIER_WORKERS=2, DOSSIER_STRICT=True)
    finally:
        signals.content_written.disconnect(on_a_worker_warn)
    assert failed.value.code == 1


def test_a_warning_logged_alike_on_two_workers_is_shown_once_and_fails_nothing(caplog):
    """Pelican's loggers drop a message already logged by raising from their filter; the second
    worker's copy must not stop the build. A record's odd `extra` travels as far as it can."""

    class Odd:
        def __reduce__(self):
            return (int, ("not a number",))  # pickles, but cannot be unpickled

    def work(n: int) -> int:
        logging.getLogger("pelican.plugins.twice").warning("the same warning", extra={"odd": Odd(), "page": n})
        time.sleep(0.3)  # long enough for both workers to start and take items
        return os.getpid()

    with caplog.at_level(logging.WARNING):
        takers = map_forked(work, list(range(4)), 2)
    assert len(set(takers)) == 2  # both logged it
    assert [record.getMessage() for record in caplog.records] == ["the same warning"]
