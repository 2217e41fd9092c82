"""What both atheris targets share: the repository on the path, libFuzzer defaults, seeds."""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for entry in (ROOT, ROOT / "src"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

# Rejections are logged at warning: thousands a second would slow the fuzzer to a crawl.
logging.disable(logging.CRITICAL)

# Per-input time limit (seconds) and memory limit unless the command line sets them: an
# input that takes longer counts as a hang, and libFuzzer stops with it saved as a crash.
DEFAULTS = ("-timeout=20", "-rss_limit_mb=4096")


def libfuzzer_args(argv: list[str], seeds: dict[str, bytes]) -> list[str]:
    """`argv` with the defaults added and a folder of `seeds` as an extra corpus.

    Without a corpus folder on the command line, new inputs go to a temporary one. Files
    on the command line (a saved crash to replay) are run once each, with no corpus added:
    libFuzzer takes either files or folders, never both.
    """
    args = list(argv)
    for default in DEFAULTS:
        if not any(a.startswith(default.split("=")[0] + "=") for a in args[1:]):
            args.append(default)
    given = [a for a in args[1:] if not a.startswith("-")]
    if any(Path(a).is_file() for a in given):
        return args
    if not given:
        args.append(tempfile.mkdtemp(prefix="parley-fuzz-corpus-"))
    seed_folder = Path(tempfile.mkdtemp(prefix="parley-fuzz-seeds-"))
    for name, data in seeds.items():
        (seed_folder / name).write_bytes(data)
    return [*args, str(seed_folder)]
