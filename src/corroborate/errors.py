"""One catalogue of the errors users see: each is one line saying what, where and what to do.

Codes: E1xx reading documents, E2xx data files and manifests, E3xx the store, E4xx queries and the API.
"""

from __future__ import annotations

from enum import Enum

__all__ = ["CorroborateError", "E"]


class E(str, Enum):  # noqa: UP042  (StrEnum would format as the value; .name is the code)
    """Error codes with their message templates."""

    E101 = "cannot read: {reason}"
    E102 = "binary file ({reason}); corroborate reads text, Markdown, HTML and PDF"
    E103 = "cannot decode the bytes as text ({reason}); pass --encoding"
    E104 = "empty document: no text left after reading and normalizing"
    E105 = "too large: {size} bytes, over the limit of {limit}; raise --max-bytes"
    E106 = "no readable text in the HTML ({reason})"
    E107 = "broken PDF ({reason})"
    E108 = "cannot fetch the URL ({reason})"
    E109 = "no such file or directory"
    E110 = "unsupported document type {reason}; corroborate reads .txt, .md, .html and .pdf"
    E111 = "skipped: the manifest {reason} beside it is malformed"
    E112 = "cannot list the folder ({reason}); its documents were skipped: check its permissions"
    E113 = "bad symbolic link ({reason}); fix or remove the link"
    E114 = "a library it needs is missing ({reason}); reinstall corroborate with its dependencies"
    E201 = "malformed manifest: {reason}"
    E202 = "invalid data file: {reason}"
    E203 = "malformed gold file: {reason}"
    E301 = "cannot open the database ({reason})"
    E302 = "the database was written by a newer corroborate (schema {found} > {supported}); upgrade"
    E303 = "the store failed while writing ({reason}); nothing of this document was kept"
    E304 = "not a corroborate database ({reason}); pass another --db"
    E305 = "no database here; run `corroborate ingest` first or pass another --db"
    E306 = ("the database is locked: another corroborate process is writing ({what} not "
            "written); retry when it ends")
    E307 = ("the database file is read-only ({what} not written); check its permissions or "
            "pass another --db")
    E401 = "malformed query: {reason}"
    E402 = "not found: {reason}"
    E403 = "invalid option: {reason}"


class CorroborateError(Exception):
    """An expected problem, reported to users as one line and never as a traceback."""

    def __init__(self, code: E, where: str | None = None, **params: object) -> None:
        self.code = code
        self.where = where
        self.params = params
        super().__init__(self.line())

    @property
    def reason(self) -> str:
        return self.code.value.format(**self.params)

    def line(self) -> str:
        """Error [E104] report.pdf: empty document ..."""
        where = f" {self.where}:" if self.where else ""
        return f"Error [{self.code.name}]{where} {self.reason}"

    def __reduce__(self) -> tuple[object, ...]:
        # pickled by code name, so that an error crosses to a worker process and back intact
        return (_restore, (self.code.name, self.where, self.params))


def _restore(code: str, where: str | None, params: dict[str, object]) -> CorroborateError:
    return CorroborateError(E[code], where, **params)
