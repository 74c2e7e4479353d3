"""The Pagefind release is pinned: the lazy-filter shim and the index rewriter are written against its files."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version

from generator.site import PAGEFIND_VERSION

WHY = (
    "site_overrides/assets/pagefind-lazy/pagefind.js re-exports Pagefind's search module and "
    "generator/site/pagefind_index.stabilise_pagefind rewrites its CBOR index files; both were written "
    "against Pagefind {pinned}. Check both against Pagefind {found} (filters() still called once by the UI "
    "at start-up; the filter and meta index layouts), then set PAGEFIND_VERSION in "
    "generator/site/pagefind_index.py and the pin in requirements.lock."
)


def test_the_pagefind_package_is_the_pinned_release():
    found = version("pagefind")
    assert found == PAGEFIND_VERSION, WHY.format(pinned=PAGEFIND_VERSION, found=found)


def test_the_pagefind_binary_is_the_pinned_release(tmp_path):
    (tmp_path / "index.html").write_text("<html><body><p>probe</p></body></html>", encoding="utf-8")
    out = tmp_path / "pagefind"
    command = [sys.executable, "-m", "pagefind", "--site", str(tmp_path), "--output-path", str(out), "--quiet"]
    subprocess.run(command, check=True, capture_output=True)
    found = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))["version"]
    assert found == PAGEFIND_VERSION, WHY.format(pinned=PAGEFIND_VERSION, found=found)
