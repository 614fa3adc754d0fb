"""Property-based run of /openapi.json (schemathesis): whatever parameters it generates, the API
answers without a server error. Bounded (25 examples per route); derandomized when CI is set."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from corroborate.api import create_app
from tests.api.karabakh import build_database

# built at import: schemathesis needs the app (and its schema) before any fixture runs
_FOLDER = Path(tempfile.mkdtemp(prefix="corroborate-api-schema-"))
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(build_database(_FOLDER)))


atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=list(HealthCheck))
def test_no_route_answers_with_a_server_error(case: schemathesis.Case) -> None:
    response = case.call()
    case.validate_response(response, checks=[schemathesis.checks.not_a_server_error])
    assert response.status_code < 500
