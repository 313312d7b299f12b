"""What every hook together costs, as a user feels it: whole `mkdocs build` processes.

    python bench/overhead.py [--pages 300] [--runs 7] [--shapes linked,nav]

For each shape of the generated site (the real docs plus generated pages, see
generated_site.py), builds it with every hook of mkdocs.yml and with `hooks: []`, in turn,
each in a new process, and prints the fastest and the median wall time of each and their
ratio, with the spread (slowest minus fastest) across runs. The two variants alternate which
goes first, so neither gains from the order. It also prints the ratio of the median CPU time
of the processes (user and system), which other work on the machine moves far less than
wall time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generated_site import SHAPE_LABELS, SHAPES, generate


def build_seconds(project: Path) -> tuple[float, float]:
    """Wall time and CPU time of a whole `mkdocs build --strict` process, start to exit."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise SystemExit(f"{project}: the build failed\n{result.stderr[-3000:]}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(pages: int, runs: int, shape: str) -> dict[str, list[tuple[float, float]]]:
    """Build times of the two variants of one shape, `runs` each, alternating."""
    with tempfile.TemporaryDirectory() as tmp:
        sites = {
            "all hooks": generate(Path(tmp) / "hooks", pages, shape, hooks=True),
            "no hooks": generate(Path(tmp) / "bare", pages, shape, hooks=False),
        }
        for site in sites.values():  # warm-up: file caches, bytecode, the AWS models' cache
            build_seconds(site)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in sites}
        for run in range(runs):
            order = list(sites) if run % 2 == 0 else list(reversed(sites))
            for name in order:
                times[name].append(build_seconds(sites[name]))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    print(f"Whole `mkdocs build --strict` processes, real docs + {args.pages} generated pages, {args.runs} runs each:")
    print(f"  {'site shape':<28} {'all hooks':>17} {'no hooks':>17} {'ratio':>14}")
    for shape in args.shapes.split(","):
        times = measure(args.pages, args.runs, shape)
        hooked, bare = ([wall for wall, _ in times[name]] for name in ("all hooks", "no hooks"))
        cpu = [statistics.median(cpu for _, cpu in times[name]) for name in ("all hooks", "no hooks")]
        label = SHAPE_LABELS[shape]
        cells = [f"{min(t):5.2f} s (±{max(t) - min(t):4.2f})" for t in (hooked, bare)]
        print(
            f"  {label:<28} {cells[0]:>17} {cells[1]:>17} "
            f"{min(hooked) / min(bare):6.3f} fastest, "
            f"{statistics.median(hooked) / statistics.median(bare):6.3f} median, "
            f"{cpu[0] / cpu[1]:6.3f} CPU time"
        )
    print("  (fastest run, and in brackets the spread: slowest minus fastest; CPU time: medians)")


if __name__ == "__main__":
    main()
