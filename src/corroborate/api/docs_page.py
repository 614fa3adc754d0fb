"""/docs: the OpenAPI description as one server-rendered page.

FastAPI's Swagger page loads its script from a CDN and runs inline script, which the API's own
Content-Security-Policy forbids (and nothing is downloaded at run time): this page needs neither.
"""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["render_docs"]


def _parameters(operation: dict[str, Any]) -> str:
    rows = []
    for p in operation.get("parameters", []):
        schema = p.get("schema", {})
        allowed = schema.get("enum") or [e for s in schema.get("anyOf", []) for e in s.get("enum", [])]
        kind = schema.get("type") or "/".join(str(s.get("type", "")) for s in schema.get("anyOf", []))
        note = f" one of {', '.join(map(str, allowed))}" if allowed else ""
        rows.append(f"<li><code>{escape(p['name'])}</code> ({escape(p.get('in', ''))}, "
                    f"{escape(kind)}{' , required' if p.get('required') else ''}){escape(note)}"
                    f"{': ' + escape(p['description']) if p.get('description') else ''}</li>")
    return f"<ul>{''.join(rows)}</ul>" if rows else ""


def render_docs(schema: dict[str, Any]) -> str:
    """The routes of ``schema`` (an OpenAPI document) with their parameters, as HTML."""
    sections = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            summary = operation.get("summary", "")
            description = operation.get("description", "")
            sections.append(
                f"<section><h2><code>{escape(method.upper())} {escape(path)}</code></h2>"
                f"<p>{escape(summary)}</p><p>{escape(description)}</p>"
                f"{_parameters(operation)}</section>")
    title = escape(schema.get("info", {}).get("title", "API"))
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title></head><body><h1>{title}</h1>"
            "<p>The machine-readable description: <a href=\"/openapi.json\">/openapi.json</a>. "
            "The web page: <a href=\"/\">/</a>.</p>"
            f"{''.join(sections)}</body></html>")
