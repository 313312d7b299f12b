"""Build time and page weight of the real site.

    python bench/site_stats.py [--rounds 5]

Prints the median time of a strict build, then for every page what a first visit
downloads: the HTML and the stylesheets, scripts and images it loads, raw and gzipped (as
GitHub Pages serves them). Also the size of the quiz script and style sheet together.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sitekit.offline import precache_list

ROOT = Path(__file__).resolve().parent.parent
LOADS = re.compile(
    r'<(?:script|img)\b[^>]*\ssrc="([^"]+)"|<link\b(?=[^>]*rel="(?:stylesheet|icon)")[^>]*\shref="([^"]+)"'
)


def build(site: Path) -> float:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode:
        raise SystemExit(result.stderr[-2000:])
    return float(re.search(r"Documentation built in ([\d.]+) seconds", result.stderr).group(1))


def sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 9))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        times = [build(site) for _ in range(args.rounds)]
        print(
            f"Strict build of the site: median {statistics.median(times):.2f} s over {args.rounds} builds "
            f"(fastest {min(times):.2f} s)\n"
        )
        print(f"{'page':<18} {'HTML':>14} {'CSS+JS+images':>18} {'first visit':>14}")
        print(f"{'':<18} {'raw / gzip KB':>14} {'raw / gzip KB':>18} {'gzip KB':>14}")
        for page in sorted(site.rglob("index.html")):
            name = str(page.parent.relative_to(site)).replace(".", "home")
            if name.startswith(("search", "assets")):
                continue
            html_raw, html_gz = sizes(page)
            base = "http://site/" + str(page.relative_to(site))
            assets = {
                urlsplit(urljoin(base, src or href)).path.lstrip("/")
                for src, href in LOADS.findall(page.read_text(encoding="utf-8"))
            }
            files = [site / a for a in assets if (site / a).is_file()]
            raw = sum(sizes(f)[0] for f in files)
            gz = sum(sizes(f)[1] for f in files)
            print(
                f"{name:<18} {html_raw / 1024:6.1f} / {html_gz / 1024:5.1f} {raw / 1024:9.1f} / {gz / 1024:6.1f}"
                f" {(html_gz + gz) / 1024:14.1f}"
            )
        quiz = [site / "assets/javascripts/quiz.js", site / "assets/stylesheets/quiz.css"]
        raw, gz = (sum(sizes(f)[i] for f in quiz) for i in (0, 1))
        print(f"\nQuiz script and style sheet together: {raw / 1024:.1f} KB raw, {gz / 1024:.1f} KB gzipped")
        cached = [
            site / ("index.html" if path == "./" else path + ("index.html" if path.endswith("/") else ""))
            for path, _ in precache_list(site)
        ]
        total = sum(sizes(f)[1] for f in cached if f.is_file())
        print(
            f"Service worker precache, after the first visit: {len(cached)} files, {total / 1024:.0f} KB gzipped "
            "(fetched after the page has loaded)"
        )


if __name__ == "__main__":
    main()
