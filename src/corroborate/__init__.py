"""corroborate: every figure and dated event in a document, as a claim with the words that say it.

The stages, in the order data flows: ``documents`` (read) -> ``text`` (normalize, segment) ->
``extract`` (claims) -> ``align`` (facts, disputes) -> ``store`` (SQLite/PostgreSQL) -> ``api``/``web``.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
