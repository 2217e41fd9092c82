"""The `parley` command line. Each module registers the commands of one stage on `app`."""

from __future__ import annotations

import logging
import os
import sys

from parley.errors import ParleyError
from parley.present.cli import (  # noqa: F401  (each module registers its commands)
    bargain,
    build,
    case,
    check,
    dates,
    export,
    stances,
    views,
    web,
)
from parley.present.cli.app import app


def main() -> None:
    """Entry point: run the app, turning `ParleyError` into `Error: ...` and its exit status
    (1; 3 for a full disk).

    Log records at `PARLEY_LOG` level (default ERROR) go to standard error;
    skipped inputs are reported once, by the command itself.
    """
    logging.basicConfig(
        level=os.environ.get("PARLEY_LOG", "ERROR").upper(),
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        app()
    except ParleyError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)


__all__ = ["app", "main"]
