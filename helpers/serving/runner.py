"""Run the service for the length of a ``with`` block, and stop it for sure.

:func:`serve_in_thread`
    uvicorn in a background thread of this process (a notebook, a test).
:func:`serve_in_subprocess`
    ``python -m helpers.serving`` in a child process, as in production.
:func:`wait_until_ready`
    Poll ``GET /health`` until the service answers.

Both runners bind 127.0.0.1 on a free port chosen by the operating system, start the
block once ``GET /health`` answers (or fail with a clear error), and stop the server
when the block ends, normally or by an exception: no thread or process is left behind.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from helpers._validation import check_int, check_real, check_text

__all__ = [
    "URL_LINE",
    "RunningService",
    "bound_socket",
    "serve_in_subprocess",
    "serve_in_thread",
    "wait_until_ready",
]

#: What ``python -m helpers.serving`` prints before its URL; :func:`serve_in_subprocess`
#: reads the port from that line.
URL_LINE = "RiskNet loan service on "
_URL_PATTERN = re.compile(re.escape(URL_LINE) + r"http://[^\s/]+:(\d+)")


@dataclass(frozen=True)
class RunningService:
    """Where a started service listens.

    Attributes
    ----------
    url : str
        Base URL, e.g. ``"http://127.0.0.1:41873"``.
    host : str
        The address it is bound to.
    port : int
        The port the operating system chose (or the one asked for).
    """

    url: str
    host: str
    port: int


def _health_status(host: str, port: int, timeout: float) -> int | None:
    """HTTP status of ``GET /health``, or None if nothing answers yet."""
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", "/health")
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


def wait_until_ready(host: str, port: int, *, timeout: float = 30.0,
                     alive: Callable[[], str | None] | None = None) -> None:
    """Wait until ``GET /health`` on ``host:port`` answers 200.

    Parameters
    ----------
    host : str
        The service's address.
    port : int
        Its port.
    timeout : float, default 30
        Seconds to wait at most.
    alive : callable or None
        Called between attempts; returns a message (str) if the service died, so that
        the wait stops at once with that message, else None.

    Raises
    ------
    RuntimeError
        If the service died, or did not answer within ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    pause = 0.01
    while True:
        if alive is not None and (problem := alive()):
            raise RuntimeError(f"the service on {host}:{port} stopped before it was ready: "
                               f"{problem}")
        status = _health_status(host, port, timeout=2.0)
        if status == 200:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"the service on {host}:{port} did not answer GET /health with 200 within "
                f"{timeout:g} s (last answer: {status or 'no connection'})")
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def bound_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: the system picks a free one).

    Created with ``proto=IPPROTO_TCP`` so that asyncio sets TCP_NODELAY on the
    connections it accepts: without it, a response written in two parts waits for the
    client's delayed acknowledgement, about 40 ms per request on Linux.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise OSError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    return sock


def _check_host(host: str) -> str:
    check_text(host, "host")
    return host


