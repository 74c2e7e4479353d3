"""``run_in_child``: a function run in its own process reports, returns and fails as if run here."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.child import ChildError, run_in_child
from generator.errors import BuildError, InputError, Problem
from generator.timings import Timings


def count_words(text: str, timings: Timings) -> dict:
    with timings.stage("count"):
        words = text.split()
    timings.report("count", f"{len(words)} words")
    return {"words": len(words), "pid": os.getpid()}


def reject(path: str, timings: Timings) -> None:
    raise InputError([Problem(path, 3, "not a document"), Problem(path, 9, "no title")])


def divide(number: int, timings: Timings) -> float:
    return number / 0


def vanish(code: int, timings: Timings) -> None:
    os._exit(code)


def wait_then_note(note: Path, timings: Timings) -> None:
    try:
        timings.report("wait", "…")
        time.sleep(60)
    finally:
        note.write_text("unwound", encoding="utf-8")


def test_the_result_comes_back_from_another_process_with_its_reports_on_the_way():
    reports = []
    timings = Timings(report=lambda stage, detail: reports.append((stage, detail)))
    result = run_in_child(count_words, "one two three", timings)
    assert result["words"] == 3
    assert result["pid"] != os.getpid()
    assert reports == [("count", "…"), ("count", "3 words")]
    assert set(timings.stages) == {"count"}


def test_an_input_error_arrives_whole():
    with pytest.raises(InputError) as caught:
        run_in_child(reject, "content/documents/x.txt", Timings())
    assert [(p.line, p.message) for p in caught.value.problems] == [(3, "not a document"), (9, "no title")]
    assert "content/documents/x.txt:9: no title" in str(caught.value)


def test_an_unexpected_error_arrives_with_the_child_s_traceback():
    with pytest.raises(ChildError, match=r"(?s)in divide.*ZeroDivisionError"):
        run_in_child(divide, 1, Timings())


def test_a_child_that_ends_without_an_answer_is_a_build_error():
    with pytest.raises(BuildError, match="vanish stopped before it finished .exit code 7"):
        run_in_child(vanish, 7, Timings())


def test_a_parent_that_stops_waiting_lets_the_child_unwind(tmp_path):
    """The child cleans up as it does on Ctrl-C (its own workers stop), not ended outright."""
    note = tmp_path / "note.txt"

    def interrupted(stage: str, detail: str) -> None:
        raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_in_child(wait_then_note, note, Timings(report=interrupted))
    assert note.read_text(encoding="utf-8") == "unwound"
    assert time.monotonic() - started < 30
