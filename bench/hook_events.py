"""Where the hooks' time goes: each hook's time in each MkDocs event, inside one build.

    python bench/hook_events.py [--pages 300] [--runs 3] [--shapes linked,nav]

overhead.py measures what a user feels (whole processes); this names the parts. For each
shape of the generated site it runs `mkdocs build --strict` in a new process with every
event handler timed (`--child`), `--runs` times, and prints the median time of each hook's
handler for each event, their sum, and that sum as a share of the median build.
"""

from __future__ import annotations

import argparse
import atexit
import collections
import json
import os
import runpy
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generated_site import SHAPE_LABELS, SHAPES, generate


def child(out: Path) -> None:
    """Build the project in the current folder with every hook's event handlers timed."""
    import mkdocs.plugins

    spent: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    register = mkdocs.plugins.PluginCollection._register_event

    def register_timed(self, event_name: str, method, plugin_name=None):
        code = getattr(method, "__code__", None)
        if code is None or f"{os.sep}hooks{os.sep}" not in code.co_filename:
            return register(self, event_name, method, plugin_name)  # a plugin's, not a hook's
        name = f"{Path(code.co_filename).stem} {event_name}"

        def timed(*args, **kwargs):
            before = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - before

        timed.mkdocs_priority = getattr(method, "mkdocs_priority", 0)
        return register(self, event_name, timed, plugin_name)

    mkdocs.plugins.PluginCollection._register_event = register_timed

    def write() -> None:
        out.write_text(json.dumps({"build": time.perf_counter() - started, "hooks": dict(spent)}))

    atexit.register(write)
    sys.argv = ["mkdocs", "build", "--strict", "--clean", "--quiet"]
    runpy.run_module("mkdocs", run_name="__main__")


def measure(project: Path, runs: int) -> list[dict]:
    results = []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(
                [sys.executable, __file__, "--child", out.name],
                cwd=project,
                check=True,
                capture_output=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
            results.append(json.loads(Path(out.name).read_text()))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print(f"Each hook's time in each event, inside `mkdocs build --strict`, median of {args.runs} runs:")
    for shape in args.shapes.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            project = generate(Path(tmp), args.pages, shape)
            measure(project, 1)  # warm-up: file caches, bytecode, the AWS models' cache
            results = measure(project, args.runs)
        label = SHAPE_LABELS[shape]
        build = statistics.median(r["build"] for r in results)
        names = sorted({name for r in results for name in r["hooks"]})
        medians = {name: statistics.median(r["hooks"].get(name, 0.0) for r in results) for name in names}
        total = statistics.median(sum(r["hooks"].values()) for r in results)
        share = f"{total * 1000:4.0f} ms ({total / build:.1%})"
        print(f"  {label} ({args.pages} pages): build {build:5.2f} s, in the hooks {share}")
        for name, seconds in sorted(medians.items(), key=lambda item: -item[1]):
            if seconds >= 0.0005:
                print(f"    {name:<28} {seconds * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
