"""Fargate task sizes: the CPU and memory pairs AWS accepts, for Linux tasks.

From the Amazon ECS Developer Guide, "Fargate task definitions"
(https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html),
the same table as the Task sizes section of docs/fargate.md (a test keeps them equal).
"""

from __future__ import annotations

import re

GIB = 1024


def _steps(low: int, high: int, step: int) -> list[int]:
    return list(range(low * GIB, high * GIB + 1, step * GIB))


# CPU units -> memory in MiB that Fargate accepts with it.
SIZES: dict[int, list[int]] = {
    256: [512, 1024, 2048],
    512: _steps(1, 4, 1),
    1024: _steps(2, 8, 1),
    2048: _steps(4, 16, 1),
    4096: _steps(8, 30, 1),
    8192: _steps(16, 60, 4),
    16384: _steps(32, 120, 8),
}
RE_VCPU = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*vcpu\s*$", re.I)
RE_GB = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*gb\s*$", re.I)


def cpu_units(text: str) -> int | None:
    """CPU units from a task definition's `cpu` ("1024" or "1 vCPU"), or None."""
    if text.strip().isdigit():
        return int(text)
    m = RE_VCPU.match(text)
    return round(float(m.group(1)) * 1024) if m else None


def memory_mib(text: str) -> int | None:
    """Memory in MiB from a task definition's `memory` ("2048" or "2 GB"), or None."""
    if text.strip().isdigit():
        return int(text)
    m = RE_GB.match(text)
    return round(float(m.group(1)) * GIB) if m else None


def _gb(mib: int) -> str:
    return f"{mib} MiB" if mib < GIB else f"{mib // GIB} GB"


def size_problem(cpu: str, memory: str) -> str | None:
    """Say what is wrong with a Fargate CPU and memory pair, or None if Fargate runs it."""
    units, mib = cpu_units(cpu), memory_mib(memory)
    if units is None or mib is None:
        return None  # a placeholder, or a form the API reference check reports
    if units not in SIZES:
        return f"Fargate has no task size with {units} CPU units; use one of {', '.join(map(str, SIZES))}"
    allowed = SIZES[units]
    if mib in allowed:
        return None
    if len(allowed) <= 3:
        choices = ", ".join(_gb(m) for m in allowed)
    else:
        step = allowed[1] - allowed[0]
        choices = f"{_gb(allowed[0])} to {_gb(allowed[-1])} in {_gb(step)} steps"
    return (
        f"Fargate has no task size with {units} CPU units and {mib} MiB of memory; "
        f"with {units} CPU units, memory is {choices} (see Task sizes in docs/fargate.md)"
    )
