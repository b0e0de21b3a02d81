"""Shared web layer: problem responses, security headers, templates and static assets."""
