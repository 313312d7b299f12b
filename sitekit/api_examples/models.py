"""The AWS API models that botocore ships, read as data: services, operations, input shapes.

botocore keeps one JSON model per service (`botocore/data/<service>/<version>/service-2.json`).
Importing botocore itself takes longer than building this site, so this module reads the
model files directly, keeps what a check needs (no documentation), and caches that per
service and botocore version under `.cache/aws-models/`: later builds load a few small files.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RE_VERSION = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.M)
RE_FIRST_CAP = re.compile(r"(.)([A-Z][a-z]+)")
RE_END_CAP = re.compile(r"([a-z0-9])([A-Z])")
RE_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s$")

# Options every `aws` command accepts (AWS CLI "Global options").
GLOBAL_OPTIONS = {
    "--debug",
    "--endpoint-url",
    "--no-verify-ssl",
    "--no-paginate",
    "--output",
    "--query",
    "--profile",
    "--region",
    "--version",
    "--color",
    "--no-sign-request",
    "--ca-bundle",
    "--cli-read-timeout",
    "--cli-connect-timeout",
    "--cli-binary-format",
    "--no-cli-pager",
    "--cli-auto-prompt",
    "--no-cli-auto-prompt",
}
# Options every API operation accepts in the CLI.
OPERATION_OPTIONS = {"--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton"}
PAGINATION_OPTIONS = {"--starting-token", "--page-size", "--max-items"}


def cli_name(name: str) -> str:
    """Return the AWS CLI spelling of an API name: `CreateRepository` -> `create-repository`.

    The same rules as botocore's `xform_name(name, "-")`, which the CLI uses.
    """
    if "-" in name:
        return name
    if plural := RE_PLURAL_ACRONYM.search(name):
        name = f"{name[: -len(plural.group())]}-{plural.group().lower()}"
    return RE_END_CAP.sub(r"\1-\2", RE_FIRST_CAP.sub(r"\1-\2", name)).lower()


def botocore_data() -> tuple[Path, str]:
    """Return botocore's model folder and botocore's version, without importing it."""
    spec = importlib.util.find_spec("botocore")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("botocore is not installed: pip install -r requirements.txt")
    package = Path(next(iter(spec.submodule_search_locations)))
    version = RE_VERSION.search((package / "__init__.py").read_text(encoding="utf-8"))
    return package / "data", version.group(1) if version else "unknown"


def _strip(model: Any) -> Any:
    """Drop documentation and examples from a model: they are most of its size."""
    if isinstance(model, dict):
        return {k: _strip(v) for k, v in model.items() if k not in ("documentation", "documentationUrl", "examples")}
    if isinstance(model, list):
        return [_strip(v) for v in model]
    return model


@dataclass
class Service:
    """One service's model: its operations by CLI name, and its shapes."""

    name: str
    operations: dict[str, dict[str, Any]]
    shapes: dict[str, dict[str, Any]]
    paginated: set[str] = field(default_factory=set)

    def operation(self, cli: str) -> dict[str, Any] | None:
        return self.operations.get(cli)


class Models:
    """Service models, loaded on first use and cached on disk per botocore version."""

    def __init__(self, cache: Path | None) -> None:
        self.data, self.version = botocore_data()
        self.cache_root = cache
        self.cache = cache / self.version if cache else None
        self._services: dict[str, Service | None] = {}

    def service_names(self) -> list[str]:
        """Every service botocore has a model for."""
        return sorted(p.name for p in self.data.iterdir() if p.is_dir())

    def service(self, name: str) -> Service | None:
        """Return a service's model, or None if botocore has none by that name."""
        if name not in self._services:
            self._services[name] = self._load(name)
        return self._services[name]

    def _load(self, name: str) -> Service | None:
        cached = self.cache / f"{name}.json" if self.cache else None
        if cached and cached.exists():
            data = json.loads(cached.read_text(encoding="utf-8"))
        else:
            folder = self.data / name
            if not folder.is_dir():
                return None
            newest = max((p for p in folder.iterdir() if p.is_dir()), key=lambda p: p.name)
            model_file = newest / "service-2.json.gz"
            if model_file.exists():
                with gzip.open(model_file) as compressed:
                    raw = compressed.read()
            else:
                raw = (newest / "service-2.json").read_bytes()
            model = _strip(json.loads(raw))
            pages = newest / "paginators-1.json"
            paginated = sorted(json.loads(pages.read_text())["pagination"]) if pages.exists() else []
            data = {
                "operations": {cli_name(op): {"name": op, **spec} for op, spec in model["operations"].items()},
                "shapes": model["shapes"],
                "paginated": paginated,
            }
            if cached:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        return Service(name, data["operations"], data["shapes"], set(data["paginated"]))
