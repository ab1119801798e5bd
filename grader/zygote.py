"""A zygote: import the kernel's libraries once, fork a fresh sandboxed kernel per session.

Starting a grading kernel used to cost a new Python interpreter, ipykernel, and then the
notebook's own imports (pandas, SciPy, scikit-learn, matplotlib): about three seconds of
every submission. The zygote is a separate process that imports those once and then, for
each kernel the grader asks for, forks a child. The child enters the same sandbox as
``python -m grader.sandbox`` (:func:`grader.sandbox.enter_sandbox`: its own session and
process group, the kernel's minimal environment, resource limits, the sandbox user) and
then runs ipykernel in-process. Nothing is reused between submissions: each kernel is a
fresh fork of a process that has run no student code, and the zygote never sees a
notebook, a test or a submission.

The grader's side is :class:`Zygote` (one per grading process, started on first use) and
:class:`ZygoteProvisioner`, a jupyter_client provisioner that launches kernels through it;
interrupts, kills and liveness checks go straight to the child's process id.

Protocol: the zygote prints one JSON line ``{"ready": true}`` when its imports are done,
then reads one JSON request per line (``argv`` for the sandbox, ``cwd``, ``env``) and
answers each with ``{"pid": N}`` or ``{"error": "..."}``. End of input stops it, and its
remaining children are killed.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

#: Modules every kernel imports, plus the libraries most notebooks of the course import.
PRELOAD: tuple[str, ...] = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.debugger", "IPython",
    "grader.kernel_agent",
    "numpy", "pandas", "scipy.stats", "scipy.special", "matplotlib.pyplot",
    "sklearn.linear_model", "sklearn.metrics", "sklearn.model_selection",
    "sklearn.pipeline", "sklearn.preprocessing", "sklearn.ensemble", "sklearn.compose",
    "sklearn.impute", "helpers.data", "helpers.evaluation", "helpers.plotting",
    "helpers.testing",
)
#: Seconds to wait for the zygote's imports.
STARTUP_TIMEOUT = 120.0


# ----------------------------------------------------------------------------- zygote side
def _reap(signum: int, frame: Any) -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _run_kernel(request: dict[str, Any]) -> None:
    """In the forked child: enter the sandbox and run ipykernel; never returns."""
    status = 1
    try:
        os.setsid()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.closerange(3, 65536)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        from grader.sandbox import enter_sandbox

        kernel_args = enter_sandbox(list(request["argv"]))
        # A kernel started as `python -m ipykernel_launcher` finds modules in its working
        # folder: IPython puts '' before site-packages, unless Python runs with -P, as the
        # zygote does. Do what IPython does for such a kernel.
        position = next((i for i, path in enumerate(sys.path)
                         if os.path.basename(path) in ("site-packages", "dist-packages")),
                        0)
        sys.path.insert(position, "")
        sys.argv = [sys.executable, "-m", "ipykernel_launcher", *kernel_args]
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(kernel_args)
        app.start()
        status = 0
    finally:
        os._exit(status)


def serve(preload: Sequence[str]) -> None:
    """The zygote's main loop (runs in the zygote process; see the module docstring)."""
    for name in preload:
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    threads = threading.active_count()
    # Move everything imported so far out of the garbage collector's reach: a kernel's
    # first collection would otherwise visit (and so copy, page by page) the whole
    # inherited heap that fork shares copy-on-write.
    gc.collect()
    gc.freeze()
    signal.signal(signal.SIGCHLD, _reap)
    out = sys.stdout
    out.write(json.dumps({"ready": True, "threads": threads}) + "\n")
    out.flush()
    children: list[int] = []
    for line in sys.stdin:
        try:
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                _run_kernel(request)
            children.append(pid)
            reply: dict[str, Any] = {"pid": pid}
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the grader
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(reply) + "\n")
        out.flush()
    for pid in children:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)


# ----------------------------------------------------------------------------- grader side
class ZygoteError(RuntimeError):
    """The zygote could not be started or could not fork a kernel."""


