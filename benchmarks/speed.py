"""Speed and peak memory of the text and HTML paths, one process (one core) per measurement.

    python benchmarks/speed.py --path text|html|trafilatura|trafilatura_matched [--pages N]

prints one JSON object. `benchmarks/run.py` runs each path in its own process so that peak
memory (ru_maxrss) belongs to that path alone.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import sys
import time
from pathlib import Path

# one core: numpy's BLAS threads would otherwise spread the model's matrix products over all
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

PAGES_DIR = Path(__file__).resolve().parents[1].parent / "shared/data/extraction/trafilatura_eval/pages"


def page_files(count: int) -> list[Path]:
    """`count` page files, cycling through the corpus when it holds fewer."""
    files = sorted(PAGES_DIR.glob("*.gz"))
    if not files:
        sys.exit(f"no pages under {PAGES_DIR}")
    return list(itertools.islice(itertools.cycle(files), count))


def peak_memory_mb() -> float:
    """Peak resident memory of this process in MB. VmHWM, where Linux has it: ru_maxrss
    survives exec, so a benchmark child started by a large parent would report the parent's
    peak (the other benchmarks' speed children use this too)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


#: the steps of the foundation (issue 2), whose speed goals this benchmark checks; later steps
#: (entities, persuasion, moderation) have their own benchmarks
FOUNDATION_STEPS = ("segment", "comments", "body", "language", "metadata")


def _load_models(steps: tuple[str, ...]) -> None:
    """Load the per-language models before the clock starts: the first French page would
    otherwise pay spaCy's French start-up (about 4 s, once per process) inside the timing."""
    if "entities" in steps:
        from presslens.steps.entities.ner import load_model

        for language in ("en", "fr"):
            load_model(language)


def measure(path: str, count: int, steps: tuple[str, ...] = FOUNDATION_STEPS) -> dict:
    from presslens.io.raw import RawPage
    from presslens.io.readers import load_document
    from presslens.pipeline import Pipeline

    files = page_files(count)
    htmls = [gzip.decompress(f.read_bytes()) for f in files]
    if path.startswith("trafilatura"):
        import trafilatura

        # "trafilatura": its evaluation settings (main text only); "trafilatura_matched": the
        # same outputs presslens' HTML path gives (main text, comments and metadata)
        matched = path == "trafilatura_matched"

        def work(data):
            trafilatura.extract(data, fast=False, include_comments=matched, include_tables=True,
                                include_formatting=False, with_metadata=matched)
        inputs = htmls
    else:
        pipeline = Pipeline(steps)
        if path == "text":
            from presslens.io.html import render_html
            inputs = [RawPage(f.name, render_html(h.decode("utf-8", "replace")).encode(), "text")
                      for f, h in zip(files, htmls)]
        else:
            inputs = [RawPage(f.name, h, "html") for f, h in zip(files, htmls)]
        work_pipeline = pipeline

        def work(raw):
            work_pipeline(load_document(raw))
        work(inputs[0])  # models load lazily; a real run pays this once per process
        _load_models(steps)
    failures = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for item in inputs:
        try:
            work(item)
        except Exception:
            failures += 1
    seconds = time.perf_counter() - start
    # CPU time of this process: the one-core cost even when other work shares the machine
    cpu_seconds = time.process_time() - cpu_start
    return {"path": path, "steps": None if path.startswith("trafilatura") else list(steps),
            "pages": len(inputs), "failed": failures, "seconds": round(seconds, 2),
            "pages_per_s": round(len(inputs) / seconds, 1),
            "ms_per_page": round(1000 * seconds / len(inputs), 2),
            "cpu_seconds": round(cpu_seconds, 2),
            "pages_per_cpu_s": round(len(inputs) / cpu_seconds, 1),
            "peak_memory_mb": round(peak_memory_mb(), 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", choices=("text", "html", "trafilatura", "trafilatura_matched"), required=True)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--steps", default=",".join(FOUNDATION_STEPS),
                        help="comma-separated pipeline steps (default: the foundation's)")
    args = parser.parse_args()
    print(json.dumps(measure(args.path, args.pages, tuple(args.steps.split(",")))))


if __name__ == "__main__":
    main()
