"""matching + careers: match feedback, training catalogue (issue 6)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 11:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ontschot.db

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "match_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("vacancy_id", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_match_feedback_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vacancy_id"],
            ["vacancy.id"],
            name=op.f("fk_match_feedback_vacancy_id_vacancy"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_feedback")),
    )
    with op.batch_alter_table("match_feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_feedback_candidate_id"), ["candidate_id"])
        batch_op.create_index(batch_op.f("ix_match_feedback_vacancy_id"), ["vacancy_id"])

    op.create_table(
        "training_offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("external_ref", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("duration_hours", sa.Integer(), nullable=False),
        sa.Column("duration_weeks", sa.Integer(), nullable=False),
        sa.Column("cost_cents", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=80), nullable=True),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_offer")),
        sa.UniqueConstraint("provider", "external_ref", name=op.f("uq_training_offer_provider")),
    )
    with op.batch_alter_table("training_offer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_offer_provider"), ["provider"])

    op.create_table(
        "training_offer_skill",
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("skill_uri", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["training_offer.id"],
            name=op.f("fk_training_offer_skill_offer_id_training_offer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("offer_id", "skill_uri", name=op.f("pk_training_offer_skill")),
    )
    with op.batch_alter_table("training_offer_skill", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_offer_skill_skill_uri"), ["skill_uri"])

    op.create_table(
        "training_offer_start",
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["training_offer.id"],
            name=op.f("fk_training_offer_start_offer_id_training_offer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("offer_id", "start_date", name=op.f("pk_training_offer_start")),
    )


def downgrade() -> None:
    op.drop_table("training_offer_start")
    with op.batch_alter_table("training_offer_skill", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_offer_skill_skill_uri"))
    op.drop_table("training_offer_skill")
    with op.batch_alter_table("training_offer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_offer_provider"))
    op.drop_table("training_offer")
    with op.batch_alter_table("match_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_feedback_vacancy_id"))
        batch_op.drop_index(batch_op.f("ix_match_feedback_candidate_id"))
    op.drop_table("match_feedback")
