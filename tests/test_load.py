"""Load: broken and unusual input files give a clear error naming the file, or a warning and a skip."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import EXIT_INPUT, InputError
from generator.load import MAX_DOCUMENT_BYTES, load_documents, load_inputs


def make_content(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    """A content/ folder holding ``files`` (paths relative to content/documents unless they start with '/')."""
    content = tmp_path / "content"
    (content / "documents").mkdir(parents=True)
    for name, data in files.items():
        path = content / name[1:] if name.startswith("/") else content / "documents" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return content


def load_problems(content: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_inputs(content)
    assert caught.value.exit_code == EXIT_INPUT
    return [str(p) for p in caught.value.problems]


GOOD = "A headline\nSome text.\n"


def test_invalid_utf8_is_an_error_naming_file_and_line(tmp_path):
    content = make_content(tmp_path, {"bad.txt": b"line one\nline two \xff\xfe here\n"})
    assert load_problems(content) == [
        "content/documents/bad.txt:2: invalid UTF-8 (byte 0xff at offset 18): save the file as UTF-8 and build again"
    ]


def test_binary_document_is_an_error_naming_file_and_line(tmp_path):
    content = make_content(tmp_path, {"photo.txt": b"GIF89a\n\x00\x01\x02"})
    assert load_problems(content) == [
        "content/documents/photo.txt:2: binary data (a NUL byte): expected a plain-text document"
    ]


def test_every_bad_document_is_reported_at_once(tmp_path):
    content = make_content(tmp_path, {"a.txt": b"\xff", "b.txt": b"\x00", "c.txt": GOOD})
    problems = load_problems(content)
    assert [p.split(":")[0] for p in problems] == ["content/documents/a.txt", "content/documents/b.txt"]


def test_binary_file_that_is_not_a_document_is_skipped_with_a_warning(tmp_path):
    content = make_content(tmp_path, {"photo.png": b"\x89PNG\r\n\x1a\n\x00\x00", "a.txt": GOOD})
    inputs = load_inputs(content)
    assert [d.id for d in inputs.documents] == ["a"]
    assert [str(w) for w in inputs.warnings] == [
        "content/documents/photo.png: skipped: not a document (expected .txt, .md)"
    ]


@pytest.mark.parametrize("data", [b"", b"\n\n  \r\n\t\n", b"\xef\xbb\xbf"], ids=["empty", "blank-lines", "bom-only"])
def test_empty_or_blank_document_is_skipped_with_a_warning(tmp_path, data):
    content = make_content(tmp_path, {"blank.txt": data, "a.txt": GOOD})
    inputs = load_inputs(content)
    assert [d.id for d in inputs.documents] == ["a"]
    assert [str(w) for w in inputs.warnings] == [
        "content/documents/blank.txt: skipped: the file is empty or has only blank lines"
    ]


def test_too_large_document_is_an_error_without_reading_it(tmp_path):
    content = make_content(tmp_path, {})
    with (content / "documents" / "huge.txt").open("wb") as handle:  # 50 MB, sparse: cheap to make
        handle.truncate(50 * 1024 * 1024)
    assert MAX_DOCUMENT_BYTES < 50 * 1024 * 1024
    assert load_problems(content) == [
        "content/documents/huge.txt: too large (50.0 MB; the limit is 10 MB): split it into several documents"
    ]


def test_crlf_lone_cr_and_lf_line_ends_number_lines_as_an_editor_does(tmp_path):
    content = make_content(tmp_path, {"mixed.txt": b"one\r\ntwo\rthree\nfour\r\n"})
    (document,) = load_inputs(content).documents
    assert document.lines == ("one", "two", "three", "four")


def test_bom_is_dropped_from_the_text_but_kept_in_the_checksum(tmp_path):
    import hashlib

    data = "\ufeffTitle line\nBody\n".encode()
    content = make_content(tmp_path, {"bom.txt": data})
    (document,) = load_inputs(content).documents
    assert document.lines == ("Title line", "Body")
    assert document.title == "Title line"
    assert document.sha256 == hashlib.sha256(data).hexdigest()


def test_crlf_markdown_front_matter_is_read(tmp_path):
    content = make_content(tmp_path, {"a.md": b'---\r\ntitle: "From front matter"\r\n---\r\nBody\r\n'})
    (document,) = load_inputs(content).documents
    assert document.title == "From front matter"
    assert document.lines == ("---", 'title: "From front matter"', "---", "Body")


def test_invalid_front_matter_is_an_error_with_its_line(tmp_path):
    content = make_content(tmp_path, {"a.md": "---\ntitle: [unclosed\n---\nBody\n"})
    (problem,) = load_problems(content)
    assert problem.startswith("content/documents/a.md:")
    assert "invalid front matter" in problem


def test_invalid_sidecar_yaml_is_an_error_naming_the_sidecar_and_line(tmp_path):
    content = make_content(tmp_path, {"a.txt": GOOD, "a.txt.meta.yml": "title: ok\nsource_url: [unclosed\n"})
    (problem,) = load_problems(content)
    assert problem.startswith("content/documents/a.txt.meta.yml:3: invalid YAML")


def test_sidecar_with_unknown_keys_is_an_error(tmp_path):
    content = make_content(tmp_path, {"a.txt": GOOD, "a.txt.meta.yml": "title: ok\nauthor: someone\n"})
    assert load_problems(content) == [
        "content/documents/a.txt.meta.yml: unknown keys ['author']; "
        "expected some of ['notes', 'published', 'retrieved', 'source_url', 'title']"
    ]


def test_sidecar_that_is_not_a_mapping_is_an_error(tmp_path):
    content = make_content(tmp_path, {"a.txt": GOOD, "a.txt.meta.yml": "- just\n- a list\n"})
    (problem,) = load_problems(content)
    assert problem.startswith("content/documents/a.txt.meta.yml:1: expected a mapping")


def test_sidecar_without_its_document_is_skipped_with_a_warning(tmp_path):
    content = make_content(tmp_path, {"a.txt": GOOD, "gone.txt.meta.yml": "title: x\n"})
    inputs = load_inputs(content)
    assert [str(w) for w in inputs.warnings] == [
        "content/documents/gone.txt.meta.yml: skipped: metadata for a document that does not exist"
    ]


def test_two_documents_with_the_same_slug_are_an_error_naming_both(tmp_path):
    content = make_content(tmp_path, {"Report 1.txt": GOOD, "report-1.md": GOOD})
    assert load_problems(content) == [
        "content/documents/report-1.md: its page slug 'report-1' is the same as that of Report 1.txt; rename one"
    ]


def test_file_names_with_spaces_non_ascii_and_double_dots_get_plain_slugs(tmp_path):
    content = make_content(tmp_path, {"Raport i shkurtër – ëç.txt": GOOD, "two..dots.txt": GOOD, "گزارش.txt": GOOD})
    inputs = load_inputs(content)
    assert sorted(d.id for d in inputs.documents) == ["gzrsh", "raport-i-shkurter-ec", "two-dots"]
    assert inputs.warnings == []


def test_hidden_documents_are_skipped_with_a_warning(tmp_path):
    content = make_content(tmp_path, {"..hidden.txt": GOOD, ".DS_Store": b"\x00", "a.txt": GOOD})
    inputs = load_inputs(content)
    assert [d.id for d in inputs.documents] == ["a"]
    assert [str(w) for w in inputs.warnings] == [
        "content/documents/..hidden.txt: skipped: hidden file (its name starts with a dot)"
    ]


def test_symlinks_and_folders_are_skipped_so_nothing_outside_documents_is_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not for publication\n")
    content = make_content(tmp_path, {"a.txt": GOOD})
    (content / "documents" / "link.txt").symlink_to(secret)
    (content / "documents" / "sub").mkdir()
    documents, warnings = load_documents(content / "documents")
    assert [d.id for d in documents] == ["a"]
    assert [w.message for w in warnings] == ["skipped: not a regular file"] * 2


def test_missing_documents_folder_is_an_error(tmp_path):
    (tmp_path / "content").mkdir()
    (problem,) = load_problems(tmp_path / "content")
    assert "no such directory" in problem


def test_invalid_curation_yaml_is_an_error_with_its_line(tmp_path):
    content = make_content(tmp_path, {"a.txt": GOOD, "/curation.yml": "people:\n  - same: [A, B\n    reason: x\n"})
    (problem,) = load_problems(content)
    assert problem.startswith("content/curation.yml:3: invalid YAML")


def test_curation_in_invalid_utf8_is_an_error(tmp_path):
    content = make_content(tmp_path, {"a.txt": GOOD, "/curation.yml": b"people: []\n# \xff\n"})
    (problem,) = load_problems(content)
    assert problem.startswith("content/curation.yml:2: invalid UTF-8")


def test_curation_naming_a_missing_document_or_line_is_an_error(tmp_path):
    curation = (
        "segments:\n"
        "  - {document: nope.txt, line: 1, split: true, reason: typo}\n"
        "  - {document: a.txt, line: 99, split: true, reason: past the end}\n"
    )
    content = make_content(tmp_path, {"a.txt": GOOD, "/curation.yml": curation})
    assert load_problems(content) == [
        "content/curation.yml:2: no document named 'nope.txt' in content/documents/",
        "content/curation.yml:3: a.txt has only 2 lines, not 99",
    ]
