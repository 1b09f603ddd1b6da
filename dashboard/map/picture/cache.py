"""Pictures already drawn, kept for the next reader who asks for the same one (a link in a
report is followed many times): least recently used first out, bounded by count and by bytes,
so a replica's memory stays within its budget whatever is asked for."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class PictureCache:
    """A bounded least-recently-used map of keys to files, safe to share between the worker
    threads that answer requests. Two requests for a picture not yet kept may both draw it;
    the second simply replaces the first."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._files: OrderedDict[Hashable, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.builds = 0  # how many files were drawn rather than found

    def get_or_build(self, key: Hashable, build: Callable[[], bytes]) -> bytes:
        """The file under ``key``, drawn by ``build`` only when it is not kept."""
        with self._lock:
            if key in self._files:
                self._files.move_to_end(key)
                return self._files[key]
        body = build()
        with self._lock:
            self.builds += 1
            if key in self._files:
                self._bytes -= len(self._files.pop(key))
            if len(body) <= self.max_bytes:
                self._files[key] = body
                self._bytes += len(body)
            while len(self._files) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._files.popitem(last=False)
                self._bytes -= len(dropped)
        return body

    def __len__(self) -> int:
        with self._lock:
            return len(self._files)

    @property
    def size(self) -> int:
        """The bytes kept."""
        with self._lock:
            return self._bytes
