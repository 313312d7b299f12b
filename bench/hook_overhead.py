"""What the quiz and link-check hooks add to a build of a 300-page site.

    python bench/hook_overhead.py [--pages 300] [--rounds 9] [--only quiz,links,both,same] [--each]

Builds the generated site (two quizzes and a dozen links a page, see generated_site.py)
with each hook alone and with both, each build paired with a build of the same site
without hooks, and prints each hook's overhead: the median over the rounds of the ratio
between the two builds of a pair, and the ratio of the fastest builds. The build time is
the one MkDocs reports. Without the quiz hook the quiz blocks are plain text; without the
link hook MkDocs checks links itself.

The two builds of a pair run one after the other, in turn in either order, and with the
same string-hash seed: on this machine a build's place in a sequence and the per-process
luck of hashing each move its time by a few percent, and neither may fall on one side only.
`--only same` measures two identical sites this way: the benchmark's own noise.
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
# A copy of the site without hooks, measured only when asked (--only same): what pairs of
# identical builds differ by, the benchmark's own noise.
SAME = {"same site": []}
CHOICES = {"quiz": "quiz hook", "links": "link hook", "both": "both hooks", "same": "same site"}


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
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--only", help="comma-separated variants besides 'no hooks': quiz,links,both,same")
    parser.add_argument("--each", action="store_true", help="also print every round's build times")
    args = parser.parse_args()
    variants = dict(VARIANTS)
    if args.only:
        wanted = {"no hooks"} | {CHOICES[o] for o in args.only.split(",")}
        variants = {k: v for k, v in {**VARIANTS, **SAME}.items() if k in wanted}
    with tempfile.TemporaryDirectory() as tmp:
        sites = {
            name: generate(Path(tmp) / name.replace(" ", "-"), args.pages, hooks) for name, hooks in variants.items()
        }
        for site in sites.values():  # warm-up: file caches, bytecode
            build_seconds(site, 0)
        hooked = [name for name in sites if name != "no hooks"]
        times: dict[str, list[float]] = {name: [] for name in hooked}
        bases: dict[str, list[float]] = {name: [] for name in hooked}
        for number in range(args.rounds):
            for name in hooked:
                pair = [("no hooks", bases[name]), (name, times[name])]
                for which, values in pair if number % 2 == 0 else reversed(pair):
                    values.append(build_seconds(sites[which], seed=number + 1))
    print(f"Strict build of a generated {args.pages}-page site, {args.rounds} pairs each (MkDocs' own build time):")
    for name in hooked:
        values, base = times[name], bases[name]
        if args.each:
            print(f"  {'no hooks':<11} " + " ".join(f"{v:5.2f}" for v in base))
            print(f"  {name:<11} " + " ".join(f"{v:5.2f}" for v in values))
        paired = statistics.median(v / b for v, b in zip(values, base, strict=True))
        print(
            f"  {name:<11} median {statistics.median(values):5.2f} s against {statistics.median(base):5.2f} s "
            f"->  {100 * (paired - 1):+.1f}% (median of pairs), {100 * (min(values) / min(base) - 1):+.1f}% (fastest)"
        )


if __name__ == "__main__":
    main()
