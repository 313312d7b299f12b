"""A large copy of the site for the benchmarks: the real docs plus generated pages.

    python bench/generated_site.py OUT_DIR [--pages 300] [--shape linked|nav] [--no-hooks]

Each generated page has two quizzes, a dozen internal links, a tabbed table and an
admonition. Shapes:

- `linked`: the generated pages are not in the navigation; each links to others, and one
  index page (in the navigation) links to every one.
- `nav`: the same pages, each in the navigation.

The copy uses the project's own mkdocs.yml (its Markdown extensions, theme and hooks), so a
build of it costs what a build of a real site this size would; `--no-hooks` writes
`hooks: []`, the same build without any hook.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHAPES = ("linked", "nav")
SHAPE_LABELS = {"linked": "pages linked, not in the nav", "nav": "pages in the nav"}

PAGE = """\
---
description: Generated page {n} for the benchmarks, with quizzes, links, tabs and notes.
---

# Topic {n}

{para}

## Overview {{ #overview }}

{para} See [the next topic]({next}.md#details), [the previous one]({prev}.md), and
[a far one]({far}.md#overview). Back to [the start](index.md).

!!! note "Remember"

    {para} More in [topic {far2}]({far2}.md#details).

## Details {{ #details }}

=== "Side by side"

    | Aspect | One | Other |
    |---|---|---|
    | Cost | {word1} | {word2} |
    | Effort | {word3} | {word4} |

=== "In short"

    {para} Compare with [topic {near}]({near}.md#overview).

{para} [Here](#overview), [there](#details), [topic {a}]({a}.md), [topic {b}]({b}.md#details),
<a href="../{c}/">raw HTML to topic {c}</a> and [the pricing page](../pricing.md#worked-example).

/// quiz | Page {n}: which option is right?
    goal: G1
- [ ] The first

    Not this one.

- [x] The second
- [ ] The third

The second one, as [the details](#details) say.
///

/// quiz | Page {n}: how many tasks run?
    goal: G4
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


def generate(out: Path, pages: int = 300, shape: str = "linked", hooks: bool = True, seed: int = 1) -> Path:
    """Copy the project into `out` with `pages` generated pages under docs/generated/."""
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {', '.join(SHAPES)}")
    rng = random.Random(seed)
    for name in ("docs", "includes", "diagrams", "overrides"):
        shutil.copytree(ROOT / name, out / name, dirs_exist_ok=True)
    folder = out / "docs" / "generated"
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"topic-{n:03d}" for n in range(pages)]
    (folder / "index.md").write_text(
        "---\ndescription: Generated pages for the benchmarks, each with quizzes, links, tabs and notes.\n---\n\n"
        "# Generated topics\n\n" + "".join(f"- [{name}]({name}.md)\n" for name in names)
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
            word1=rng.choice(WORDS),
            word2=rng.choice(WORDS),
            word3=rng.choice(WORDS),
            word4=rng.choice(WORDS),
        )
        (folder / f"{name}.md").write_text(text)
    config = (ROOT / "mkdocs.yml").read_text()
    listed = "".join(f"      - generated/{name}.md\n" for name in names) if shape == "nav" else ""
    config = config.replace(
        "  - Self-check: self-check.md\n",
        f"  - Generated:\n      - generated/index.md\n{listed}  - Self-check: self-check.md\n",
    )
    head, rest = config.split("\nhooks:\n")
    listed_hooks = rest.split("\n\n")[0].replace("  - hooks/", f"  - {ROOT}/hooks/")
    config = head + ("\nhooks:\n" + listed_hooks + "\n" if hooks else "\nhooks: []\n")
    config = config.replace("site_url: !ENV [SITE_URL, ", "site_url: !ENV [BENCH_SITE_URL, ")
    (out / "mkdocs.yml").write_text(config)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--shape", choices=SHAPES, default="linked")
    parser.add_argument("--no-hooks", action="store_true")
    args = parser.parse_args()
    print(generate(args.out, args.pages, args.shape, not args.no_hooks))
