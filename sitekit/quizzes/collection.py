"""The module's quizzes across pages: the Self-check collection, progress and the manifest.

Everything here is read from the Markdown sources and `mkdocs.yml`, so it runs the same
under every builder: the Self-check page's copy of every quiz (written as Markdown, in
reading order, each with a link back to the section that teaches it), the breakdown of
progress by page and by learning goal, and `quizzes.json`, which the quiz script reads to
show progress in the navigation.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitekit import project as projects
from sitekit.findings import Finding
from sitekit.quizzes import source as sources

RE_GOAL_LINE = re.compile(r"\*\*(?P<id>G[1-9][0-9]*)\s*·\s*(?P<title>[^*]+?)\.?\*\*")
HOME = "index.md"


@dataclass
class PageQuizzes:
    """One page of the navigation with the quizzes it teaches."""

    title: str
    uri: str
    source: str  # as messages name it: docs/ecr.md
    quizzes: list[sources.QuizSource]


@dataclass
class Module:
    """Every page's quizzes in reading order, the learning goals, and the collecting page."""

    project: projects.Project
    pages: list[PageQuizzes] = field(default_factory=list)
    goals: dict[str, str] = field(default_factory=dict)  # G3 -> its title on Home
    collector: str | None = None  # the source URI of the page with `/// quiz-collection`
    _manifest: dict | None = field(default=None, repr=False)

    def collected(self) -> list[tuple[PageQuizzes, list[sources.QuizSource]]]:
        """The quizzes the collecting page copies: every other page's, each id once."""
        own = next((p for p in self.pages if p.uri == self.collector), None)
        seen = {q.id for q in own.quizzes} if own else set()
        groups = []
        for page in self.pages:
            if page.uri == self.collector:
                continue
            quizzes = [q for q in page.quizzes if q.end is not None and q.id not in seen]
            seen.update(q.id for q in quizzes)
            if quizzes:
                groups.append((page, quizzes))
        return groups

    def findings(self) -> list[Finding]:
        """Quizzes without a learning goal (where Home lists goals), or with one it does not list."""
        found = []
        known = ", ".join(self.goals) or "none"
        for page in self.pages:
            for quiz in page.quizzes:
                goal = quiz.goal
                if goal is None and self.goals and quiz.read_options() is not None:
                    found.append(
                        Finding(
                            page.source,
                            quiz.line,
                            f"{quiz.name} names no learning goal; add the option 'goal: G1' (or the goal it "
                            f"checks), indented 4 spaces under the header (goals on Home: {known})",
                            check="quiz",
                        )
                    )
                elif goal is not None and self.goals and goal not in self.goals:
                    found.append(
                        Finding(
                            page.source,
                            quiz.line,
                            f"{quiz.name} checks the goal {goal}, which Home does not list; "
                            f"use one of {known}, or add the goal to Home",
                            check="quiz",
                        )
                    )
        return found

    def manifest(self) -> dict:
        """`quizzes.json`: pages, their quizzes and goals, for the navigation and Self-check."""
        if self._manifest is None:
            self._manifest = self._make_manifest()
        return self._manifest

    def _make_manifest(self) -> dict:
        collector = self.project.url(self.collector) if self.collector else None
        return {
            "pages": [
                {
                    "url": self.project.url(page.uri),
                    "title": page.title,
                    "quizzes": [{"id": q.id, "goal": q.goal} for q in page.quizzes if q.end is not None],
                }
                for page in self.pages
                if page.quizzes and page.uri != self.collector
            ],
            "goals": [{"id": key, "title": title} for key, title in self.goals.items()],
            "selfCheck": collector,
        }


# Reading every page costs a few milliseconds; a build reads them once, and `mkdocs serve`
# again only when a file changed.
_cache: dict[tuple, Module] = {}


def _stamp(project: projects.Project) -> tuple:
    files = [project.config_file, *(project.docs_dir / page.src_uri for page in project.nav)]
    return tuple((str(f), os.path.getmtime(f)) for f in files if f.exists())


def read_module(config_file: str | os.PathLike[str]) -> Module:
    """Read every page of the navigation of the project whose `mkdocs.yml` is given."""
    project = projects.load(config_file)
    stamp = _stamp(project)
    if stamp in _cache:
        return _cache[stamp]
    module = Module(project)
    for entry in project.nav:
        path = project.docs_dir / entry.src_uri
        if not path.exists():
            continue
        meta, body, offset = projects.strip_front_matter(path.read_text(encoding="utf-8"))
        page = sources.read_page(body, offset)
        title = entry.title or str(meta.get("title") or "") or _first_heading(body) or Path(entry.src_uri).stem
        if page.collection is not None:
            module.collector = entry.src_uri
        if entry.src_uri == HOME:
            module.goals = {m.group("id"): m.group("title").strip() for m in RE_GOAL_LINE.finditer(body)}
        module.pages.append(PageQuizzes(title, entry.src_uri, project.source(entry.src_uri), page.quizzes))
    _cache.clear()
    _cache[stamp] = module
    return module


def _first_heading(markdown: str) -> str:
    """The text of a page's `# Title`, as a builder takes it for a nav entry without a title."""
    m = re.search(r"^#[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*$", markdown, re.M)
    return m.group(1).strip() if m else ""


def collection_markdown(module: Module) -> str:
    """The Markdown that the `/// quiz-collection` block stands for: a section per page."""
    if module.collector is None:
        return ""
    parts = []
    for page, quizzes in module.collected():
        anchor = "from-" + Path(page.uri).with_suffix("").as_posix().replace("/", "-")
        parts.append(f"## {page.title} {{ #{anchor} }}\n")
        for quiz in quizzes:
            parts.append(sources.copy_for(quiz, page.uri, module.collector, page.source, page.title) + "\n")
    return "\n".join(parts)


def write_manifest(module: Module, site_dir: str | os.PathLike[str]) -> Path:
    """Write `quizzes.json` into the built site."""
    path = Path(site_dir) / "quizzes.json"
    path.write_text(json.dumps(module.manifest(), indent=0, sort_keys=True), encoding="utf-8")
    return path
