"""Launch an IPython kernel inside resource limits, as a less privileged user.

Run as ``python -m grader.sandbox [--memory-mb N] [--user NAME] -- <ipykernel args>``.
It sets the limits, drops privileges when started as root and a user is named, then
replaces itself with ``ipykernel_launcher`` (same process id, so the kernel manager's
interrupts and kills reach the kernel).

Limits: address space (a memory bomb raises ``MemoryError`` instead of taking the machine
down), file size, core dumps, number of processes for the sandbox user.
"""

from __future__ import annotations

import argparse
import os
import pwd
import resource
import sys


def _set_limit(limit: int, value: int) -> None:
    soft, hard = resource.getrlimit(limit)
    value = value if hard == resource.RLIM_INFINITY else min(value, hard)
    resource.setrlimit(limit, (value, value))


def _drop_privileges(user: str, connection_file: str | None, workdir: str) -> None:
    try:
        record = pwd.getpwnam(user)
    except KeyError:
        sys.stderr.write(f"sandbox: no user {user!r} on this machine\n")
        sys.exit(3)
    for path in filter(None, [connection_file]):
        os.chown(path, record.pw_uid, record.pw_gid)
    os.chown(workdir, record.pw_uid, record.pw_gid)
    for root, dirs, files in os.walk(workdir):
        for name in dirs + files:
            os.lchown(os.path.join(root, name), record.pw_uid, record.pw_gid)
    os.setgroups([])
    os.setgid(record.pw_gid)
    os.setuid(record.pw_uid)
    _set_limit(resource.RLIMIT_NPROC, 512)


def user_can_run_python(user: str) -> bool:
    """Whether ``user`` exists and can run this Python and import this package.

    Checked in a forked child that drops to the user, so it costs milliseconds. Only
    meaningful when called as root.
    """
    try:
        record = pwd.getpwnam(user)
    except KeyError:
        return False
    needed = [sys.executable, os.path.dirname(os.path.abspath(__file__)),
              os.path.dirname(os.__file__)]
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            os.setgroups([])
            os.setgid(record.pw_gid)
            os.setuid(record.pw_uid)
            ok = all(os.access(path, os.R_OK | os.X_OK) for path in needed)
        except OSError:
            ok = False
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


#: Environment variables that cap native thread pools at one thread.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m grader.sandbox")
    parser.add_argument("--memory-mb", type=int, default=4096)
    parser.add_argument("--file-mb", type=int, default=512)
    parser.add_argument("--user", default=None)
    parser.add_argument("kernel_args", nargs=argparse.REMAINDER)
    return parser


def enter_sandbox(argv: list[str]) -> list[str]:
    """Apply the sandbox to this process, in the current folder; return the kernel's args.

    Sets the kernel's environment (``HOME`` and the config folders inside the working
    folder, the ``agg`` backend, one native thread), the file-size and core limits,
    drops privileges to ``--user`` when running as root, and finally limits the address
    space. Used by :func:`main` before it execs the kernel, and by
    :mod:`grader.zygote` in a forked child before it runs the kernel in-process.

    Parameters
    ----------
    argv : list of str
        ``[--memory-mb N] [--file-mb N] [--user NAME] -- <ipykernel args>``.

    Returns
    -------
    list of str
        The ipykernel arguments (``-f <connection file>``).
    """
    args = _parser().parse_args(argv)
    kernel_args = [a for a in args.kernel_args if a != "--"]
    connection_file = None
    if "-f" in kernel_args:
        connection_file = kernel_args[kernel_args.index("-f") + 1]

    workdir = os.getcwd()
    os.environ.update({
        "HOME": workdir,
        "IPYTHONDIR": os.path.join(workdir, ".ipython"),
        "MPLCONFIGDIR": os.path.join(workdir, ".matplotlib"),
        "JUPYTER_RUNTIME_DIR": os.path.join(workdir, ".jupyter-runtime"),
        "MPLBACKEND": "agg",
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    for var in THREAD_VARIABLES:
        os.environ[var] = "1"

    _set_limit(resource.RLIMIT_CORE, 0)
    _set_limit(resource.RLIMIT_FSIZE, args.file_mb * 2**20)
    if args.user and os.geteuid() == 0:
        _drop_privileges(args.user, connection_file, workdir)
        if not os.access(sys.executable, os.X_OK):
            sys.stderr.write(f"sandbox: user {args.user!r} cannot run {sys.executable}\n")
            sys.exit(3)
    _set_limit(resource.RLIMIT_AS, args.memory_mb * 2**20)
    return kernel_args


def main(argv: list[str] | None = None) -> None:
    """Apply limits and exec the kernel; see the module docstring."""
    kernel_args = enter_sandbox(sys.argv[1:] if argv is None else argv)
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *kernel_args])


if __name__ == "__main__":
    main()
