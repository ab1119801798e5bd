"""The kernel zygote: fresh kernels per session, and restarts that wait for the old one.

A kernel forked by the zygote is not the grader's child, so the grader decides whether
it still runs from ``/proc``. A killed kernel's main thread becomes a zombie while its
other threads (ZeroMQ's) still hold the kernel's ports; a restart that counted it as dead
started the new kernel on ports still in use, and the new kernel died ("Kernel died
before replying to kernel_info", after a cell that ran out of memory).
"""

from __future__ import annotations

import subprocess
import sys
import time

from grader.kernel import KernelSession, SandboxConfig
from grader.zygote import _running

#: A process whose main thread exits (pthread_exit) while a second thread sleeps on.
ZOMBIE_LEADER = (
    "import ctypes, threading, time\n"
    "threading.Thread(target=time.sleep, args=(30,)).start()\n"
    "print('ready', flush=True)\n"
    "ctypes.CDLL(None).pthread_exit(None)\n"
)


def _leader_state(pid: int) -> str:
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0]


def test_a_process_runs_while_any_thread_runs_even_if_its_main_thread_is_a_zombie():
    child = subprocess.Popen([sys.executable, "-c", ZOMBIE_LEADER], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 10
        while _leader_state(child.pid) != "Z" and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _leader_state(child.pid) == "Z", "the main thread did not exit"
        assert _running(child.pid)
        child.kill()
        deadline = time.monotonic() + 10
        while _running(child.pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        # Killed and not yet reaped: a zombie with no live thread does not run.
        assert not _running(child.pid)
    finally:
        child.kill()
        child.wait()
    assert not _running(child.pid)


def test_restart_after_a_memory_bomb_gets_a_working_kernel_with_no_old_state():
    config = SandboxConfig(memory_mb=1536, zygote=True)
    with KernelSession(config=config) as session:
        assert session.execute("marker = 41", timeout=30).status == "ok"
        bomb = session.execute("hog = []\nwhile True:\n    hog.append(' ' * 2**20)",
                               timeout=60)
        assert bomb.status in ("error", "died")
        session.restart()
        result = session.execute("print('marker' in globals(), 'hog' in globals())",
                                 timeout=30)
        assert result.status == "ok"
        assert "False False" in result.output
