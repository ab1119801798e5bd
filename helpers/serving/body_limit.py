"""A request-size limit in front of the app: 413 before a large body is read.

:class:`BodyLimit`
    ASGI middleware (``app.add_middleware(BodyLimit, max_body_bytes=...)``).
"""

from __future__ import annotations

from typing import Any

from helpers.serving.errors import error_body

__all__ = ["BodyLimit"]


class BodyLimit:
    """ASGI middleware: answer 413 (JSON) to a request body over ``max_body_bytes``.

    A declared ``Content-Length`` over the limit is refused before the body is read; a
    body without one (chunked) is read up to the limit and refused as soon as it passes
    it. A body within the limit is handed on to the app unchanged.
    """

    def __init__(self, app: Any, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def _refuse(self, scope: Any, receive: Any, send: Any) -> None:
        from starlette.responses import JSONResponse

        message = f"the body is larger than {self.max_body_bytes:,} bytes"
        response = JSONResponse(error_body("body", message, "body_too_large"), status_code=413,
                                headers={"Connection": "close"})
        await response(scope, receive, send)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Pass a request on to the app, or answer 413 if its body is over the limit."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"").decode("latin-1").strip()
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Any:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

