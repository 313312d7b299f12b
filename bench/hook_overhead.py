"""What the quiz and link-check hooks add to a build of a 300-page site.

    python bench/hook_overhead.py [--pages 300] [--rounds 11] [--only quiz,links,both]

Builds the generated site (two quizzes and a dozen links a page, see generated_site.py)
with no hook, with each hook alone and with both, one after the other in each round, and
prints each hook's overhead: the median over the rounds of the ratio between its build and
the no-hook build of the same round, and the ratio of the fastest builds. The builds of a
round run close in time and with the same string-hash seed, so that neither the drift of a
busy machine nor the per-process luck of hashing falls on one side only. The build time is the one MkDocs
reports. Without the quiz hook the quiz blocks are plain text; without the link hook MkDocs
checks links itself.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generated_site import generate

VARIANTS = {"no hooks": [], "quiz hook": ["quiz"], "link hook": ["links"], "both hooks": ["quiz", "links"]}


def build_seconds(project: Path, seed: int) -> float:
    """Build in a new process; `seed` fixes Python's string hashing, which moves build times
    by a few percent from one process to the next."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": str(seed)},
    )
    if result.returncode:
        raise SystemExit(f"{project}: build failed\n{result.stderr[-2000:]}")
    return float(re.search(r"Documentation built in ([\d.]+) seconds", result.stderr).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--only", help="comma-separated variants besides 'no hooks': quiz,links,both")
    parser.add_argument("--each", action="store_true", help="also print every round's build times")
    args = parser.parse_args()
    variants = dict(VARIANTS)
    if args.only:
        wanted = {"no hooks"} | {
            {"quiz": "quiz hook", "links": "link hook", "both": "both hooks"}[o] for o in args.only.split(",")
        }
        variants = {k: v for k, v in VARIANTS.items() if k in wanted}
    with tempfile.TemporaryDirectory() as tmp:
        sites = {
            name: generate(Path(tmp) / name.replace(" ", "-"), args.pages, hooks) for name, hooks in variants.items()
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        for site in sites.values():  # warm-up: file caches, bytecode
            build_seconds(site, 0)
        for number in range(args.rounds):
            order = list(sites) if number % 2 == 0 else list(reversed(sites))  # no variant always goes first
            for name in order:
                times[name].append(build_seconds(sites[name], seed=number + 1))  # the same within a round
    if args.each:
        for name, values in times.items():
            print(f"  {name:<11} " + " ".join(f"{v:5.2f}" for v in values))
    print(f"Strict build of a generated {args.pages}-page site, {args.rounds} rounds (MkDocs' own build time):")
    base = times["no hooks"]
    for name, values in times.items():
        line = f"  {name:<11} median {statistics.median(values):5.2f} s, fastest {min(values):5.2f} s"
        if name != "no hooks":
            paired = statistics.median(v / b for v, b in zip(values, base, strict=True))
            line += (
                f"  ->  {100 * (paired - 1):+.1f}% (median of paired rounds), "
                f"{100 * (min(values) / min(base) - 1):+.1f}% (fastest)"
            )
        print(line)


if __name__ == "__main__":
    main()
