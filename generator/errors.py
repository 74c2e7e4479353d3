"""The few exceptions the stages raise; ``__main__`` turns them into messages in one place.

Every error names the file and, where there is one, the line, and says what was
expected, what was found and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Exit codes, documented in the README.
EXIT_OK = 0
EXIT_USAGE = 2  # bad command-line usage (argparse's own code)
EXIT_INPUT = 65  # bad input: a document, metadata or curation file (sysexits EX_DATAERR)
EXIT_BUILD = 70  # mkdocs or pagefind failed (sysexits EX_SOFTWARE)
EXIT_OUTPUT = 73  # --out cannot be replaced: not a directory, or holds something other than a site (EX_CANTCREAT)
EXIT_INTERRUPTED = 130  # stopped by a signal; the previous site is untouched


class GeneratorError(Exception):
    """Base class: anything the CLI reports as a clean message."""

    exit_code = EXIT_INPUT


@dataclass
class Problem:
    """One thing wrong with one input file."""

    path: Path | str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class InputError(GeneratorError):
    """One or more input files are unusable; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self) -> tuple:
        # Raised in the generator's child process (``child``) and pickled to the parent: made again from its problems.
        return (type(self), (self.problems,))


class BuildError(GeneratorError):
    """An external build step (mkdocs, pagefind) failed."""

    exit_code = EXIT_BUILD


class OutputError(GeneratorError):
    """The output directory cannot safely be replaced."""

    exit_code = EXIT_OUTPUT


def input_error(path: Path | str, line: int | None, message: str) -> InputError:
    return InputError([Problem(path, line, message)])
