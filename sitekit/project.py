"""The project as every builder reads it: `mkdocs.yml`, the docs folder and the navigation.

MkDocs, ProperDocs and Zensical all read `mkdocs.yml`; the checks and build steps of this
package read it here, with the same YAML rules (`!ENV` and Python tags), so that they run
without any of those builders.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class NavPage:
    """A page of the navigation: its title, its source (relative to docs/) and its section."""

    title: str
    src_uri: str
    section: str = ""


@dataclass
class Project:
    """What the checks and build steps need to know about the project."""

    config_file: Path
    docs_dir: Path
    site_dir: Path
    site_url: str = ""
    use_directory_urls: bool = True
    nav: list[NavPage] = field(default_factory=list)
    markdown_extensions: list[Any] = field(default_factory=list)
    mdx_configs: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder that holds `mkdocs.yml`: messages name files relative to it."""
        return self.config_file.parent

    def display(self, path: str | os.PathLike[str]) -> str:
        """Return a file's path as messages show it (`docs/ecr.md`)."""
        return display_path(str(path), str(self.config_file))

    def source(self, src_uri: str) -> str:
        """Return a page's source as messages show it, from its path under docs/."""
        return self.display(self.docs_dir / src_uri)

    def pages(self) -> list[str]:
        """Every Markdown source under docs/, as paths relative to it, sorted."""
        return sorted(
            path.relative_to(self.docs_dir).as_posix()
            for path in self.docs_dir.rglob("*.md")
            if not any(part.startswith(".") for part in path.relative_to(self.docs_dir).parts)
        )

    def url(self, src_uri: str) -> str:
        """The URL of a page relative to the site root, as MkDocs gives it."""
        return page_url(src_uri, self.use_directory_urls)


SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it


class _Loader(getattr(yaml, "CLoader", yaml.Loader)):  # type: ignore[misc]
    """The YAML rules of `mkdocs.yml`: MkDocs' and Zensical's loaders both take Python tags.
    libyaml's parser where PyYAML has it: 50 times faster, and every build reads it."""


def _env(loader: yaml.Loader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, ..., default]`, as MkDocs reads it."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = [loader.construct_object(child) for child in node.value]  # type: ignore[union-attr]
        names, default = items[:-1] if len(items) > 1 else items, items[-1] if len(items) > 1 else None
    for name in names:
        if name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_Loader.add_constructor("!ENV", _env)


def read_config(config_file: str | os.PathLike[str]) -> dict[str, Any]:
    """Read `mkdocs.yml` as the builders do."""
    with open(config_file, encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_Loader) or {}


def flatten_nav(nav: Any, section: str = "") -> list[NavPage]:
    """Return the pages of a `nav` setting in reading order, sections flattened."""
    pages: list[NavPage] = []
    for item in nav or []:
        if isinstance(item, str):  # no title: the builder takes the page's own
            if not _external(item):
                pages.append(NavPage("", item, section))
            continue
        for title, value in item.items():
            if isinstance(value, str):
                if not _external(value):
                    pages.append(NavPage(str(title), value, section))
            else:
                pages.extend(flatten_nav(value, str(title)))
    return pages


def _external(target: str) -> bool:
    return "://" in target or target.startswith("/")


def split_extensions(entries: list[Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Split a `markdown_extensions` setting into names and their options, as MkDocs does."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in entries or []:
        if isinstance(entry, str):
            names.append(entry)
        else:
            for name, options in entry.items():
                names.append(name)
                configs[name] = dict(options or {})
    return names, configs


def load(config_file: str | os.PathLike[str] = "mkdocs.yml") -> Project:
    """Read the project from its `mkdocs.yml`."""
    path = Path(config_file).resolve()
    config = read_config(path)
    names, configs = split_extensions(config.get("markdown_extensions", []))
    return Project(
        config_file=path,
        docs_dir=(path.parent / config.get("docs_dir", "docs")).resolve(),
        site_dir=(path.parent / config.get("site_dir", "site")).resolve(),
        site_url=config.get("site_url") or "",
        use_directory_urls=config.get("use_directory_urls", True),
        nav=flatten_nav(config.get("nav")),
        markdown_extensions=names,
        mdx_configs=configs,
        extra=config.get("extra") or {},
    )


def display_path(path: str, config_file_path: str | None) -> str:
    """Return a source file's path as messages show it: relative to the project (`docs/ecr.md`)."""
    top = os.path.dirname(os.path.abspath(config_file_path or "mkdocs.yml"))
    rel = os.path.relpath(path, top)
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """Return the URL of the page built from `src_uri` (`ecr.md` -> `ecr/`), as MkDocs does."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    if not use_directory_urls:
        return f"{stem}.html"
    return f"{stem}/"


def strip_front_matter(markdown: str) -> tuple[dict[str, Any], str, int]:
    """Split YAML front matter from a page: (meta, body, lines the front matter took)."""
    if not markdown.startswith("---"):
        return {}, markdown, 0
    lines = markdown.split("\n")
    for number in range(1, len(lines)):
        if lines[number].rstrip() in ("---", "..."):
            try:
                meta = yaml.load("\n".join(lines[1:number]), Loader=SafeLoader) or {}
            except yaml.YAMLError:
                return {}, markdown, 0
            if not isinstance(meta, dict):
                return {}, markdown, 0
            return meta, "\n".join(lines[number + 1 :]), number + 1
    return {}, markdown, 0
