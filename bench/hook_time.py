"""Time spent inside each hook's own event functions during a build of the generated site.

    python bench/hook_time.py [--pages 300]

A complement to hook_overhead.py: whole-build timings include the machine's noise and
indirect costs (more HTML to index and write); this counts exactly the time in the hooks.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
from generated_site import generate  # noqa: E402 (after the path is set)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def timed_build(project: Path) -> tuple[float, dict[str, float]]:
    """Build once in this process; return the build time and the seconds in each hook."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), strict=True)
    if os.environ.get("BENCH_SITE_DIR"):
        config.site_dir = os.environ["BENCH_SITE_DIR"]
    spent: dict[str, float] = defaultdict(float)
    for event, methods in config.plugins.events.items():
        for i, method in enumerate(methods):
            module = getattr(method, "__module__", "") or ""
            if "/hooks/" not in module and not module.startswith("hooks/"):
                continue
            name = f"{Path(module).stem} {event}"

            def wrapper(*args, __method=method, __name=name, **kwargs):
                start = time.perf_counter()
                try:
                    return __method(*args, **kwargs)
                finally:
                    spent[__name] += time.perf_counter() - start

            methods[i] = wrapper
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start, dict(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--real", action="store_true", help="time the real site instead (all its hooks)")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        project = ROOT if args.real else generate(Path(tmp), args.pages, ["quiz", "links"])
        if args.real:
            os.environ["BENCH_SITE_DIR"] = tmp
        timed_build(project)  # warm-up (and, for the real site, the API model cache)
        runs = [timed_build(project) for _ in range(5)]
        total = sorted(r[0] for r in runs)[2]
        spent = {name: sorted(r[1].get(name, 0) for r in runs)[2] for name in runs[0][1]}
    what = "the real site" if args.real else f"a generated {args.pages}-page site"
    print(f"In-process strict build of {what}, median of 5: {total:.2f} s")
    hooks: dict[str, float] = defaultdict(float)
    for name, seconds in sorted(spent.items()):
        hooks[name.split()[0]] += seconds
        print(f"  {name:<24} {seconds * 1000:6.0f} ms  ({100 * seconds / total:.1f}% of the build)")
    for hook, seconds in sorted(hooks.items()):
        print(f"  {hook + ', all events':<24} {seconds * 1000:6.0f} ms  ({100 * seconds / total:.1f}% of the build)")


if __name__ == "__main__":
    main()
