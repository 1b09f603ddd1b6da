"""One Streamlit session spoken over the app's own WebSocket, with Streamlit's message
definitions (``streamlit.proto``): what the page's front end sends and receives, without a
browser. The soak uses it to put many readers on the replicas at the cost of a few protobuf
messages each, where a Chromium page costs a share of a core.

It does what the front end does: it opens ``/_stcore/stream`` with the ``streamlit``
subprotocol and the XSRF token from the cookie the server set, asks for a script run with the
page's query string and every widget's value, keeps the elements each run sends by their place
in the page, follows the address the app writes (``page_info_changed``), and keeps each
widget's value as the server last set it. It sees what the server sends, not what a browser
draws: the map's frame applying a state (about 90 ms, see bench/results.md) is not in its times.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from google.protobuf.message import Message
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

FINISHED = ForwardMsg.ScriptFinishedStatus
# The run ends in one of these; FINISHED_EARLY_FOR_RERUN means another run follows at once.
SETTLED = {
    FINISHED.FINISHED_SUCCESSFULLY,
    FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    FINISHED.FINISHED_WITH_COMPILE_ERROR,
}
WIDGET_KINDS = ("radio", "slider", "checkbox", "selectbox", "multiselect")
XSRF_COOKIE = "_streamlit_xsrf"
Path = tuple[int, ...]


class SessionError(RuntimeError):
    """The session broke: the socket closed, a run failed, or an answer did not come."""


@dataclass
class Placed:
    """An element as the page holds it: the element, and the fragment that wrote it."""

    element: Element
    fragment_id: str


@dataclass
class RunResult:
    """What one request for a run brought: how long until the last run it started ended, and
    the exceptions the page was sent."""

    seconds: float = 0.0
    exceptions: list[str] = field(default_factory=list)


def _initial_state(kind: str, widget: Message) -> WidgetState:
    """The value the front end holds for a widget when it first draws it (or when the server
    sets its value), as the widget state it sends back."""
    state = WidgetState(id=widget.id)
    if kind == "slider":
        values = widget.value if widget.set_value else widget.default
        state.double_array_value.data.extend(values)
    elif kind == "checkbox":
        state.bool_value = widget.value if widget.set_value else widget.default
    elif kind == "radio":
        options = list(widget.options)
        if widget.HasField("raw_value"):
            state.string_value = widget.raw_value
        elif options and widget.HasField("default"):
            state.string_value = options[widget.default]
    elif kind == "selectbox":
        if widget.HasField("raw_value"):
            state.string_value = widget.raw_value
    elif kind == "multiselect":
        options = list(widget.options)
        chosen = (
            list(widget.raw_values) if widget.set_value else [options[i] for i in widget.default]
        )
        state.string_array_value.data.extend(chosen)
    return state


class StreamSession:
    """A page's session on one server, over its WebSocket."""

    def __init__(self, base_url: str, cookies: Mapping[str, str], locale: str = "en-US") -> None:
        if XSRF_COOKIE not in cookies:
            raise SessionError(f"no {XSRF_COOKIE} cookie: the health check sets it first")
        self.base_url = base_url.rstrip("/")
        self.cookies = dict(cookies)
        self.locale = locale
        self.socket: ClientConnection | None = None
        self.session_id = ""
        self.script_hash = ""
        self.query_string = ""
        self.elements: dict[Path, Placed] = {}
        self.widgets: dict[str, WidgetState] = {}
        self._run_written: set[Path] = set()
        self._run_fragment = ""

    async def connect(self) -> None:
        """Open the WebSocket as the front end does: subprotocol, XSRF token, cookies, origin."""
        ws_url = "ws" + self.base_url.removeprefix("http") + "/_stcore/stream"
        self.socket = await connect(
            ws_url,
            subprotocols=["streamlit", self.cookies[XSRF_COOKIE]],  # type: ignore[list-item]
            additional_headers={
                "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
                "Origin": self.base_url,
            },
            max_size=None,
            proxy=None,
            open_timeout=30,
        )

    async def close(self) -> None:
        """Leave the page (the server ends the session)."""
        if self.socket is not None:
            await self.socket.close()

    def widget_id(self, key: str) -> str:
        """The id of the widget with this key (Streamlit's ids end with the key)."""
        for widget_id in self.widgets:
            if widget_id.endswith(f"-{key}"):
                return widget_id
        raise SessionError(f"no widget with the key {key!r} on the page")

    def find(self, kind: str) -> list[Placed]:
        """The page's elements of one kind, in page order."""
        return [
            placed
            for _, placed in sorted(self.elements.items())
            if placed.element.WhichOneof("type") == kind
        ]

    async def rerun(
        self,
        changes: Mapping[str, WidgetState] | None = None,
        fragment_id: str = "",
        timeout_s: float = 30.0,
    ) -> RunResult:
        """Ask for a run with the widgets changed as given (only that fragment, when named),
        and read until the runs it starts have ended."""
        self.widgets.update(changes or {})
        message = BackMsg()
        client = message.rerun_script
        client.query_string = self.query_string
        client.widget_states.widgets.extend(self.widgets.values())
        client.page_script_hash = self.script_hash
        client.fragment_id = fragment_id
        self._run_fragment = fragment_id
        info = client.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, self.locale
        info.url, info.is_embedded, info.color_scheme = self.base_url + "/", False, "light"
        started = time.monotonic()
        await self._send(message)
        result = RunResult()
        deadline = started + timeout_s
        while True:
            forward = await self._receive(deadline)
            status = self._apply(forward, result)
            if status is None:
                continue
            if status in SETTLED:
                result.seconds = time.monotonic() - started
                if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    raise SessionError("the script did not compile")
                return result

    async def deferred_file(self, file_id: str, timeout_s: float = 30.0) -> str:
        """Ask for a download button's file, built on demand; returns the URL to fetch."""
        message = BackMsg()
        request = message.backend_operation_request
        request.request_id = str(uuid.uuid4())
        request.session_id = self.session_id
        request.deferred_file.file_id = file_id
        await self._send(message)
        deadline = time.monotonic() + timeout_s
        while True:
            forward = await self._receive(deadline)
            if forward.WhichOneof("type") != "backend_operation_response":
                self._apply(forward, RunResult())
                continue
            answer = forward.backend_operation_response
            if answer.request_id != request.request_id:
                continue
            if answer.error_msg:
                raise SessionError(f"the download failed: {answer.error_msg}")
            return answer.deferred_file.url

    async def _send(self, message: BackMsg) -> None:
        if self.socket is None:
            raise SessionError("not connected")
        try:
            await self.socket.send(message.SerializeToString())
        except Exception as error:
            raise SessionError(f"WebSocket closed: {error}") from error

    async def _receive(self, deadline: float) -> ForwardMsg:
        if self.socket is None:
            raise SessionError("not connected")
        left = deadline - time.monotonic()
        try:
            data = await asyncio.wait_for(self.socket.recv(), timeout=max(0.0, left))
        except TimeoutError as error:
            raise SessionError("no answer in time") from error
        except Exception as error:
            raise SessionError(f"WebSocket closed: {error}") from error
        forward = ForwardMsg()
        forward.ParseFromString(data)
        return forward

    def _apply(self, forward: ForwardMsg, result: RunResult) -> int | None:
        """Take in one message; returns the run's status when it is the end of a run."""
        kind = forward.WhichOneof("type")
        if kind == "new_session":  # each run begins with one
            self.session_id = forward.new_session.initialize.session_id
            self.script_hash = forward.new_session.main_script_hash
            self._run_written = set()
        elif kind == "page_info_changed":
            self.query_string = forward.page_info_changed.query_string
        elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            path = tuple(forward.metadata.delta_path)
            element = forward.delta.new_element
            self.elements[path] = Placed(element, forward.delta.fragment_id)
            self._run_written.add(path)
            element_kind = element.WhichOneof("type")
            if element_kind == "exception":
                result.exceptions.append(f"{element.exception.type}: {element.exception.message}")
            elif element_kind in WIDGET_KINDS:
                widget = getattr(element, element_kind)
                if widget.set_value or widget.id not in self.widgets:
                    self.widgets[widget.id] = _initial_state(element_kind, widget)
        elif kind == "script_finished":
            self._clear_stale(forward.script_finished)
            return forward.script_finished
        return None

    def _clear_stale(self, status: int) -> None:
        """Forget what a finished run did not write again, as the front end does: after a whole
        run, everything it left out (and those widgets' values); after a fragment's run, what
        that fragment left out."""
        if status == FINISHED.FINISHED_SUCCESSFULLY:
            stale = [path for path in self.elements if path not in self._run_written]
        elif status == FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
            stale = [
                path
                for path, placed in self.elements.items()
                if placed.fragment_id == self._run_fragment and path not in self._run_written
            ]
        else:
            return
        for path in stale:
            del self.elements[path]
        if status == FINISHED.FINISHED_SUCCESSFULLY:
            ids = {
                getattr(getattr(p.element, p.element.WhichOneof("type") or ""), "id", None)
                for p in self.elements.values()
            }
            self.widgets = {key: state for key, state in self.widgets.items() if key in ids}
