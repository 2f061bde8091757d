"""Drives inputs through the pipeline: worker processes, progress, per-input errors, outputs."""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from presslens import settings
from presslens.errors import Errors, PageError
from presslens.io.raw import RawPage
from presslens.io.readers import iter_pages, load_document
from presslens.io.writers import AtomicOutput, RecordWriter
from presslens.pipeline import DEFAULT_STEPS, Pipeline


@dataclass(slots=True)
class RunOptions:
    inputs: list[str]
    output: str | None = None
    fmt: str = "json"
    jobs: int = 1
    steps: Sequence[str] = DEFAULT_STEPS
    overrides: dict[str, Any] = field(default_factory=dict)
    progress: bool | None = None  # None: only when stderr is a terminal


@dataclass(slots=True)
class PageResult:
    source: str
    record: dict[str, Any] | None
    error: str | None


@dataclass(slots=True)
class RunReport:
    pages: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        return 1 if self.failed else 0


class _PageTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Fail the page after `seconds`, where the platform has SIGALRM and we own the main thread."""
    usable = seconds > 0 and hasattr(signal, "setitimer")
    if usable:
        try:
            previous = signal.signal(signal.SIGALRM, _raise_timeout)
        except ValueError:  # not the main thread: run without a limit
            usable = False
    if usable:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _raise_timeout(signum: int, frame: Any) -> None:
    raise _PageTimeout()


def process_page(raw: RawPage, pipeline: Pipeline, overrides: dict[str, Any]) -> PageResult:
    """Read, analyse and serialise one page; every failure becomes this page's error."""
    limit = settings.get("page_timeout_seconds", overrides)
    try:
        with _time_limit(limit):
            doc = load_document(raw, overrides)
            pipeline(doc)
            return PageResult(raw.source, doc.to_dict(), None)
    except PageError as exc:
        return PageResult(raw.source, None, exc.reason)
    except _PageTimeout:
        return PageResult(raw.source, None, Errors.P009.format(seconds=limit))
    except MemoryError:
        return PageResult(raw.source, None, "out of memory while processing the page")
    except Exception as exc:  # an unexpected bug must cost one page, not the run
        return PageResult(raw.source, None, f"internal error: {type(exc).__name__}: {exc}")


# one pipeline per worker process, built by the pool initializer
_worker_pipeline: Pipeline | None = None
_worker_overrides: dict[str, Any] = {}


def _init_worker(steps: Sequence[str], overrides: dict[str, Any]) -> None:
    global _worker_pipeline, _worker_overrides
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _worker_pipeline = Pipeline(steps)
    _worker_overrides = overrides


def _process_in_worker(raw: RawPage) -> PageResult:
    assert _worker_pipeline is not None
    return process_page(raw, _worker_pipeline, _worker_overrides)


def analyze_pages(pages: Iterable[RawPage], options: RunOptions) -> Iterator[PageResult]:
    """Results for `pages` in input order, using `options.jobs` processes."""
    if options.jobs <= 1:
        pipeline = Pipeline(options.steps)
        for raw in pages:
            yield process_page(raw, pipeline, options.overrides)
        return
    with ProcessPoolExecutor(max_workers=options.jobs, initializer=_init_worker,
                             initargs=(tuple(options.steps), options.overrides)) as pool:
        # a bounded number of pages in flight keeps memory flat on huge inputs
        in_flight: deque[tuple[str, Future[PageResult]]] = deque()
        for raw in pages:
            in_flight.append((raw.source, pool.submit(_process_in_worker, raw)))
            if len(in_flight) >= options.jobs * 4:
                yield _collect(*in_flight.popleft())
        while in_flight:
            yield _collect(*in_flight.popleft())


def _collect(source: str, future: Future[PageResult]) -> PageResult:
    try:
        return future.result()
    except Exception as exc:  # a worker that died takes only its page with it
        return PageResult(source, None, f"worker failed: {type(exc).__name__}: {exc}")


def default_jobs() -> int:
    try:
        return max(1, min(len(os.sched_getaffinity(0)), 16))
    except AttributeError:
        return max(1, min(os.cpu_count() or 1, 16))


def _progress(results: Iterator[PageResult], enabled: bool) -> Iterator[PageResult]:
    if not enabled:
        yield from results
        return
    from tqdm import tqdm

    with tqdm(unit="page", file=sys.stderr, dynamic_ncols=True) as bar:
        for result in results:
            bar.update(1)
            yield result


def run(options: RunOptions) -> RunReport:
    """Analyse every input, write the records, report failures on stderr; never raises on pages."""
    report = RunReport()
    show_progress = sys.stderr.isatty() if options.progress is None else options.progress
    results = _progress(analyze_pages(iter_pages(options.inputs, options.overrides), options),
                        show_progress)
    with AtomicOutput(options.output) as stream:
        writer = RecordWriter(stream, options.fmt)
        for result in results:
            report.pages += 1
            if result.error is not None:
                report.failed.append((result.source, result.error))
                print(f"presslens: error: {result.source}: {result.error}", file=sys.stderr)
            else:
                writer.write(result.record)
        writer.close()
    return report
