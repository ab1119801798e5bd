"""A sandboxed IPython kernel session that the grader drives cell by cell.

The kernel runs under :mod:`grader.sandbox` (memory and file-size limits, a less
privileged user when the grader runs as root). Every execution has a deadline; a cell
that overruns is interrupted, and a kernel that dies or ignores the interrupt is
restarted. Outputs are kept only up to a cap, so a cell that prints gigabytes costs the
grader nothing but time.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import zmq
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpec

from grader.kernel_agent import REPLY_MIME
from grader.sandbox import user_can_run_python

#: ZeroMQ reconnect interval of the grader's sockets (milliseconds).
RECONNECT_MS = 10
#: Seconds per readiness poll of a starting kernel.
READY_POLL_S = 0.05
#: Characters of text output kept per execution.
OUTPUT_CAP = 20_000
#: Largest agent reply read (characters of JSON).
MAX_REPLY_CHARS = 80 * 2**20
#: Requests larger than this go through a file instead of the code text.
_INLINE_REQUEST_LIMIT = 64 * 1024
#: Whether each sandbox user can run this Python (checked once per process).
_USABLE_USERS: dict[str, bool] = {}


def usable_sandbox_user(wanted: str | None) -> str | None:
    """``wanted`` if the grader is root and that user can run this Python, else ``None``.

    Checked once per process and user (:func:`grader.sandbox.user_can_run_python`).
    """
    if not wanted or os.geteuid() != 0:
        return None
    if wanted not in _USABLE_USERS:
        _USABLE_USERS[wanted] = user_can_run_python(wanted)
    return wanted if _USABLE_USERS[wanted] else None


@dataclass
class Execution:
    """What one ``execute_request`` did.

    Attributes
    ----------
    status : str
        ``"ok"``, ``"error"`` (the code raised), ``"timeout"`` or ``"died"``.
    output : str
        Text of streams and errors, truncated to :data:`OUTPUT_CAP` characters.
    error : dict or None
        ``ename``/``evalue``/``traceback`` of the error, when the code raised.
    replies : list of dict
        Grader-agent replies published during the execution.
    seconds : float
        Wall time.
    """

    status: str
    output: str = ""
    error: dict[str, Any] | None = None
    replies: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    truncated: bool = False
    user_expressions: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SandboxConfig:
    """Limits for a student's kernel.

    Attributes
    ----------
    memory_mb : int
        Address-space limit of the kernel process.
    user : str or None
        Run the kernel as this user when the grader is root (``None``: same user).
    startup_timeout : float
        Seconds to wait for the kernel to start.
    zygote : bool
        Fork kernels from a :mod:`grader.zygote` that has imported the course's
        libraries once (the default), instead of starting a new interpreter per kernel.
        The sandbox is the same either way.
    """

    memory_mb: int = 4096
    user: str | None = "nobody"
    startup_timeout: float = 60.0
    zygote: bool = True


def _kernel_environment() -> dict[str, str]:
    """A minimal environment: nothing of the grader's (tokens, paths) reaches the kernel."""
    keep = ("LANG", "LC_ALL", "TZ", "TMPDIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env["PATH"] = os.pathsep.join([os.path.dirname(sys.executable), "/usr/local/bin",
                                   "/usr/bin", "/bin"])
    env.setdefault("LANG", "C.UTF-8")
    return env


