"""work-to-work: employees at risk, and a vacancy's number of positions (issue 14, ADR 0024)

Revision ID: 20261202_0010
Revises: 20261202_0008
Create Date: 2026-12-02 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ontschot.db

revision: str = "20261202_0010"
down_revision: str | None = "20261202_0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("vacancy", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("positions", sa.Integer(), server_default="1", nullable=False)
        )
    op.create_table(
        "at_risk_employee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=True),
        sa.Column("job_title", sa.String(length=200), nullable=False),
        sa.Column("occupation_uri", sa.String(length=200), nullable=True),
        sa.Column("hours_per_week", sa.Integer(), nullable=True),
        sa.Column("job_ends_on", sa.Date(), nullable=False),
        sa.Column("fund_name", sa.String(length=200), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("registered_by_user_id", sa.Integer(), nullable=True),
        sa.Column("registered_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name=op.f("fk_at_risk_employee_employer_id_employer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_at_risk_employee_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectory.id"],
            name=op.f("fk_at_risk_employee_trajectory_id_trajectory"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_at_risk_employee")),
    )
    with op.batch_alter_table("at_risk_employee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_at_risk_employee_candidate_id"), ["candidate_id"])
        batch_op.create_index("ix_at_risk_employee_employer", ["employer_id", "job_ends_on"])


def downgrade() -> None:
    with op.batch_alter_table("at_risk_employee", schema=None) as batch_op:
        batch_op.drop_index("ix_at_risk_employee_employer")
        batch_op.drop_index(batch_op.f("ix_at_risk_employee_candidate_id"))
    op.drop_table("at_risk_employee")
    with op.batch_alter_table("vacancy", schema=None) as batch_op:
        batch_op.drop_column("positions")
