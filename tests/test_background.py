"""A preview's slow after-build work runs in the background, one run at a time.

`BackgroundJob.request()` returns at once; requests made while a run is under way
make exactly one more run; errors go to `on_error`; after `stop()` nothing more runs.
"""

from __future__ import annotations

import os
import sys
import threading

import pytest

from shangliang.preview.background import LOW_PRIORITY, BackgroundJob


class Gate:
    """A job that blocks until released, counting its runs."""

    def __init__(self) -> None:
        self.started = threading.Semaphore(0)
        self.release = threading.Event()
        self.runs = 0

    def __call__(self) -> None:
        self.runs += 1
        self.started.release()
        assert self.release.wait(10)


def test_a_request_returns_while_the_job_runs() -> None:
    gate = Gate()
    job = BackgroundJob(gate, name="test")
    job.request()
    assert gate.started.acquire(timeout=10), "the job started"
    assert not job.wait(timeout=0.1), "and is still running: request() did not wait for it"
    gate.release.set()
    assert job.wait(timeout=10)
    assert gate.runs == 1


def test_requests_during_a_run_make_one_more_run() -> None:
    gate = Gate()
    job = BackgroundJob(gate, name="test")
    job.request()
    assert gate.started.acquire(timeout=10)
    for _ in range(5):
        job.request()
    gate.release.set()
    assert job.wait(timeout=10)
    assert gate.runs == 2
    assert job.runs == 2


def test_an_error_is_reported_and_later_runs_still_happen() -> None:
    errors: list[BaseException] = []
    outcomes = iter([RuntimeError("Pagefind failed"), None])

    def job() -> None:
        error = next(outcomes)
        if error is not None:
            raise error

    background = BackgroundJob(job, name="test", on_error=errors.append)
    background.request()
    assert background.wait(timeout=10)
    background.request()
    assert background.wait(timeout=10)
    assert [str(error) for error in errors] == ["Pagefind failed"]
    assert background.runs == 2


def test_after_stop_nothing_more_runs() -> None:
    gate = Gate()
    job = BackgroundJob(gate, name="test")
    job.request()
    assert gate.started.acquire(timeout=10)
    job.request()
    job.stop()
    gate.release.set()
    assert job.wait(timeout=10)
    job.request()
    assert job.wait(timeout=10)
    assert gate.runs == 1, "the run under way finished; the pending and later requests were dropped"


@pytest.mark.skipif(sys.platform != "linux", reason="per-thread nice values are Linux's")
def test_the_job_runs_at_low_priority() -> None:
    def priority() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    before = priority()
    seen: list[int] = []
    job = BackgroundJob(lambda: seen.append(priority()), name="test")
    job.request()
    assert job.wait(timeout=10)
    assert seen and seen[0] >= LOW_PRIORITY
    assert priority() == before, "the build's own thread keeps its priority"
