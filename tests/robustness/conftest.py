"""Robustness fixtures: a hostile corpus built once with the real CLI, and helpers to serve and hash sites.

The hostile corpus is ``tests/fixtures/hostile/content`` (readable, reviewed
fixture files) plus the files that cannot live in git as they are (CRLF, lone
CR, BOM, empty, binary), written here into a temporary copy.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..chromium import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile" / "content"
#: Fixed, so two builds can be compared byte for byte (2023-11-14).
SOURCE_DATE_EPOCH = "1700000000"
#: The sub-path the site is deployed under: the sitemap, canonical links and 404 page use it.
SITE_URL = "https://archive.example.org/archive/"

#: Files that git would not keep byte for byte, or that are broken on purpose but only warned about.
GENERATED = {
    "documents/crlf-line-ends.txt": b"CRLF line ends\r\nJohn Smith said lines end in CR LF here.\r\n",
    "documents/lone-cr-line-ends.txt": b"Lone CR line ends\rJohn Smith said old Macs did this.\r",
    "documents/bom.txt": "\ufeffA document with a byte-order mark\nMary Jones said so.\n".encode(),
    "documents/empty.txt": b"",
    "documents/blank-lines.txt": b"\n   \n\t\r\n",
    "documents/photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "documents/.hidden.txt": b"hidden\n",
}


@dataclass(frozen=True)
class Build:
    site: Path
    returncode: int
    stderr: str


def run_build(content: Path, out: Path, *extra: str, env: dict | None = None) -> Build:
    """``python -m generator build``, as a user runs it, with a fixed SOURCE_DATE_EPOCH and a cache of its own."""
    cache = [] if "--no-cache" in extra else ["--cache", str(out.parent / f"{out.name}.cache")]
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(content), "--out", str(out), *cache, *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "COLUMNS": "300", **(env or {})},
    )
    return Build(out, result.returncode, result.stderr)


def tree_hashes(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under ``root`` (symlinks and empty folders included)."""
    hashes = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            hashes[key] = "symlink:" + os.readlink(path)
        elif path.is_dir():
            hashes[key + "/"] = "dir"
        else:
            hashes[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


@pytest.fixture(scope="session")
def hostile_content(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("hostile") / "content"
    shutil.copytree(HOSTILE, content)
    for name, data in GENERATED.items():
        (content / name).write_bytes(data)
    return content


@pytest.fixture(scope="session")
def hostile_build(hostile_content: Path) -> Build:
    """The hostile corpus built once per session under a sub-path site URL."""
    out = hostile_content.parent / "out" / "site"
    build = run_build(hostile_content, out, "--site-url", SITE_URL, "--no-cache")
    assert build.returncode == 0, build.stderr
    return build


@pytest.fixture(scope="session")
def hostile_site(hostile_build: Build) -> Path:
    return hostile_build.site


def probe(visits: list[dict]) -> list[dict]:
    """Run ``chromium_probe.py`` on ``visits``; one report per visit (see that module)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: apt-get install -y chromium")
    result = subprocess.run(
        [sys.executable, "-m", "tests.robustness.chromium_probe"],
        input=json.dumps({"visits": visits}),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


NGINX = Path(os.environ.get("NGINX", "/usr/sbin/nginx"))
PREFIX = "/archive/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def nginx(hostile_site: Path, tmp_path_factory) -> Iterator[str]:
    """Debian's nginx serving the hostile site under /archive/ and at the root; yields the base URL.

    Its own config, prefix and pid file in a temporary directory; no root port, no system service.
    """
    if not NGINX.exists():
        pytest.skip(f"{NGINX} not found: apt-get install -y nginx")
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    temp_paths = "\n".join(
        f"    {kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = prefix / "nginx.conf"
    config.write_text(
        f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix}/access.log;
{temp_paths}
    server {{
        listen 127.0.0.1:{port};
        location {PREFIX} {{
            alias {hostile_site}/;
            error_page 404 {PREFIX}404.html;
        }}
        location / {{
            root {hostile_site};
            error_page 404 /404.html;
        }}
    }}
}}
"""
    )
    process = subprocess.Popen([str(NGINX), "-c", str(config), "-p", str(prefix)], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {process.stderr.read().decode()}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
