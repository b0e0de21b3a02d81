"""Organisations, users, roles, login, API tokens and permission checks."""
