"""The kiosk under a real X server and window manager (Xvfb + openbox), escaped as people try to.

Runs packaging/check-kiosk-x11.sh; skipped where those programs are not installed
(./dev.sh test installs them on Debian).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import ROOT

TOOLS = ["Xvfb", "openbox", "xdotool", "wmctrl", "xprop"]


@pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS), reason=f"needs {', '.join(TOOLS)}")
def test_window_manager_close_minimise_and_alt_f4_leave_the_kiosk_on_screen() -> None:
    result = subprocess.run(["bash", "packaging/check-kiosk-x11.sh"], cwd=ROOT, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("refused:") == 4
