"""Switch off Nagle's algorithm on the server's listening sockets, so that each response
leaves as soon as it is written.

Streamlit binds its own socket (``socket.socket(family)``, protocol number 0), and asyncio sets
TCP_NODELAY only on connections whose socket says IPPROTO_TCP: every connection Streamlit
accepts keeps Nagle's algorithm. On a kept-alive connection, a response written in two parts
(its head, then its body) then waits for the browser's delayed acknowledgement of the first
part, 40 ms on Linux. A page load fetches about 90 files, most over kept-alive connections;
on this machine three in four waited those 40 ms (bench/results.md). Linux copies TCP_NODELAY
from a listening socket to each connection it accepts, so setting it once on the listening
socket covers them all. Streamlit imports dashboard/server.py after binding its socket and
before serving, which is when server.py calls this.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

# Where a process lists its open file descriptors: Linux, then the BSDs and macOS.
DESCRIPTOR_FOLDERS = (Path("/proc/self/fd"), Path("/dev/fd"))


def set_nodelay_on_listening_sockets() -> int:
    """Set TCP_NODELAY on every TCP socket this process listens on; return how many there
    were (0 where the process cannot list its descriptors)."""
    folder = next((f for f in DESCRIPTOR_FOLDERS if f.is_dir()), None)
    if folder is None:
        return 0
    found = 0
    for name in os.listdir(folder):
        sock = _socket_of(int(name))
        if sock is None:
            continue
        with sock:  # a duplicate descriptor: closing it leaves the server's own open
            if _listens_on_tcp(sock):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                found += 1
    return found


def _socket_of(descriptor: int) -> socket.socket | None:
    """A socket object over a duplicate of ``descriptor``, or None when it is not a socket
    (or was closed meanwhile)."""
    try:
        duplicate = os.dup(descriptor)
    except OSError:
        return None
    try:
        return socket.socket(fileno=duplicate)
    except OSError:
        os.close(duplicate)
        return None


def _listens_on_tcp(sock: socket.socket) -> bool:
    try:
        return (
            sock.family in (socket.AF_INET, socket.AF_INET6)
            and sock.type == socket.SOCK_STREAM
            and sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN) == 1
        )
    except OSError:
        return False
