"""Wall time of the test suite on this machine: the fast tier and the whole of it.

    python bench/test_time.py [--runs 1] [--only fast]

Runs `make test-fast` and `make test` in new processes and prints the wall time of each,
as a contributor waits for them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIERS = {"fast": "test-fast", "full": "test"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", choices=list(TIERS))
    args = parser.parse_args()
    print(f"Test suite wall time, {args.runs} run(s) each:")
    for name, target in TIERS.items():
        if args.only and name != args.only:
            continue
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            result = subprocess.run(["make", target], cwd=ROOT, capture_output=True, text=True)
            times.append(time.perf_counter() - started)
            if result.returncode:
                raise SystemExit(f"make {target} failed:\n{result.stdout[-3000:]}")
        print(f"  make {target:<10} median {statistics.median(times):6.1f} s (fastest {min(times):.1f} s)")


if __name__ == "__main__":
    main()
