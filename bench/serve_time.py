"""How long `mkdocs serve` takes from saving a page to serving the rebuilt page.

    python bench/serve_time.py [--saves 5] [--pages 300]

Serves a copy of the site on 127.0.0.1, then saves a page again and again (a new sentence
each time) and polls the served page until the sentence is there; prints the median and the
spread of those waits for the real site and for the real site plus `--pages` generated
pages (see generated_site.py). What a learner's browser shows next is that page: the live
reload asks for it as soon as the rebuild is done.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generated_site import ROOT, generate


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, limit: float = 300) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        try:
            if text in fetch(url):
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{text!r} never appeared at {url}")


def measure(project: Path, saves: int) -> list[float]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url, "BENCH_SITE_URL": url},
    )
    try:
        wait_for(url + "fargate/", "AWS Fargate")
        page = project / "docs" / "fargate.md"
        text = page.read_text()
        waits = []
        for n in range(saves):
            marker = f"Saved for the benchmark, time {n}."
            page.write_text(text + f"\n{marker}\n")
            waits.append(wait_for(url + "fargate/", marker))
        return waits
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    print(f"`mkdocs serve`: from saving a page to the rebuilt page served, {args.saves} saves each")
    with tempfile.TemporaryDirectory() as tmp:
        real = Path(tmp) / "real"
        for name in ("docs", "includes", "diagrams", "overrides", "hooks", "sitekit"):
            shutil.copytree(ROOT / name, real / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "mkdocs.yml", real)
        large = generate(Path(tmp) / "large", args.pages, "nav")
        for label, project in (("real site", real), (f"real site + {args.pages} pages", large)):
            waits = measure(project, args.saves)
            print(
                f"  {label:<24} median {statistics.median(waits):5.2f} s, "
                f"fastest {min(waits):5.2f} s, slowest {max(waits):5.2f} s"
            )


if __name__ == "__main__":
    main()
