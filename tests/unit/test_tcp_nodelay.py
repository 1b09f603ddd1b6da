"""dashboard/tcp_nodelay.py: a listening socket bound as Streamlit binds its own gets
TCP_NODELAY, and so does every connection it accepts; other sockets are left as they are."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from streamlit.web.server.starlette import starlette_server

from dashboard.tcp_nodelay import DESCRIPTOR_FOLDERS, set_nodelay_on_listening_sockets


def _nodelay(sock: socket.socket) -> bool:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    # As Streamlit binds its socket: the family alone, so the protocol number is 0.
    sock = socket.socket(socket.AF_INET)
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    with sock:
        yield sock


def test_streamlit_still_binds_without_nodelay() -> None:
    # The reason for dashboard/tcp_nodelay.py: once this fails, Streamlit sets the option
    # itself and the module can go.
    sock = starlette_server._bind_socket("127.0.0.1", 0, 4)
    with sock:
        assert sock.proto == 0
        assert not _nodelay(sock)


def test_the_listening_socket_and_its_connections_get_nodelay(listener: socket.socket) -> None:
    assert not _nodelay(listener)
    assert set_nodelay_on_listening_sockets() >= 1
    assert _nodelay(listener)
    with socket.create_connection(listener.getsockname()) as client:
        accepted, _ = listener.accept()
        with accepted:
            assert _nodelay(accepted)
        assert not _nodelay(client)  # a connection, not a listener: left as it was


def test_no_descriptor_is_left_open(listener: socket.socket) -> None:
    # Each socket is looked at through a duplicate descriptor, closed afterwards.
    set_nodelay_on_listening_sockets()
    before = _open_descriptors()
    for _ in range(20):
        set_nodelay_on_listening_sockets()
    assert _open_descriptors() == before


def _open_descriptors() -> int:
    return len(list(DESCRIPTOR_FOLDERS[0].iterdir()))
