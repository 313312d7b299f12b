"""The checks of the site, without any builder: before a build, over the sources; after it,
over the built site.

- `check_sources`: every page's quizzes (each rendered with the project's own Markdown
  extensions), diagrams, AWS CLI examples and links to pages that do not exist, and every
  quiz's learning goal.
- `after_build`: the steps a builder without MkDocs hooks needs (quizzes.json) and the link
  check of the built site.

The MkDocs hooks call the same functions page by page, so both report alike.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from markdown import Markdown

from sitekit import api_examples, offline
from sitekit import project as projects
from sitekit.diagrams import check as diagram_check
from sitekit.diagrams import fence
from sitekit.findings import Finding
from sitekit.links import report as link_report
from sitekit.links import source as link_source
from sitekit.quizzes import collection
from sitekit.quizzes.check import PageCheck


@contextlib.contextmanager
def _in_folder(folder: Path) -> Iterator[None]:
    """Run in the project's folder: extensions read relative paths (snippets' includes/)."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def check_page(project: projects.Project, uri: str) -> list[Finding]:
    """Check one page's source: its quizzes (rendered), diagrams and AWS CLI examples."""
    text = (project.docs_dir / uri).read_text(encoding="utf-8")
    file = project.source(uri)
    _, body, offset = projects.strip_front_matter(text)
    page = PageCheck(file, body, offset)
    configs = {name: dict(options) for name, options in project.mdx_configs.items()}
    configs.setdefault("sitekit.quizzes", {}).update(report=page.report, config_file=str(project.config_file))
    if "sitekit.quizzes" in project.markdown_extensions:
        md = Markdown(extensions=project.markdown_extensions, extension_configs=configs)
        page.check_rendered(md.convert(body))
    found = list(page.findings)
    found += diagram_check.check_page(text, file, project.root / "diagrams")
    found += api_examples.check_page(text, file)
    found += link_source.missing_pages(text, file, uri, set(project.pages()))
    return found


def check_sources(project: projects.Project) -> list[Finding]:
    """Check every page of the docs folder, and every quiz's learning goal."""
    fence.STORE = project.root / "diagrams"
    api_examples.open_models(project.root / ".cache" / "aws-models")
    found: list[Finding] = []
    with _in_folder(project.root):
        for uri in project.pages():
            found += check_page(project, uri)
        found += collection.read_module(project.config_file).findings()
    api_examples.save_results()
    return found


def after_build(project: projects.Project, site_dir: Path) -> list[Finding]:
    """Write what the quiz script and the service worker need, then check every link."""
    collection.write_manifest(collection.read_module(project.config_file), site_dir)
    config = projects.read_config(project.config_file)
    offline.write_offline_files(site_dir, config.get("site_name", ""), config.get("site_description") or "")
    links = link_report.for_project(project)
    files = link_report.scan_built_site(links, project, site_dir)
    return links.findings(files)
