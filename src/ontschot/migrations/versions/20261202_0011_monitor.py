"""the results monitor's facts snapshot (issue 16, ADR 0023)

Revision ID: 20261202_0011
Revises: 20261202_0008
Create Date: 2026-12-02 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ontschot.db

revision: str = "20261202_0011"
down_revision: str | None = "20261202_0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "monitor_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("taken_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("placements", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("monitor_snapshot")
