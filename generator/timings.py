"""Wall time per stage, and the hook that reports each stage as it starts and ends."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Timings:
    """Wall time per stage, in seconds, in the order the stages ran.

    ``report(stage, detail)`` is called with ``"…"`` when a stage starts, and by the stages
    with what they found (``"136353 segments"``) or with ``stage`` ``"warning"``.
    """

    stages: dict[str, float] = field(default_factory=dict)
    report: Callable[[str, str], None] = lambda stage, detail: None

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.report(name, "…")
        start = time.perf_counter()
        yield
        self.stages[name] = time.perf_counter() - start
