"""Xvfb for a benchmark, and a watcher that sees another process's window appear and paint.

Plain ctypes over libX11 and libXdamage (no extra Python package): the watcher listens on
the root window for new top-level windows, puts a DAMAGE monitor on each as it is created,
and reports when the first one is mapped and when something is first drawn into it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import struct
import subprocess
import time
from types import TracebackType

CREATE_NOTIFY = 16
MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
DAMAGE_REPORT_RAW_RECTANGLES = 0
_EVENT_LONGS = 24  # sizeof(XEvent) / sizeof(long)


def start_xvfb(timeout: float = 10.0) -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb on a display it picks itself (-displayfd); returns (process, ":N")."""
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    text = b""
    deadline = time.monotonic() + timeout
    try:  # Xvfb writes "N" and "\n" separately, and dies if the pipe closes in between
        while not text.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_end, 64) if ready else b""
            if ready and not chunk:
                break
            text += chunk
    finally:
        os.close(read_end)
    number = text.decode().strip()
    if not number.isdigit():
        process.kill()
        raise RuntimeError("Xvfb did not start")
    return process, f":{number}"


_ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _ignore(display: int | None, event: int | None) -> int:
    return 0  # a watched window may vanish before our request reaches the server


_ignore_errors = _ErrorHandler(_ignore)


def _load(name: str, fallback: str) -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library(name) or fallback)


class XWatcher:
    def __init__(self, display: str) -> None:
        x11 = _load("X11", "libX11.so.6")
        damage = _load("Xdamage", "libXdamage.so.1")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        for name in ("XConnectionNumber", "XPending", "XFlush", "XCloseDisplay"):
            getattr(x11, name).argtypes = [ctypes.c_void_p]
        x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        x11.XSetErrorHandler.argtypes = [_ErrorHandler]
        int_p = ctypes.POINTER(ctypes.c_int)
        pointers: list[type[ctypes.c_void_p] | type[ctypes._Pointer[ctypes.c_int]]]
        pointers = [ctypes.c_void_p, int_p, int_p]
        damage.XDamageQueryExtension.argtypes = pointers
        damage.XDamageQueryVersion.argtypes = pointers
        damage.XDamageCreate.restype = ctypes.c_ulong
        damage.XDamageCreate.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int]
        self._x11, self._damage = x11, damage
        x11.XSetErrorHandler(_ignore_errors)
        self._display = x11.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display}")
        base, error = ctypes.c_int(), ctypes.c_int()
        major, minor = ctypes.c_int(1), ctypes.c_int(1)
        if not damage.XDamageQueryExtension(self._display, ctypes.byref(base), ctypes.byref(error)):
            raise RuntimeError("the X server has no DAMAGE extension")
        damage.XDamageQueryVersion(self._display, ctypes.byref(major), ctypes.byref(minor))
        self._damage_notify = base.value
        root = x11.XDefaultRootWindow(self._display)
        x11.XSelectInput(self._display, root, SUBSTRUCTURE_NOTIFY_MASK)
        x11.XFlush(self._display)
        self._fd = x11.XConnectionNumber(self._display)
        self._event = (ctypes.c_long * _EVENT_LONGS)()

    def __enter__(self) -> XWatcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._x11.XCloseDisplay(self._display)

    def _next(self) -> tuple[int, bytes]:
        self._x11.XNextEvent(self._display, self._event)
        raw = bytes(self._event)
        return struct.unpack_from("i", raw, 0)[0], raw

    def drain(self) -> None:
        """Forget the events of earlier windows."""
        while self._x11.XPending(self._display):
            self._next()

    def wait_for_first_paint(self, deadline: float) -> tuple[float | None, float | None]:
        """perf_counter times of the first top-level map and of the first drawing into that
        window; (t, None) when it was mapped but not drawn into before `deadline`."""
        watched: set[int] = set()
        mapped_window: int | None = None
        mapped_at: float | None = None
        while time.perf_counter() < deadline:
            while self._x11.XPending(self._display):
                kind, raw = self._next()
                now = time.perf_counter()
                if kind == CREATE_NOTIFY:
                    window, override = struct.unpack_from("L", raw, 40)[0], raw[68]
                    if not override:
                        watched.add(window)
                        self._damage.XDamageCreate(
                            self._display, window, DAMAGE_REPORT_RAW_RECTANGLES
                        )
                        self._x11.XFlush(self._display)
                elif kind == MAP_NOTIFY and mapped_window is None:
                    window, override = struct.unpack_from("L", raw, 40)[0], raw[48]
                    if not override:
                        mapped_window, mapped_at = window, now
                elif (
                    kind == self._damage_notify
                    and mapped_window is not None
                    and struct.unpack_from("L", raw, 32)[0] == mapped_window
                ):
                    return mapped_at, now
            select.select([self._fd], [], [], max(0.0, min(0.05, deadline - time.perf_counter())))
        return mapped_at, None
