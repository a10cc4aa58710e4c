"""A slow job run in the background of a preview, one run at a time, at low CPU priority.

`mkdocs serve` rebuilds the site each time an editor saves. Indexing the site
for search takes far longer than rebuilding the few pages an edit touches, so
the preview runs it here instead of making the editor wait: `request()` returns
at once; a request made while the job runs makes it run once more afterwards
(any number of such requests make one run), so the last run always sees the
latest site.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

LOW_PRIORITY = 10
"""The `nice` value of the worker (and of the processes it starts), so that rebuilds come first."""


class BackgroundJob:
    """Runs `job` in a worker thread when requested; `on_error` receives what `job` raises."""

    def __init__(
        self, job: Callable[[], None], *, name: str, on_error: Callable[[BaseException], None] | None = None
    ) -> None:
        self._job = job
        self._on_error = on_error
        self._name = name
        self._condition = threading.Condition()
        self._pending = False
        self._running = False
        self._stopped = False
        self._thread: threading.Thread | None = None
        self.runs = 0
        """How many runs have finished (for tests and logs)."""

    def request(self) -> None:
        """Run the job soon; returns at once."""
        with self._condition:
            if self._stopped:
                return
            self._pending = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name=self._name, daemon=True)
                self._thread.start()
            self._condition.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until no run is pending or running; False if `timeout` seconds passed first."""
        with self._condition:
            return self._condition.wait_for(lambda: not (self._pending or self._running), timeout)

    def stop(self) -> None:
        """No more runs: a run under way finishes, requests are ignored."""
        with self._condition:
            self._stopped = True
            self._pending = False
            self._condition.notify_all()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def _work(self) -> None:
        _lower_priority_of_this_thread()
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._pending or self._stopped)
                if self._stopped:
                    self._condition.notify_all()
                    return
                self._pending, self._running = False, True
            try:
                self._job()
            except Exception as error:
                if self._on_error is not None:
                    self._on_error(error)
            finally:
                with self._condition:
                    self._running = False
                    self.runs += 1
                    self._condition.notify_all()


def _lower_priority_of_this_thread() -> None:
    """On Linux `nice` is per thread, and processes this thread starts inherit it."""
    if sys.platform != "linux":
        return
    thread = threading.get_native_id()
    try:
        if os.getpriority(os.PRIO_PROCESS, thread) < LOW_PRIORITY:
            os.setpriority(os.PRIO_PROCESS, thread, LOW_PRIORITY)
    except OSError:
        pass
