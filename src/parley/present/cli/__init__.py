"""The `parley` command line. Each module registers the commands of one stage on `app`."""

from __future__ import annotations

import sys

from parley.errors import ParleyError
from parley.present.cli import (  # noqa: F401  (each module registers its commands)
    bargain,
    build,
    check,
    dates,
    export,
    stances,
    views,
    web,
)
from parley.present.cli.app import app


def main() -> None:
    """Entry point: run the app, turning `ParleyError` into `Error: ...` and exit 1."""
    try:
        app(standalone_mode=False)
    except ParleyError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(1)
    except SystemExit:
        raise
    except Exception as exc:  # click's usage errors arrive here in non-standalone mode
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Exit):
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(130)
        raise


__all__ = ["app", "main"]