def _wait_until_ready(km: KernelManager, kc: Any, timeout: float) -> None:
    """Wait until the kernel answers on its shell channel and publishes on IOPub.

    jupyter_client's ``wait_for_ready`` polls in steps of 0.2 to 1 second; a kernel
    forked from the zygote is up in about 50 ms, so most of its start was that wait.
    Extra ``kernel_info`` requests are harmless: replies are matched by message id.

    Raises
    ------
    RuntimeError
        If the kernel dies or does not answer within ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while True:
        msg_id = kc.kernel_info()
        answered = False
        step_end = time.monotonic() + READY_POLL_S
        while not answered and time.monotonic() < step_end:
            try:
                msg = kc.get_shell_msg(timeout=READY_POLL_S)
            except queue.Empty:
                break
            answered = (msg["msg_type"] == "kernel_info_reply"
                        and msg["parent_header"].get("msg_id") == msg_id)
        if answered:
            try:  # IOPub connected too: the kernel's status message for that request
                kc.get_iopub_msg(timeout=READY_POLL_S)
                return
            except queue.Empty:
                pass
        if not km.is_alive():
            raise RuntimeError("Kernel died before replying to kernel_info")
        if time.monotonic() > deadline:
            raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")


def _zygote_provisioner(km: KernelManager) -> Any:
    """A provisioner that forks the kernel from this process's zygote, or ``None``.

    ``None`` (a zygote that cannot start) lets jupyter_client start a new interpreter.
    """
    from grader.zygote import ZygoteError, ZygoteProvisioner, shared_zygote

    try:
        zygote = shared_zygote()
    except (ZygoteError, OSError):
        return None
    km.kernel_id = km.kernel_id or str(uuid.uuid4())
    provisioner = ZygoteProvisioner(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec,
                                    parent=km)
    provisioner.zygote = zygote
    return provisioner


class KernelSession:
    """One student's kernel, in its own scratch folder.

    Parameters
    ----------
    workdir_source : Path or None
        Folder whose files are copied into the kernel's scratch folder (the
        submission's folder), or ``None`` for an empty one.
    config : SandboxConfig
        Resource limits and user.
    """

    def __init__(self, workdir_source: Path | None = None,
                 config: SandboxConfig | None = None) -> None:
        self.config = config or SandboxConfig()
        self.workdir = Path(tempfile.mkdtemp(prefix="grader-kernel-"))
        os.chmod(self.workdir, 0o755)
        if workdir_source is not None:
            # Regular files only: a symlink could point at the hidden tests, and the
            # copy is made by the grader's (possibly privileged) user.
            for item in Path(workdir_source).iterdir():
                if item.is_symlink() or not item.is_file() or item.suffix == ".ipynb":
                    continue
                shutil.copyfile(item, self.workdir / item.name, follow_symlinks=False)
        self.sandboxed_user: str | None = None
        self.restarts = 0
        self._km: KernelManager | None = None
        self._kc = None

    # ----------------------------------------------------------------- life cycle
    def start(self) -> None:
        """Start the kernel and wait until it answers."""
        # A sandbox user that does not exist or cannot run this Python (it lives in a
        # private home folder) is skipped: the kernel runs as the grader's own user and
        # the report says so.
        user = usable_sandbox_user(self.config.user)
        self._launch(user)
        self.sandboxed_user = user

    def _launch(self, user: str | None) -> None:
        # -P: the kernel's folder holds the student's files; they must not shadow the
        # modules the (still privileged) launcher imports.
        argv = [sys.executable, "-P", "-m", "grader.sandbox",
                "--memory-mb", str(self.config.memory_mb)]
        if user:
            argv += ["--user", user]
        argv += ["--", "-f", "{connection_file}"]
        km = KernelManager()
        # The client's sockets connect before the kernel has bound its ports; ZeroMQ
        # retries every 100 ms by default, which a fast-starting kernel waits for.
        km.context.setsockopt(zmq.RECONNECT_IVL, RECONNECT_MS)
        km._kernel_spec = KernelSpec(argv=argv, display_name="Python 3 (grader sandbox)",
                                     language="python", interrupt_mode="signal", env={})
        if self.config.zygote:
            km.provisioner = _zygote_provisioner(km)
        # The kernel's own stderr (a warning about plain TCP on every start) is noise in
        # the grader's output; what the student's code prints arrives as messages.
        km.start_kernel(cwd=str(self.workdir), env=_kernel_environment(),
                        stderr=subprocess.DEVNULL)
        kc = km.client()
        kc.start_channels()
        try:
            _wait_until_ready(km, kc, self.config.startup_timeout)
        except RuntimeError as exc:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            raise RuntimeError(f"the grading kernel did not start: {exc}") from exc
        self._km, self._kc = km, kc
        self._bootstrap()

    def _bootstrap(self) -> None:
        # Import the agent before any student code runs, so that a notebook that
        # exhausts memory or breaks imports later does not also silence the grader.
        self.execute("import grader.kernel_agent", timeout=self.config.startup_timeout,
                     store_history=False)

    def restart(self) -> None:
        """Restart a dead or stuck kernel (its state is lost)."""
        assert self._km is not None and self._kc is not None
        self._km.restart_kernel(now=True)
        self.restarts += 1
        try:
            _wait_until_ready(self._km, self._kc, self.config.startup_timeout)
        except RuntimeError:
            # The new kernel died at once: most likely the old one (still tearing down
            # a large memory) held the ports a restart reuses. Start anew on new ports.
            self._kc.stop_channels()
            with contextlib.suppress(Exception):
                self._km.shutdown_kernel(now=True)
            self._km = self._kc = None
            self._launch(self.sandboxed_user)
            return
        self._drain()
        self._bootstrap()

    def close(self) -> None:
        """Kill the kernel and everything it started, and remove the scratch folder."""
        if self._kc is not None:
            self._kc.stop_channels()
        if self._km is not None:
            try:
                self._km.shutdown_kernel(now=True)
            except Exception:  # noqa: BLE001 - best effort: the kernel may be long gone
                pass
        shutil.rmtree(self.workdir, ignore_errors=True)
        self._km = self._kc = None

    def __enter__(self) -> KernelSession:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def alive(self) -> bool:
        """Whether the kernel process is running."""
        return self._km is not None and self._km.is_alive()

    # ----------------------------------------------------------------- execution
    def _drain(self) -> None:
        while True:
            try:
                self._kc.get_iopub_msg(timeout=0.05)
            except queue.Empty:
                return

    def execute(self, code: str, *, timeout: float, store_history: bool = True,
                user_expressions: dict[str, str] | None = None) -> Execution:
        """Run ``code`` and wait for it, at most ``timeout`` seconds.

        A timed-out execution is interrupted; if the kernel does not recover within a
        few seconds, died, or asked to exit (IPython's ``exit()``), it is restarted and
        the status says so (``"timeout"`` or ``"died"``).
        """
        assert self._kc is not None, "start() the session first"
        started = time.monotonic()
        msg_id = self._kc.execute(code, store_history=store_history, allow_stdin=False,
                                  stop_on_error=False, user_expressions=user_expressions or {})
        result = self._collect(msg_id, started + timeout)
        if result.status == "timeout":
            self._km.interrupt_kernel()
            recovered = self._collect(msg_id, time.monotonic() + 5.0, into=result)
            if recovered.status == "timeout" or not self.alive:
                self.restart()
            result.status = "timeout"
        elif result.status == "died":
            self.restart()
        else:
            self._read_reply(msg_id, result)
            if result.status == "died":
                self.restart()
        result.seconds = time.monotonic() - started
        return result

    def _read_reply(self, msg_id: str, result: Execution) -> None:
        """Take the cell's status from the shell reply; notice an ``exit()`` request.

        IPython may fail to publish an error on IOPub (out of memory), but the reply
        still says it.
        """
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline:
            try:
                msg = self._kc.get_shell_msg(timeout=0.5)
            except queue.Empty:
                if not self.alive:
                    result.status = "died"
                    return
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            content = msg.get("content", {})
            if any(isinstance(p, dict) and p.get("source") == "ask_exit"
                   for p in content.get("payload", []) or []):
                result.status = "died"
                result.error = {"ename": "SystemExit", "evalue": "exit() was called"}
            elif content.get("status") == "error" and result.status == "ok":
                result.status = "error"
                result.error = {k: content.get(k) for k in ("ename", "evalue", "traceback")}
            result.user_expressions = content.get("user_expressions") or {}
            return

    def _collect(self, msg_id: str, deadline: float, into: Execution | None = None) -> Execution:
        result = into or Execution(status="ok")
        parts = [result.output]
        kept = len(result.output)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                result.status = "timeout"
                break
            try:
                msg = self._kc.get_iopub_msg(timeout=min(0.25, remaining))
            except queue.Empty:
                if not self.alive:
                    result.status = "died"
                    break
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            text = ""
            if kind == "stream":
                text = content.get("text", "")
            elif kind == "error":
                result.status = "error"
                result.error = {k: content.get(k) for k in ("ename", "evalue", "traceback")}
                text = f"{content.get('ename')}: {content.get('evalue')}\n"
            elif kind in ("display_data", "execute_result"):
                data = content.get("data", {})
                if REPLY_MIME in data and kind == "display_data":
                    result.replies.append(data[REPLY_MIME])
                else:
                    text = str(data.get("text/plain", ""))[:1000] + "\n"
            elif kind == "status" and content.get("execution_state") == "idle":
                if result.status == "timeout":
                    result.status = "ok"
                break
            if text:
                room = OUTPUT_CAP - kept
                if len(text) > room:
                    result.truncated = True
                if room > 0:
                    parts.append(text[:room])
                    kept += min(len(text), room)
        result.output = "".join(parts)
        return result

    # ----------------------------------------------------------------- agent requests
    def request(self, op: str, *, timeout: float, **fields: Any) -> Any:
        """Send one request to the kernel agent and return its reply.

        Returns
        -------
        dict
            The agent's reply (``{"ok": True, "value": ...}`` or ``{"ok": False,
            "error": ...}``), still encoded.

        Raises
        ------
        AgentError
            When no valid reply came back (timeout, kernel death, broken agent).
        """
        nonce = secrets.token_hex(16)
        text = json.dumps({"nonce": nonce, "op": op, **fields}, allow_nan=False)
        if len(text) > _INLINE_REQUEST_LIMIT:
            path = self.workdir / f".grader-request-{nonce}.json"
            path.write_text(text)
            os.chmod(path, 0o644)
            literal = f"open({str(path)!r}).read()"
        else:
            path, literal = None, repr(text)
        # The request is a user expression of an empty cell: IPython evaluates it
        # without passing it through input transformers the notebook may have added.
        expression = f"__import__('grader.kernel_agent', fromlist=['serve']).serve({literal})"
        try:
            execution = self.execute("", timeout=timeout, store_history=False,
                                     user_expressions={"grader": expression})
        finally:
            if path is not None:
                path.unlink(missing_ok=True)
        if execution.status == "timeout":
            raise AgentError(f"did not finish within {timeout:g} seconds", kind="timeout")
        if execution.status == "died":
            raise AgentError("the kernel died (it crashed or was killed)", kind="died")
        for reply in execution.replies:
            if isinstance(reply, dict) and reply.get("nonce") == nonce:
                text = reply.get("reply")
                if isinstance(text, str) and len(text) <= MAX_REPLY_CHARS:
                    try:
                        return json.loads(text)
                    except (ValueError, RecursionError):
                        break
        detail = ""
        outcome = execution.user_expressions.get("grader", {})
        if isinstance(outcome, dict) and outcome.get("status") == "error":
            detail = f" ({outcome.get('ename')}: {str(outcome.get('evalue'))[:200]})"
        raise AgentError("did not answer the grader; did code in the notebook change how "
                         f"IPython runs or displays things?{detail}", kind="no-reply")


class AgentError(RuntimeError):
    """The kernel did not answer a grader request.

    Attributes
    ----------
    kind : str
        ``"timeout"``, ``"died"`` or ``"no-reply"``.
    """

    def __init__(self, message: str, *, kind: str) -> None:
        super().__init__(message)
        self.kind = kind
