"""A static server on 127.0.0.1 for the benchmarks that open pages in a browser."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

COMPRESSED = {"text/html", "text/css", "text/javascript", "application/javascript",
              "application/json", "image/svg+xml"}  # fmt: skip


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_):
        pass


class Compressing(Quiet):
    """Text gzip-compressed when the client accepts it, as a CDN serves it."""

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path /= "index.html"
        ctype = self.guess_type(str(path))
        if not path.is_file():
            return super().send_head()
        body = path.read_bytes()
        squeeze = ctype.split(";")[0] in COMPRESSED and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        body = gzip.compress(body, 6) if squeeze else body
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if squeeze:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(folder: Path, compress: bool = False) -> Iterator[str]:
    """Serve *folder*; yields the base URL (no trailing slash)."""
    handler = Compressing if compress else Quiet
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
