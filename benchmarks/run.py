"""All presslens benchmarks in one command; prints one JSON object.

    python benchmarks/run.py [--pages 1000] [--skip-speed] [--skip-quality]

Quality: segmentation on the held-out pages of ../shared/data/extraction/trafilatura_eval
(the split rule is in training/common.py). Speed: pages/s on one core and peak memory for the
text path, the HTML path and trafilatura's own extraction of the same pages.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def speed(pages: int) -> dict:
    results = {}
    for path in ("text", "html", "trafilatura", "trafilatura_matched"):
        out = subprocess.run([sys.executable, str(HERE / "speed.py"), "--path", path,
                              "--pages", str(pages)], capture_output=True, text=True, check=True)
        results[path] = json.loads(out.stdout.strip().splitlines()[-1])
    for reference in ("trafilatura", "trafilatura_matched"):
        results[f"html_time_vs_{reference}"] = round(
            results["html"]["seconds"] / results[reference]["seconds"], 3)
        results[f"html_cpu_time_vs_{reference}"] = round(
            results["html"]["cpu_seconds"] / results[reference]["cpu_seconds"], 3)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    report: dict = {}
    if not args.skip_quality:
        sys.path.insert(0, str(HERE))
        from segmentation import evaluate
        report["segmentation"] = evaluate("test")
    if not args.skip_speed:
        report["speed"] = speed(args.pages)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
