"""Run a part of the build in a child process, so that the memory it used goes back to the system when it ends.

The generator stages build millions of small objects. Once they are let go, Python keeps most of the
memory they stood on (its allocator returns a block of memory only when every object in it is gone),
so at 10,000 documents the build process would still hold gigabytes while MkDocs and Pagefind run
beside it. A child process gives all of it back when it ends.

Progress reaches the parent as it happens: the child's ``Timings`` sends each report through a pipe,
and the parent records the stage times and calls its own ``report``. An error in the child is raised
again in the parent: a ``GeneratorError`` as itself, anything else with the child's traceback.

Does not: know what the function does.
"""

from __future__ import annotations

import contextlib
import signal
import traceback
from collections.abc import Callable
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from .errors import BuildError, GeneratorError
from .timings import Timings

#: Seconds an interrupted child has to stop its workers (each finishes the chunk it is on) before it is ended.
STOP_TIMEOUT = 120

Job = TypeVar("Job")
Result = TypeVar("Result")


class ChildError(RuntimeError):
    """An unexpected error in the child process; its message holds the child's traceback."""


def run_in_child(function: Callable[[Job, Timings], Result], job: Job, timings: Timings) -> Result:
    """``function(job, timings)`` in a fresh (spawned) process; its result, which must pickle, as is job."""
    context = get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_child_main, args=(function, job, sending), name=function.__name__)
    process.start()
    sending.close()
    finished = False
    try:
        while True:
            try:
                kind, *payload = receiving.recv()
            except EOFError:
                process.join()
                finished = True
                raise BuildError(
                    f"{function.__name__} stopped before it finished (exit code {process.exitcode})"
                ) from None
            if kind == "report":
                stage, detail, stages = payload
                timings.stages.update(stages)
                timings.report(stage, detail)
                continue
            finished = True
            if kind == "result":
                return payload[0]
            raise payload[0]
    finally:
        receiving.close()
        if not finished:
            _stop(process)
        process.join()


def _stop(process: BaseProcess) -> None:
    """The parent was interrupted: the child's work is no longer wanted.

    The child unwinds on SIGTERM as on Ctrl-C (``_child_main``), so it stops its own workers; ended
    outright it would leave them running on their own.
    """
    process.terminate()
    process.join(timeout=STOP_TIMEOUT)
    if process.is_alive():
        process.kill()


def _child_main(function: Callable[[Any, Timings], Any], job: Any, sending: Connection) -> None:
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, signal.default_int_handler)
    timings = Timings()
    timings.report = lambda stage, detail: sending.send(("report", stage, detail, dict(timings.stages)))
    try:
        message = ("result", function(job, timings))
    except GeneratorError as error:
        message = ("error", error)
    except (KeyboardInterrupt, BrokenPipeError):
        return  # the parent was interrupted, or is gone: nobody waits for an answer
    except Exception:
        message = ("error", ChildError(traceback.format_exc()))
    with contextlib.suppress(OSError):
        sending.send(message)
