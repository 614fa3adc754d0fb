"""The command line: thin commands over the library; expected errors print one line, exit 1."""

from __future__ import annotations

import signal
import sys
from types import FrameType

from corroborate.cli import (  # noqa: F401  (registers the commands)
    browse,
    claims,
    conflicts,
    facts,
    ingest,
    serve,
    sides,
)
from corroborate.cli._app import Interrupted, app, err
from corroborate.errors import CorroborateError

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``corroborate`` command."""
    signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except CorroborateError as exc:
        err.print(exc.line(), markup=False)
        sys.exit(1)
    except (KeyboardInterrupt, Interrupted):
        # every write is one transaction, rolled back when interrupted: nothing is half-written
        err.print("Interrupted; nothing was left half-written.", markup=False)
        sys.exit(130)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted
