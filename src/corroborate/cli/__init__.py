"""The command line: thin commands over the library; expected errors print one line, exit 1."""

from __future__ import annotations

import sys

from corroborate.cli import browse, claims, facts, ingest  # noqa: F401  (registers the commands)
from corroborate.cli._app import app, err
from corroborate.errors import CorroborateError

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``corroborate`` command."""
    try:
        app()
    except CorroborateError as exc:
        err.print(exc.line(), markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("Interrupted; every document stored so far is complete.", markup=False)
        sys.exit(130)
