"""Alembic migrations, shipped inside the package so `ontschot db upgrade` works anywhere."""