@contextlib.contextmanager
def serve_in_thread(app: Any, *, host: str = "127.0.0.1", port: int = 0,
                    ready_timeout: float = 30.0) -> Iterator[RunningService]:
    """Serve ``app`` with uvicorn in a background thread for the ``with`` block.

    The socket is bound before the thread starts (``port=0``: the operating system
    picks a free port), the block starts once ``GET /health`` answers, and on leaving
    the block, normally or by an exception, the server shuts down and the thread is
    joined: nothing is left running.

    Parameters
    ----------
    app : ASGI app
        Usually :func:`helpers.serving.app.create_app`'s.
    host : str, default "127.0.0.1"
        Address to bind: keep the loopback address unless the service must be reachable
        from other machines.
    port : int, default 0
        Port to bind; 0 lets the operating system choose a free one.
    ready_timeout : float, default 30
        Seconds to wait for the service to answer.

    Yields
    ------
    RunningService
        Its URL, host and port.

    Raises
    ------
    OSError
        If the address cannot be bound.
    RuntimeError
        If the service does not become ready in time.

    Examples
    --------
    >>> import json, urllib.request
    >>> from helpers.data import make_loans
    >>> from helpers.serving.app import create_app
    >>> from helpers.serving.model import train_model
    >>> app = create_app(train_model(make_loans(2_000, seed=1)))
    >>> with serve_in_thread(app) as service:
    ...     with urllib.request.urlopen(service.url + "/health") as response:
    ...         print(response.status, json.load(response)["status"])
    200 ok
    >>> any(t.name.startswith("uvicorn-") for t in threading.enumerate())
    False

    """
    import uvicorn

    host = _check_host(host)
    port = check_int(port, "port", minimum=0, maximum=65_535)
    check_real(ready_timeout, "ready_timeout", low=0.0, low_inclusive=False)
    sock = bound_socket(host, port)
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_config=None, log_level="warning", access_log=False,
                            lifespan="off", http="h11", ws="none", loop="asyncio")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                              name=f"uvicorn-{port}", daemon=True)
    thread.start()
    try:
        wait_until_ready(host, port, timeout=ready_timeout,
                         alive=lambda: None if thread.is_alive() else "its thread ended")
        yield RunningService(url=f"http://{host}:{port}", host=host, port=port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        if thread.is_alive():
            server.force_exit = True
            thread.join(timeout=5)
        sock.close()
        if thread.is_alive():  # pragma: no cover - uvicorn ignored both requests
            warnings.warn(f"the service thread on port {port} did not stop", stacklevel=3)


@contextlib.contextmanager
def serve_in_subprocess(args: Sequence[str] = (), *, host: str = "127.0.0.1",
                        ready_timeout: float = 60.0,
                        command: Sequence[str] | None = None) -> Iterator[RunningService]:
    """Run ``python -m helpers.serving`` in a child process for the ``with`` block.

    The child binds ``host`` on a port the operating system chooses (``--port 0``) and
    prints its URL; the block starts once ``GET /health`` answers. On leaving the
    block the child gets SIGTERM (uvicorn's graceful shutdown), then SIGKILL if it has
    not exited within 10 s.

    Parameters
    ----------
    args : sequence of str
        Extra command-line arguments, e.g. ``["--model", "model.skops"]``.
    host : str, default "127.0.0.1"
        Address the child binds.
    ready_timeout : float, default 60
        Seconds to wait for it to answer (it trains or loads the model first).
    command : sequence of str or None
        The whole command instead of ``[python, -m, helpers.serving, --host, HOST,
        --port, 0, *args]``; it must print the URL line and listen where it says.

    Yields
    ------
    RunningService
        Its URL, host and port.

    Raises
    ------
    RuntimeError
        If the child exits or does not answer in time; the message holds the end of its
        output.
    """
    host = _check_host(host)
    check_real(ready_timeout, "ready_timeout", low=0.0, low_inclusive=False)
    argv = list(command) if command is not None else [
        sys.executable, "-m", "helpers.serving", "--host", host, "--port", "0", *args]
    with tempfile.TemporaryFile(mode="w+b") as log:
        child = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL)

        def output() -> str:
            log.seek(0)
            text = log.read().decode("utf-8", "replace")
            return text[-2_000:]

        try:
            deadline = time.monotonic() + ready_timeout
            port = None
            while port is None:
                found = _URL_PATTERN.search(output())
                if found:
                    port = int(found.group(1))
                if port is not None:
                    break
                if child.poll() is not None:
                    raise RuntimeError(f"the service exited with code {child.returncode} "
                                       f"before it was ready; its output:\n{output()}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the service printed no URL within {ready_timeout:g} "
                                       f"s; its output:\n{output()}")
                time.sleep(0.05)
            left = max(1.0, deadline - time.monotonic())

            def alive() -> str | None:
                if child.poll() is None:
                    return None
                return f"exit code {child.returncode}; its output:\n{output()}"

            wait_until_ready(host, port, timeout=left, alive=alive)
            yield RunningService(url=f"http://{host}:{port}", host=host, port=port)
        finally:
            if child.poll() is None:
                child.terminate()
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()
