"""Pages made on several processes (plugins/dossier/workers.py): the same results, in order,
and the same site, as on one."""

import os

import pytest

from dossier import workers
from dossier.workers import WorkerFailed, map_forked, worker_count
from tests.conftest import build_site, output_files


def test_results_come_back_in_item_order_from_every_process():
    results = map_forked(lambda n: (n * n, os.getpid()), list(range(10)), 3)
    assert [square for square, _ in results] == [n * n for n in range(10)]
    assert len({pid for _, pid in results}) == 3


def test_a_failing_worker_fails_the_build_with_its_traceback():
    def work(n: int) -> int:
        if n == 3:
            raise ValueError("page 3 is broken")
        return n

    with pytest.raises(WorkerFailed, match="page 3 is broken"):
        map_forked(work, list(range(6)), 2)


def test_a_worker_is_started_only_for_a_real_share_of_the_work():
    assert worker_count(4, 50) == 1
    assert worker_count(4, 250) == 2
    assert worker_count(2, 10_000) == 2
    assert worker_count(0, 10_000) == 1


def test_a_site_made_on_three_processes_is_the_site_made_on_one(tmp_path, monkeypatch):
    alone = output_files(build_site(tmp_path / "one", DOSSIER_SEARCH=False, DOSSIER_WORKERS=1))
    monkeypatch.setattr(workers, "ITEMS_PER_WORKER", 1)  # the seed site is small
    assert output_files(build_site(tmp_path / "three", DOSSIER_SEARCH=False, DOSSIER_WORKERS=3)) == alone
