"""Import every context's models so that Base.metadata is complete (Alembic, tests)."""

from ontschot.taxonomy import models as taxonomy_models

__all__ = ["taxonomy_models"]
