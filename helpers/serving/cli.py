"""The command line: ``python -m helpers.serving`` (``make serve``, the container's CMD).

Serve a model over HTTP on ``--host``/``--port`` (default http://127.0.0.1:8000: this
machine only), or, with ``--export PATH``, train the default model, save it as a skops
file and exit (the Dockerfile's build step). See ``python -m helpers.serving --help``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from helpers.serving.app import DEFAULT_THRESHOLD, create_app
from helpers.serving.model import default_model, load_model, save_model
from helpers.serving.runner import URL_LINE, bound_socket

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.serving",
        description="Serve RiskNet's loan-default model over HTTP (FastAPI + uvicorn).")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; 0.0.0.0 in a container)")
    parser.add_argument("--port", type=int, default=8000,
                        help="port (default 8000; 0 lets the system choose a free one)")
    parser.add_argument("--model", type=Path, default=None,
                        help="a .skops file written by --export (default: train the default "
                             "model at start-up)")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD,
                        help=f"refer applications at or above this probability "
                             f"(default {DEFAULT_THRESHOLD})")
    parser.add_argument("--export", type=Path, default=None, metavar="PATH",
                        help="train the default model, save it to PATH (.skops) and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: serve the model, or export the default model (``--export``)."""
    args = _parser().parse_args(argv)
    if args.export is not None:
        path = save_model(default_model(), args.export)
        print(f"saved the default model to {path} ({path.stat().st_size:,} bytes)")
        return 0
    import uvicorn

    model = load_model(args.model) if args.model is not None else default_model()
    app = create_app(model, threshold=args.threshold)
    sock = bound_socket(args.host, args.port)
    host, port = sock.getsockname()[:2]
    print(f"{URL_LINE}http://{host}:{port} (interactive docs: http://{host}:{port}/docs; "
          "stop with Ctrl+C)", flush=True)
    config = uvicorn.Config(app, log_level="info", lifespan="off", http="h11", ws="none",
                            loop="asyncio")
    uvicorn.Server(config).run(sockets=[sock])
    return 0

