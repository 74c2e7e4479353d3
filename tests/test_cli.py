"""The command line: every command has help, and failures are clean messages with exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.errors import EXIT_INPUT, EXIT_USAGE

from .conftest import ROOT

COMMANDS = ("build", "check", "review", "serve")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def test_top_level_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Example: python -m generator" in result.stdout


def test_unknown_command_is_a_usage_error() -> None:
    assert run("frobnicate").returncode == EXIT_USAGE


def test_build_of_a_missing_content_folder_names_the_folder(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere"
    assert main(["build", "--content", str(missing), "--out", str(tmp_path / "site")]) == EXIT_INPUT
    assert "nowhere" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_build_reports_invalid_utf8_with_file_and_line(tmp_path: Path, capsys) -> None:
    documents = tmp_path / "content" / "documents"
    documents.mkdir(parents=True)
    (documents / "bad.txt").write_bytes(b"first line\nsecond \xff line\n")
    assert main(["build", "--content", str(tmp_path / "content"), "--out", str(tmp_path / "site")]) == EXIT_INPUT
    assert "bad.txt:2" in capsys.readouterr().err


def test_build_works_on_any_folder_of_plain_text_documents(tmp_path: Path) -> None:
    documents = tmp_path / "content" / "documents"
    documents.mkdir(parents=True)
    (documents / "notes.txt").write_text(
        "A short headline\nJane Example told the Daily Planet that the bridge was closed.\nhttps://example.org\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    assert (
        main(["build", "--content", str(tmp_path / "content"), "--out", str(out), "--cache", str(tmp_path / "c")]) == 0
    )
    assert (out / "index.html").exists()
    assert (out / "documents" / "notes" / "index.html").exists()
    assert (out / "data" / "corpus.json").exists()
    assert (out / "pagefind" / "pagefind.js").exists()


def test_builds_without_source_date_epoch_are_identical_and_carry_no_clock_date(tmp_path: Path, monkeypatch) -> None:
    import gzip
    import hashlib

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    documents = tmp_path / "content" / "documents"
    documents.mkdir(parents=True)
    (documents / "a.txt").write_text("A headline\nJane Example spoke to the Daily Planet.\n", encoding="utf-8")

    def build(name: str) -> dict[str, str]:
        out = tmp_path / name / "site"
        args = ["build", "--content", str(tmp_path / "content"), "--out", str(out), "--no-cache"]
        assert main([*args, "--site-url", "https://example.org/archive/"]) == 0
        return {
            p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in out.rglob("*")
            if p.is_file()
        }

    assert build("one") == build("two")
    sitemap = (tmp_path / "one" / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/archive/" in sitemap and "<lastmod>" not in sitemap
    assert gzip.decompress((tmp_path / "one" / "site" / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    assert "SOURCE_DATE_EPOCH" not in __import__("os").environ
