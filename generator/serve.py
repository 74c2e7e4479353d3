"""Preview: serve a built site on 127.0.0.1; with ``--watch``, rebuild when the content changes and reload open pages.

The server adds one small inline script to every HTML page it serves (not to the files
on disk): it asks ``/__generator/build-id`` once a second and reloads the page when the
answer changes. The build id is the identity of the site's Pagefind entry file, which
every build writes anew and swaps in, so any finished build (this watcher's, or a
``make site`` elsewhere) reloads the page; a failed build changes nothing. Same origin,
no third-party request.

Does not: build (``build``); it calls the ``rebuild`` it is given.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .site.incremental import site_identity

BUILD_ID_PATH = "/__generator/build-id"
#: Polls the build id and reloads the page when it changes; inserted before ``</body>``.
RELOAD_SCRIPT = (
    "<script>(function(){var seen=null;function poll(){fetch('" + BUILD_ID_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text();}).then(function(id){if(seen===null){seen=id;}"
    "else if(id!==seen){location.reload();}}).catch(function(){})"
    ".then(function(){setTimeout(poll,1000);});}poll();})();</script>"
)
#: Seconds of quiet after a change before the rebuild starts (an editor's save is several events).
SETTLE = 0.5


def build_id(out_dir: Path) -> str:
    """The finished site's identity: changes with every build swapped in."""
    return "-".join(map(str, site_identity(out_dir) or ["none"]))


class LiveHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site's files; HTML pages get ``RELOAD_SCRIPT``; ``BUILD_ID_PATH`` gives the build id."""

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == BUILD_ID_PATH:
            self._send(build_id(Path(self.directory)).encode(), "text/plain; charset=utf-8")
            return
        target = Path(self.translate_path(self.path))
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            html = target.read_bytes()
            marker = html.rfind(b"</body>")
            html = html[:marker] + RELOAD_SCRIPT.encode() + html[marker:] if marker >= 0 else html
            self._send(html, "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the http.server signature)
        pass


def make_server(out_dir: Path, port: int, *, live: bool) -> http.server.ThreadingHTTPServer:
    """A server for ``out_dir`` on 127.0.0.1:``port`` (0: any free port); ``live`` adds the reload script."""
    handler_class = LiveHandler if live else http.server.SimpleHTTPRequestHandler
    handler = functools.partial(handler_class, directory=str(out_dir))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


class Watcher:
    """Calls ``rebuild`` (in a thread of its own, one at a time) after ``content_dir`` changes."""

    def __init__(self, content_dir: Path, rebuild: Callable[[], None]):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.rebuild = rebuild
        self.changed = threading.Event()
        self.stopped = threading.Event()
        watcher = self

        class Changed(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.event_type not in ("opened", "closed_no_write"):
                    watcher.changed.set()

        self.observer = Observer()
        self.observer.schedule(Changed(), str(content_dir), recursive=True)
        self.thread = threading.Thread(target=self._loop, name="rebuild", daemon=True)

    def start(self) -> Watcher:
        self.observer.start()
        self.thread.start()
        return self

    def _loop(self) -> None:
        while not self.stopped.is_set():
            if not self.changed.wait(timeout=0.2):
                continue
            while self.changed.is_set():  # wait until the files settle
                self.changed.clear()
                time.sleep(SETTLE)
            if not self.stopped.is_set():
                self.rebuild()

    def stop(self) -> None:
        self.stopped.set()
        self.observer.stop()
        self.observer.join()
        self.thread.join()
