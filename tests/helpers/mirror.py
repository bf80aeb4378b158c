"""A local HTTP server standing in for torchvision's MNIST mirror (tests of downloads: slow, stalled, cancelled)."""

import gzip
import hashlib
import http.server
import select
import threading
from pathlib import Path

from lora_studio.core.data import datasets as data
from lora_studio.core.data import synthetic


class Mirror:
    """Generated .gz files served as torchvision's mirror, over /slow/ (throttled) or /stall/ (stops sending
    after its first 8 KB and waits, noting whether the client hangs up)."""

    def __init__(self, folder: Path):
        self.files, self.resources = {}, []
        for key, array in synthetic.make_arrays(600, 200, seed=7).items():
            payload = gzip.compress(synthetic.idx_bytes(array), mtime=0)
            self.files[f"{data.FILES[key]}.gz"] = payload
            self.resources.append((f"{data.FILES[key]}.gz", hashlib.md5(payload).hexdigest()))
        self.stop = threading.Event()
        self.stalled = threading.Event()
        self.hung_up: list[str] = []
        mirror = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802 (http.server's name)
                mode, _, name = self.path.strip("/").partition("/")
                body = mirror.files.get(name)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    for start in range(0, len(body), 2048):
                        if mode == "stall" and start >= 8192:
                            mirror._wait_for_hang_up(self.connection, name)
                            return
                        self.wfile.write(body[start : start + 2048])
                        self.wfile.flush()
                        mirror.stop.wait(0.004)
                except OSError:
                    pass  # the client went away: a cancelled download

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def _wait_for_hang_up(self, connection, name: str) -> None:
        self.stalled.set()
        while not self.stop.is_set():
            readable, _, _ = select.select([connection], [], [], 0.05)
            if readable and not connection.recv(1, 0):
                self.hung_up.append(name)
                return

    def close(self) -> None:
        self.stop.set()
        self.server.shutdown()
