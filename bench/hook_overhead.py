"""What the quiz and link-check hooks add to a build of a 300-page site.

    python bench/hook_overhead.py [--pages 300] [--rounds 5]

Builds the generated site (two quizzes and a dozen links a page, see generated_site.py)
with no hook, with each hook alone and with both, in alternating rounds, and prints the
median build time MkDocs reports and each hook's overhead. Without the quiz hook the quiz
blocks are plain text; without the link hook MkDocs checks links itself.
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


def build_seconds(project: Path) -> float:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode:
        raise SystemExit(f"{project}: build failed\n{result.stderr[-2000:]}")
    return float(re.search(r"Documentation built in ([\d.]+) seconds", result.stderr).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", help="comma-separated variants besides 'no hooks': quiz,links,both")
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
            build_seconds(site)
        for _ in range(args.rounds):
            for name, site in sites.items():
                times[name].append(build_seconds(site))
    print(
        f"Strict build of a generated {args.pages}-page site, {args.rounds} alternating rounds "
        "(MkDocs' own build time; the fastest round is the least disturbed by the machine):"
    )
    fastest, median = ({name: pick(values) for name, values in times.items()} for pick in (min, statistics.median))
    for name in times:
        line = f"  {name:<11} fastest {fastest[name]:5.2f} s, median {median[name]:5.2f} s"
        if name != "no hooks":
            line += (
                f"  ->  {100 * (fastest[name] / fastest['no hooks'] - 1):+.1f}% (fastest), "
                f"{100 * (median[name] / median['no hooks'] - 1):+.1f}% (median)"
            )
        print(line)


if __name__ == "__main__":
    main()
