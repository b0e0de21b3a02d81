"""Funding rules as data and the funding router (ADR 0021)."""
