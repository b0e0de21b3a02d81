"""chains and cases: versioned chain types, sector chains, function profiles, trajectories,
their history, plan, activities, suspensions and warm hand-overs (issue 14, ADR 0017)

Revision ID: 20261202_0007
Revises: 20261202_0006
Create Date: 2026-12-02 00:57:10.121373
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ontschot.db

revision: str = "20261202_0007"
down_revision: str | None = "20261202_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chain_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by_user_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain_type")),
        sa.UniqueConstraint("key", "version", name="uq_chain_type_version"),
    )
    op.create_table(
        "chain_phase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chain_type_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("needs_employer", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chain_type_id"],
            ["chain_type.id"],
            name=op.f("fk_chain_phase_chain_type_id_chain_type"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain_phase")),
    )
    with op.batch_alter_table("chain_phase", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chain_phase_chain_type_id"), ["chain_type_id"], unique=False
        )

    op.create_table(
        "chain_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chain_type_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("is_work", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chain_type_id"],
            ["chain_type.id"],
            name=op.f("fk_chain_result_chain_type_id_chain_type"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain_result")),
    )
    with op.batch_alter_table("chain_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chain_result_chain_type_id"), ["chain_type_id"], unique=False
        )

    op.create_table(
        "chain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sector", sa.String(length=100), nullable=False),
        sa.Column("region_code", sa.String(length=40), nullable=False),
        sa.Column("chain_type_key", sa.String(length=40), nullable=False),
        sa.Column("coordinator_user_id", sa.Integer(), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("intake_criteria", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["coordinator_user_id"],
            ["app_user.id"],
            name=op.f("fk_chain_coordinator_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain")),
        sa.UniqueConstraint("region_code", "name", name="uq_chain_region_name"),
    )
    with op.batch_alter_table("chain", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chain_region_code"), ["region_code"], unique=False)

    op.create_table(
        "chain_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["phase_id"],
            ["chain_phase.id"],
            name=op.f("fk_chain_status_phase_id_chain_phase"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain_status")),
    )
    with op.batch_alter_table("chain_status", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chain_status_phase_id"), ["phase_id"], unique=False)

    op.create_table(
        "chain_partner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chain_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["chain_id"],
            ["chain.id"],
            name=op.f("fk_chain_partner_chain_id_chain"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name=op.f("fk_chain_partner_employer_id_employer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_chain_partner_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain_partner")),
    )
    with op.batch_alter_table("chain_partner", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chain_partner_chain_id"), ["chain_id"], unique=False)

    op.create_table(
        "function_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chain_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("occupation_uri", sa.String(length=200), nullable=False),
        sa.Column("skill_uris", sa.JSON(), nullable=False),
        sa.Column("learnable_skill_uris", sa.JSON(), nullable=False),
        sa.Column("learn_on_job", sa.Text(), nullable=True),
        sa.Column("entry_route", sa.Text(), nullable=True),
        sa.Column("agreed_with", sa.String(length=300), nullable=True),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["chain_id"],
            ["chain.id"],
            name=op.f("fk_function_profile_chain_id_chain"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_function_profile")),
    )
    with op.batch_alter_table("function_profile", schema=None) as batch_op:
        batch_op.create_index("ix_function_profile_chain", ["chain_id"], unique=False)

    op.create_table(
        "trajectory",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("chain_id", sa.Integer(), nullable=False),
        sa.Column("chain_type_id", sa.Integer(), nullable=False),
        sa.Column("goal", sa.String(length=300), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("coach_user_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=False),
        sa.Column("status_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("next_action", sa.String(length=300), nullable=True),
        sa.Column("next_action_due", sa.Date(), nullable=True),
        sa.Column("result_id", sa.Integer(), nullable=True),
        sa.Column("close_reason", sa.Text(), nullable=True),
        sa.Column("closed_at", ontschot.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidate.id"], name=op.f("fk_trajectory_candidate_id_candidate")
        ),
        sa.ForeignKeyConstraint(
            ["chain_id"], ["chain.id"], name=op.f("fk_trajectory_chain_id_chain")
        ),
        sa.ForeignKeyConstraint(
            ["chain_type_id"],
            ["chain_type.id"],
            name=op.f("fk_trajectory_chain_type_id_chain_type"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name=op.f("fk_trajectory_employer_id_employer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["phase_id"], ["chain_phase.id"], name=op.f("fk_trajectory_phase_id_chain_phase")
        ),
        sa.ForeignKeyConstraint(
            ["result_id"], ["chain_result.id"], name=op.f("fk_trajectory_result_id_chain_result")
        ),
        sa.ForeignKeyConstraint(
            ["status_id"], ["chain_status.id"], name=op.f("fk_trajectory_status_id_chain_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trajectory")),
    )
    with op.batch_alter_table("trajectory", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectory_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index("ix_trajectory_chain_state", ["chain_id", "state"], unique=False)
        batch_op.create_index("ix_trajectory_coach_state", ["coach_user_id", "state"], unique=False)
        batch_op.create_index(
            "ix_trajectory_org_chain", ["organisation_id", "chain_id"], unique=False
        )

    op.create_table(
        "handover",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("from_organisation_id", sa.Integer(), nullable=False),
        sa.Column("from_user_id", sa.Integer(), nullable=True),
        sa.Column("to_organisation_id", sa.Integer(), nullable=False),
        sa.Column("to_user_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("proposed_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_at", ontschot.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decline_reason", sa.Text(), nullable=True),
        sa.Column("sender_keeps_access", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectory.id"],
            name=op.f("fk_handover_trajectory_id_trajectory"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover")),
    )
    with op.batch_alter_table("handover", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_handover_to_organisation_id"), ["to_organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_handover_to_user_id"), ["to_user_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_handover_trajectory_id"), ["trajectory_id"], unique=False
        )

    op.create_table(
        "trajectory_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("by_user_id", sa.Integer(), nullable=True),
        sa.Column("by_name", sa.String(length=200), nullable=False),
        sa.Column("organisation_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name=op.f("fk_trajectory_activity_employer_id_employer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectory.id"],
            name=op.f("fk_trajectory_activity_trajectory_id_trajectory"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trajectory_activity")),
    )
    with op.batch_alter_table("trajectory_activity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectory_activity_trajectory_id"), ["trajectory_id"], unique=False
        )

    op.create_table(
        "trajectory_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("occurred_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("by_user_id", sa.Integer(), nullable=True),
        sa.Column("by_name", sa.String(length=200), nullable=False),
        sa.Column("organisation_name", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectory.id"],
            name=op.f("fk_trajectory_event_trajectory_id_trajectory"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trajectory_event")),
    )
    with op.batch_alter_table("trajectory_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectory_event_trajectory_id"), ["trajectory_id"], unique=False
        )

    op.create_table(
        "trajectory_plan_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectory.id"],
            name=op.f("fk_trajectory_plan_item_trajectory_id_trajectory"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trajectory_plan_item")),
    )
    with op.batch_alter_table("trajectory_plan_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectory_plan_item_trajectory_id"), ["trajectory_id"], unique=False
        )

    op.create_table(
        "trajectory_status_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=False),
        sa.Column("status_id", sa.Integer(), nullable=False),
        sa.Column("reached_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["phase_id"],
            ["chain_phase.id"],
            name=op.f("fk_trajectory_status_history_phase_id_chain_phase"),
        ),
        sa.ForeignKeyConstraint(
            ["status_id"],
            ["chain_status.id"],
            name=op.f("fk_trajectory_status_history_status_id_chain_status"),
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectory.id"],
            name=op.f("fk_trajectory_status_history_trajectory_id_trajectory"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trajectory_status_history")),
    )
    with op.batch_alter_table("trajectory_status_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectory_status_history_trajectory_id"),
            ["trajectory_id"],
            unique=False,
        )

    op.create_table(
        "trajectory_suspension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectory.id"],
            name=op.f("fk_trajectory_suspension_trajectory_id_trajectory"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trajectory_suspension")),
    )
    with op.batch_alter_table("trajectory_suspension", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectory_suspension_trajectory_id"), ["trajectory_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("trajectory_suspension", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trajectory_suspension_trajectory_id"))

    op.drop_table("trajectory_suspension")
    with op.batch_alter_table("trajectory_status_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trajectory_status_history_trajectory_id"))

    op.drop_table("trajectory_status_history")
    with op.batch_alter_table("trajectory_plan_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trajectory_plan_item_trajectory_id"))

    op.drop_table("trajectory_plan_item")
    with op.batch_alter_table("trajectory_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trajectory_event_trajectory_id"))

    op.drop_table("trajectory_event")
    with op.batch_alter_table("trajectory_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trajectory_activity_trajectory_id"))

    op.drop_table("trajectory_activity")
    with op.batch_alter_table("handover", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handover_trajectory_id"))
        batch_op.drop_index(batch_op.f("ix_handover_to_user_id"))
        batch_op.drop_index(batch_op.f("ix_handover_to_organisation_id"))

    op.drop_table("handover")
    with op.batch_alter_table("trajectory", schema=None) as batch_op:
        batch_op.drop_index("ix_trajectory_org_chain")
        batch_op.drop_index("ix_trajectory_coach_state")
        batch_op.drop_index("ix_trajectory_chain_state")
        batch_op.drop_index(batch_op.f("ix_trajectory_candidate_id"))

    op.drop_table("trajectory")
    with op.batch_alter_table("function_profile", schema=None) as batch_op:
        batch_op.drop_index("ix_function_profile_chain")

    op.drop_table("function_profile")
    with op.batch_alter_table("chain_partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chain_partner_chain_id"))

    op.drop_table("chain_partner")
    with op.batch_alter_table("chain_status", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chain_status_phase_id"))

    op.drop_table("chain_status")
    with op.batch_alter_table("chain", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chain_region_code"))

    op.drop_table("chain")
    with op.batch_alter_table("chain_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chain_result_chain_type_id"))

    op.drop_table("chain_result")
    with op.batch_alter_table("chain_phase", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chain_phase_chain_type_id"))

    op.drop_table("chain_phase")
    op.drop_table("chain_type")
