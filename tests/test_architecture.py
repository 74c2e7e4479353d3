"""The generator's shape: small modules and functions, word lists as data, imports that follow the pipeline."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 60
#: A collection literal of this many words or more, or a string of words split into a list, is a
#: word list and belongs in generator/lexicon/ (schema keys and CSV columns stay below it).
MIN_WORD_LIST = 12
#: The stages in pipeline order; a module may import its own stage and earlier ones only.
STAGES = ("load", "segment", "dedupe", "extract", "resolve", "render", "site")


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def test_no_module_is_crowded() -> None:
    long = {_name(p): n for p in MODULES if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_no_function_is_long() -> None:
    long = [
        f"{_name(p)}:{node.lineno} {node.name}() {node.end_lineno - node.lineno + 1} lines"
        for p in MODULES
        for node in ast.walk(_tree(p))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


def _is_word(value: object) -> bool:
    return isinstance(value, str) and value.replace("-", "").replace("'", "").isalpha()


def word_lists(tree: ast.Module) -> list[int]:
    """Lines of literals that hold a list of words: a collection of word strings, or a string of words split."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and _is_word(e.value)]
            if len(words) >= MIN_WORD_LIST:
                found.append(node.lineno)
        elif isinstance(node, ast.Attribute) and node.attr == "split" and isinstance(node.value, ast.Constant):
            words = str(node.value.value).split()
            if len(words) >= 3 and all(_is_word(w) for w in words):
                found.append(node.lineno)
    return found


def test_word_list_detector_finds_a_word_list() -> None:
    assert word_lists(ast.parse('X = frozenset("wife husband son".split())')) == [1]
    assert word_lists(ast.parse(f"X = {tuple('abcdefghijkl')}")) == [1]
    assert word_lists(ast.parse('X = "An ordinary sentence that says what a rule is for."')) == []


def test_no_word_list_is_kept_in_code() -> None:
    lists = [f"{_name(p)}:{line}" for p in MODULES for line in word_lists(_tree(p))]
    assert lists == [], "move these to generator/lexicon/<name>.txt"


def _stage(module: str) -> int | None:
    head = module.split(".")[0]
    return STAGES.index(head) if head in STAGES else None


def later_stage_imports(path: Path) -> list[str]:
    here = _stage(path.relative_to(PACKAGE).with_suffix("").parts[0])
    if here is None:
        return []
    wrong = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            targets = [node.module] if node.module else [alias.name for alias in node.names]
            wrong += [t for t in targets if (there := _stage(t)) is not None and there > here]
    return wrong


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_stage_imports_a_later_stage(path: Path) -> None:
    assert later_stage_imports(path) == []
