"""Project files as hooks name them in messages, and the theme templates hooks render."""

from __future__ import annotations

import importlib
import os
import sys
from types import ModuleType

from jinja2 import Template, TemplateNotFound
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def display_path(path: str, config_file_path: str | None) -> str:
    """Return a source file's path as messages show it: relative to the project (`docs/ecr.md`)."""
    top = os.path.dirname(os.path.abspath(config_file_path or "mkdocs.yml"))
    rel = os.path.relpath(path, top)
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


def theme_template(config: MkDocsConfig, name: str) -> Template:
    """Return a template of the theme (with `overrides/`), or stop the build saying what is missing."""
    try:
        return config.theme.get_env().get_template(name)
    except TemplateNotFound:
        raise PluginError(
            f"{display_path(config.config_file_path, config.config_file_path)}: the template {name} is missing; "
            "set theme.custom_dir to the overrides/ folder that holds it"
        ) from None


def reload_helpers(*modules: ModuleType) -> None:
    """Reload helper modules from the hooks folder (MkDocs keeps hook modules loaded).

    `mkdocs serve` rebuilds without importing the hook files again, so the hooks call this in
    `on_config`: an edit to a helper then shows in the next rebuild. Nothing is reloaded when
    no helper changed since it was loaded (a helper seen for the first time was just imported
    with its hook). The folder goes on the module search path only while the helpers are
    read, as when MkDocs loads a hook.
    """
    changed = False
    for module in modules:
        mtime = os.path.getmtime(module.__file__)
        if getattr(module, "_loaded_mtime", None) is None:  # imported for this build: current
            module._loaded_mtime = mtime
        changed = changed or module._loaded_mtime != mtime
    if not changed:
        return
    folder = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, folder)
    try:
        for module in modules:  # all of them, in order: a reloaded helper rebinds what it imports
            module = importlib.reload(module)
            module._loaded_mtime = os.path.getmtime(module.__file__)
    finally:
        sys.path.remove(folder)