class Zygote:
    """The grader's handle on one zygote process.

    Parameters
    ----------
    preload : sequence of str
        Modules the zygote imports before it forks its first kernel.
    """

    def __init__(self, preload: Sequence[str] = PRELOAD) -> None:
        self.preload = tuple(preload)
        self._lock = threading.Lock()
        self._home = tempfile.mkdtemp(prefix="grader-zygote-")
        os.chmod(self._home, 0o755)  # matplotlib's font cache here must be readable by kernels
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
               "HOME": self._home, "MPLCONFIGDIR": self._home, "MPLBACKEND": "agg",
               "PYTHONDONTWRITEBYTECODE": "1"}
        from grader.sandbox import THREAD_VARIABLES

        env.update({var: "1" for var in THREAD_VARIABLES})
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "grader.zygote", *self.preload],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=self._home, env=env, text=True, bufsize=1)
        ready = self._reply(STARTUP_TIMEOUT)
        if not ready.get("ready"):
            self.close()
            raise ZygoteError(f"the kernel zygote did not start: {ready}")
        self.threads = int(ready.get("threads", 0))

    def _reply(self, timeout: float) -> dict[str, Any]:
        assert self.process.stdout is not None
        readable, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if readable else ""
        if not line:
            raise ZygoteError("the kernel zygote stopped answering")
        return json.loads(line)

    def fork_kernel(self, argv: Sequence[str], cwd: str, env: dict[str, str]) -> int:
        """Fork a sandboxed kernel; return its process id.

        Raises
        ------
        ZygoteError
            If the zygote is gone or could not fork.
        """
        with self._lock:
            if self.process.poll() is not None:
                raise ZygoteError("the kernel zygote has exited")
            assert self.process.stdin is not None
            request = {"argv": list(argv), "cwd": str(cwd), "env": dict(env)}
            try:
                self.process.stdin.write(json.dumps(request) + "\n")
                self.process.stdin.flush()
            except OSError as exc:
                raise ZygoteError(f"the kernel zygote is gone ({exc})") from None
            reply = self._reply(30.0)
        if "pid" not in reply:
            raise ZygoteError(f"the kernel zygote could not fork a kernel: {reply.get('error')}")
        return int(reply["pid"])

    @property
    def alive(self) -> bool:
        """Whether the zygote process is running."""
        return self.process.poll() is None

    def close(self) -> None:
        """Stop the zygote (its remaining kernels are killed)."""
        with contextlib.suppress(OSError):
            if self.process.stdin:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(OSError):
            for item in Path(self._home).iterdir():
                if item.is_dir():
                    import shutil

                    shutil.rmtree(item, ignore_errors=True)
                else:
                    item.unlink(missing_ok=True)
            os.rmdir(self._home)


_ZYGOTES: dict[tuple[int, tuple[str, ...]], Zygote] = {}


def shared_zygote(preload: Sequence[str] = PRELOAD) -> Zygote:
    """Return the zygote of this process for ``preload``, started on first use.

    A process forked from one that has a zygote gets its own (the pipes of the parent's
    zygote are not shared).
    """
    key = (os.getpid(), tuple(preload))
    zygote = _ZYGOTES.get(key)
    if zygote is None or not zygote.alive:
        zygote = _ZYGOTES[key] = Zygote(preload)
        atexit.register(zygote.close)
    return zygote


class ForkedKernel:
    """A ``Popen``-like handle on a kernel forked by the zygote (not our child)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """``None`` while the kernel runs, else an exit code (-1: unknown)."""
        if self.returncode is None and not _running(self.pid):
            self.returncode = -1
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait until the kernel has exited."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(["kernel"], timeout or 0)
            time.sleep(0.02)
        return -1

    def send_signal(self, signum: int) -> None:
        """Signal the kernel; like ``Popen``, nothing happens once it has exited."""
        if self.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signum)

    def kill(self) -> None:
        """Kill the kernel."""
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        """Ask the kernel to stop."""
        self.send_signal(signal.SIGTERM)


def _running(pid: int) -> bool:
    """Whether any thread of process ``pid`` is still running.

    A killed kernel's main thread turns into a zombie before its other threads have
    exited; until the last one has, the process still holds its sockets (a new kernel on
    the same ports would fail to bind) and its memory. So the process counts as running
    while any of its threads is neither a zombie nor dead.
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return False
    for task in tasks:
        try:
            state = (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in ("Z", "X"):
            return True
    return False


class ZygoteProvisioner(LocalProvisioner):
    """Launch the kernel by asking a :class:`Zygote` to fork one.

    The kernel command must be ``python -P -m grader.sandbox <sandbox args>``: its
    arguments after the module name go to the zygote's child.
    """

    zygote: Zygote | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        """Fork the kernel through the zygote instead of starting a new interpreter."""
        if self.zygote is None or "grader.sandbox" not in cmd:
            raise ZygoteError("ZygoteProvisioner needs a zygote and a grader.sandbox command")
        argv = cmd[cmd.index("grader.sandbox") + 1:]
        cwd = str(kwargs.get("cwd") or os.getcwd())
        pid = self.zygote.fork_kernel(argv, cwd, dict(kwargs.get("env") or {}))
        self.process = ForkedKernel(pid)
        self.pid = self.pgid = pid
        self.cwd = cwd
        return self.connection_info


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the zygote process: ``python -P -m grader.zygote MODULE...``."""
    serve(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    main()
