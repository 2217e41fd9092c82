"""The `dev` script: what it does to the machine, it says first."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_dev_names_the_debian_packages_it_installs_before_installing_them(tmp_path: Path):
    # Run its function with apt-get, id and the probe replaced by stand-ins that log.
    script = f"""
        set -euo pipefail
        source {ROOT / "dev"}
        missing_system_packages() {{ echo postgresql; echo chromium; }}
        id() {{ echo 0; }}
        apt-get() {{ echo "apt-get $*" >&2; }}
        system_packages
    """
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    installs = [i for i, line in enumerate(lines) if line.startswith("apt-get install")]
    assert installs, result.stderr
    said = [i for i, line in enumerate(lines) if "postgresql chromium" in line and "root" in line]
    assert said and said[0] < installs[0], result.stderr
    assert "apt-get install -y -qq postgresql chromium" in lines[installs[0]]
