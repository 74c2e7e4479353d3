"""Broken input through the real CLI: `path:line: message`, a documented exit code, and nothing written."""

from __future__ import annotations

from pathlib import Path

from generator.__main__ import main
from generator.errors import EXIT_INPUT, EXIT_OUTPUT

from .robustness.conftest import tree_hashes


def make_content(root: Path, documents: dict[str, bytes], curation: str | None = None) -> Path:
    content = root / "content"
    (content / "documents").mkdir(parents=True)
    for name, data in documents.items():
        (content / "documents" / name).write_bytes(data)
    if curation is not None:
        (content / "curation.yml").write_text(curation)
    return content


def build(content: Path, out: Path) -> int:
    return main(["build", "--content", str(content), "--out", str(out)])


def test_broken_documents_exit_65_listing_every_file_and_line_and_write_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = make_content(tmp_path, {"bad.txt": b"ok\n\xc3\x28\n", "bin.txt": b"\x00", "good.txt": b"Fine\n"})
    before = tree_hashes(tmp_path)
    assert build(content, tmp_path / "site") == EXIT_INPUT
    err = capsys.readouterr().err
    assert "content/documents/bad.txt:2: invalid UTF-8" in err
    assert "content/documents/bin.txt:1: binary data" in err
    assert tree_hashes(tmp_path) == before


def test_curation_problems_are_all_reported_at_once_with_exit_65(tmp_path, capsys):
    curation = "people:\n  - {same: [A B], reason: r}\n  - {colour: blue}\nsegments:\n  - {document: x.txt, line: 1}\n"
    content = make_content(tmp_path, {"good.txt": b"Fine\n"}, curation)
    assert build(content, tmp_path / "site") == EXIT_INPUT
    err = capsys.readouterr().err
    for expected in (
        "content/curation.yml:5: every entry needs a 'reason'",
        "content/curation.yml:5: no document named 'x.txt'",
        "content/curation.yml:2: 'same' takes a list of two names",
        "content/curation.yml:3: unknown key 'colour'",
    ):
        assert expected in err


def test_output_that_is_not_a_site_is_refused_with_exit_73_and_left_alone(tmp_path, capsys):
    content = make_content(tmp_path, {"good.txt": b"Fine\n"})
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.tex").write_text("years of work")
    assert build(content, precious) == EXIT_OUTPUT
    assert "refusing to replace it" in capsys.readouterr().err
    assert [p.name for p in precious.iterdir()] == ["chapter1.tex"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "thesis"]
