"""placements and their follow-ups (issue 14, item 7, ADR 0019)

Revision ID: 20261202_0008
Revises: 20261202_0007
Create Date: 2026-12-02 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ontschot.db

revision: str = "20261202_0008"
down_revision: str | None = "20261202_0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "placement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("vacancy_id", sa.Integer(), nullable=True),
        sa.Column("introduction_id", sa.Integer(), nullable=True),
        sa.Column("occupation_uri", sa.String(length=200), nullable=True),
        sa.Column("contract_type", sa.String(length=12), nullable=False),
        sa.Column("contract_months", sa.Integer(), nullable=True),
        sa.Column("hours_per_week", sa.Integer(), nullable=False),
        sa.Column("wage_cents", sa.Integer(), nullable=True),
        sa.Column("wage_period", sa.String(length=8), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("trial_end_date", sa.Date(), nullable=True),
        sa.Column("intended_contract_months", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("created_by_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=20), nullable=True),
        sa.Column("end_reason_text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectory.id"],
            name=op.f("fk_placement_trajectory_id_trajectory"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_placement_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name=op.f("fk_placement_employer_id_employer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["vacancy_id"],
            ["vacancy.id"],
            name=op.f("fk_placement_vacancy_id_vacancy"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["introduction_id"],
            ["introduction.id"],
            name=op.f("fk_placement_introduction_id_introduction"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement")),
    )
    with op.batch_alter_table("placement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_placement_trajectory_id"), ["trajectory_id"])
        batch_op.create_index(batch_op.f("ix_placement_candidate_id"), ["candidate_id"])
        batch_op.create_index(batch_op.f("ix_placement_employer_id"), ["employer_id"])

    op.create_table(
        "placement_follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("placement_id", sa.Integer(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("surfaced_at", ontschot.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("done_at", ontschot.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("contact_date", sa.Date(), nullable=True),
        sa.Column("still_working", sa.Boolean(), nullable=True),
        sa.Column("same_hours", sa.Boolean(), nullable=True),
        sa.Column("hours_now", sa.Integer(), nullable=True),
        sa.Column("risk_signals", sa.Text(), nullable=True),
        sa.Column("actions_taken", sa.Text(), nullable=True),
        sa.Column("by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placement.id"],
            name=op.f("fk_placement_follow_up_placement_id_placement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_follow_up")),
    )
    with op.batch_alter_table("placement_follow_up", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_placement_follow_up_placement_id"), ["placement_id"])
        batch_op.create_index("ix_placement_follow_up_due", ["due_date", "done_at"])


def downgrade() -> None:
    with op.batch_alter_table("placement_follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_placement_follow_up_due")
        batch_op.drop_index(batch_op.f("ix_placement_follow_up_placement_id"))
    op.drop_table("placement_follow_up")
    with op.batch_alter_table("placement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_placement_employer_id"))
        batch_op.drop_index(batch_op.f("ix_placement_candidate_id"))
        batch_op.drop_index(batch_op.f("ix_placement_trajectory_id"))
    op.drop_table("placement")
