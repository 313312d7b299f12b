"""`python -m sitekit`: check the sources, or build the site with any builder, without MkDocs hooks.

    python -m sitekit check                      # quizzes, diagrams, AWS CLI examples; no build
    python -m sitekit build                      # with MkDocs: its hooks run the same checks
    python -m sitekit build --builder zensical   # checks, `zensical build`, quizzes.json, links
    python -m sitekit serve --port 8001          # `mkdocs serve`, after checking the port is free

Every finding is printed once as `file:line: what; how to fix` (and as a GitHub annotation
on GitHub Actions); the exit code is 1 when any of them fails the build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from sitekit import checks
from sitekit import project as projects
from sitekit.findings import Finding, print_findings, summary, unique

BUILDERS = ("mkdocs", "properdocs", "zensical")


def _finish(findings: list[Finding], what: str, started: float) -> int:
    print_findings(findings)
    found = unique(findings)
    if any(f.fails for f in found):
        sys.stderr.write(summary(found) + "\n")
        return 1
    sys.stderr.write(f"{what} in {time.perf_counter() - started:.1f} s: no problems found.\n")
    return 0


def check(args: argparse.Namespace) -> int:
    """Check the sources without building."""
    started = time.perf_counter()
    try:
        project = projects.load(args.config_file)
    except (OSError, ValueError) as error:
        sys.stderr.write(f"{args.config_file}: {error}\n")
        return 1
    return _finish(checks.check_sources(project), "Checked the sources", started)


def build(args: argparse.Namespace) -> int:
    """Build with the chosen builder; without MkDocs hooks, run the checks around it."""
    started = time.perf_counter()
    project = projects.load(args.config_file)
    command = shutil.which(args.builder) or str(Path(sys.executable).with_name(args.builder))
    if args.builder in ("mkdocs", "properdocs"):  # the hooks run every check
        return subprocess.call([command, "build", "--strict", "-f", str(project.config_file)])
    found = checks.check_sources(project)
    result = subprocess.call([command, "build", "--clean", "-f", str(project.config_file)], cwd=project.root)
    if result != 0:
        print_findings(found)
        sys.stderr.write(f"{args.builder} build failed (exit code {result}).\n")
        return result
    found += checks.after_build(project, project.site_dir)
    return _finish(found, f"Built with {args.builder}", started)


def serve(args: argparse.Namespace) -> int:
    """Serve with MkDocs on 127.0.0.1, after making sure the port is free."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", args.port))
        except OSError:
            sys.stderr.write(
                f"Port {args.port} on 127.0.0.1 is in use (another `make serve`?). Stop that server, "
                f"or serve on another port: make serve PORT={args.port + 1}\n"
            )
            return 1
    command = shutil.which("mkdocs") or str(Path(sys.executable).with_name("mkdocs"))
    address = f"127.0.0.1:{args.port}"
    os.environ.setdefault("SITE_URL", f"http://{address}/")
    os.execv(command, [command, "serve", "--dev-addr", address, "-f", args.config_file])
    return 0  # not reached: the server replaces this process


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitekit", description=__doc__.split("\n")[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the project's mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check quizzes, diagrams and AWS CLI examples without building")
    builder = commands.add_parser("build", help="build the site, with every check")
    builder.add_argument("--builder", choices=BUILDERS, default="mkdocs")
    server = commands.add_parser("serve", help="serve the site with MkDocs, rebuilt on every save")
    server.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    return {"check": check, "build": build, "serve": serve}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
