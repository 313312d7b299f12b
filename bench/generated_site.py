"""Generate a large site for the benchmarks: 300 pages, two quizzes and a dozen links a page.

    python bench/generated_site.py OUT_DIR [--pages 300] [--hooks quiz,links]

The site uses the project's theme, overrides and Markdown extensions, so that a build of it
costs what a build of a real site this size would.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGE = """\
---
description: Generated page {n} for the benchmarks.
---

# Topic {n}

{para}

## Overview {{ #overview }}

{para} See [the next topic]({next}.md#details), [the previous one]({prev}.md), and
[a far one]({far}.md#overview). Back to [the start](index.md).

!!! note "Remember"

    {para} More in [topic {far2}]({far2}.md#details).

## Details {{ #details }}

=== "Console"

    {para} Compare with [topic {near}]({near}.md#overview).

=== "AWS CLI"

    ```bash
    aws ecr describe-repositories --region us-east-1
    ```

{para} [Here](#overview), [there](#details), [topic {a}]({a}.md), [topic {b}]({b}.md#details),
<a href="../{c}/">raw HTML to topic {c}</a> and [AWS](https://aws.amazon.com/ecr/).

/// quiz | Page {n}: which option is right?
- [ ] The first

    Not this one.

- [x] The second
- [ ] The third

The second one, as [the details](#details) say.
///

/// quiz | Page {n}: how many tasks run?
    answer: ["2", "two"]

Two tasks run.
///
"""

WORDS = [
    "container",
    "image",
    "registry",
    "repository",
    "task",
    "service",
    "cluster",
    "capacity",
    "provider",
    "Fargate",
    "node",
    "group",
    "pod",
    "deployment",
    "rolling",
    "update",
    "lifecycle",
    "policy",
    "scanning",
    "replication",
    "load",
    "balancer",
    "subnet",
    "role",
]


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "."


def generate(out: Path, pages: int, hooks: list[str], seed: int = 1) -> Path:
    """Write the site's docs/ and mkdocs.yml into `out`; return `out`."""
    rng = random.Random(seed)
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    names = [f"topic-{n:03d}" for n in range(pages)]
    (docs / "index.md").write_text(
        "---\ndescription: Generated site.\n---\n\n# Start\n\n" + "".join(f"- [{name}]({name}.md)\n" for name in names)
    )
    for n, name in enumerate(names):
        pick = lambda: names[rng.randrange(pages)]  # noqa: E731
        text = PAGE.format(
            n=n,
            para=paragraph(rng),
            next=names[(n + 1) % pages],
            prev=names[n - 1],
            far=pick(),
            far2=pick(),
            near=pick(),
            a=pick(),
            b=pick(),
            c=pick(),
        )
        (docs / f"{name}.md").write_text(text)
    config = (ROOT / "mkdocs.yml").read_text()
    config = (
        config.split("\nnav:")[0]
        + "\nnav:\n  - index.md\n"
        + "".join(f"  - {n}.md\n" for n in names)
        + ("\ntheme:" + config.split("\ntheme:", 1)[1].split("\nhooks:")[0])
    )
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("base_path: [includes]", f"base_path: [{ROOT / 'includes'}]")
    config = config.replace("site_url: !ENV [SITE_URL, ", "site_url: !ENV [BENCH_SITE_URL, ")
    config += "\nhooks:\n" + "".join(f"  - {ROOT / 'hooks' / h}.py\n" for h in hooks) if hooks else ""
    (out / "mkdocs.yml").write_text(config)
    for asset in ("stylesheets", "javascripts"):
        target = docs / "assets" / asset
        target.mkdir(parents=True, exist_ok=True)
        for file in (ROOT / "docs" / "assets" / asset).iterdir():
            (target / file.name).write_bytes(file.read_bytes())
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--hooks", default="quiz,links")
    args = parser.parse_args()
    print(generate(args.out, args.pages, [h for h in args.hooks.split(",") if h]))
