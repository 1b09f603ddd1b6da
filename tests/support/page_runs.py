"""What a page's WebSockets bring: how many script runs have finished on each of them (read
from Streamlit's own messages), so a test can wait for the run a reconnect starts, or count
the runs one action costs."""

from __future__ import annotations

import time

from playwright.sync_api import Page, WebSocket
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


class PageRuns:
    """Counts the whole-page runs that finish on each WebSocket the page opens, from now on,
    and every run (whole or of a fragment) in ``runs``."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.finished: list[int] = []
        self.runs = 0
        page.on("websocket", self._watch)

    def _watch(self, socket: WebSocket) -> None:
        index = len(self.finished)
        self.finished.append(0)
        socket.on("framereceived", lambda payload: self._frame(index, payload))

    def _frame(self, index: int, payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        if message.WhichOneof("type") != "script_finished":
            return
        if message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
            self.finished[index] += 1
            self.runs += 1
        elif message.script_finished in (
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
            ForwardMsg.FINISHED_EARLY_FOR_RERUN,  # a run cut short to start another
        ):
            self.runs += 1

    def wait_for_a_whole_run_on_a_new_socket(self, timeout_s: float = 40.0) -> None:
        """Until a WebSocket opened since this watch began has finished a whole-page run."""
        deadline = time.monotonic() + timeout_s
        while not any(self.finished):
            if time.monotonic() > deadline:
                raise AssertionError(f"no whole run on a new socket in {timeout_s} s")
            self.page.wait_for_timeout(200)
