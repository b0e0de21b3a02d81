"""workbench actions: introductions pipeline with status steps, contact moments, employer
contact persons (issue 14, items 1 and 6)

Revision ID: 20261202_0006
Revises: 0005
Create Date: 2026-12-02 00:56:56.192267
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ontschot.db

revision: str = "20261202_0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "employer_contact_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name=op.f("fk_employer_contact_person_employer_id_employer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer_contact_person")),
    )
    with op.batch_alter_table("employer_contact_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_employer_contact_person_employer_id"), ["employer_id"], unique=False
        )

    op.create_table(
        "contact_moment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("next_action", sa.String(length=300), nullable=True),
        sa.Column("next_action_due", sa.Date(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("created_by_user_id", sa.Integer(), nullable=True),
        sa.Column("created_by_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_contact_moment_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name=op.f("fk_contact_moment_employer_id_employer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_moment")),
    )
    with op.batch_alter_table("contact_moment", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contact_moment_candidate", ["candidate_id", "occurred_on"], unique=False
        )
        batch_op.create_index(
            "ix_contact_moment_due", ["organisation_id", "next_action_due"], unique=False
        )
        batch_op.create_index(
            "ix_contact_moment_employer", ["employer_id", "occurred_on"], unique=False
        )

    op.create_table(
        "introduction_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("introduction_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reached_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("by_user_id", sa.Integer(), nullable=True),
        sa.Column("party", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["introduction_id"],
            ["introduction.id"],
            name=op.f("fk_introduction_step_introduction_id_introduction"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_introduction_step")),
    )
    with op.batch_alter_table("introduction_step", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_introduction_step_introduction_id"), ["introduction_id"], unique=False
        )

    with op.batch_alter_table("introduction", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=12), server_default="proposed", nullable=False)
        )
        batch_op.add_column(
            sa.Column("status_at", ontschot.db.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("declined_by", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("decline_reason", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("employer_answer", sa.String(length=16), nullable=True))
        batch_op.add_column(
            sa.Column("answered_at", ontschot.db.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(
            "ix_introduction_vacancy_status", ["vacancy_id", "status"], unique=False
        )

    # Existing introductions were proposals: they reached "proposed" when the consent was
    # recorded, which becomes their first step.
    op.execute("UPDATE introduction SET status_at = consent_given_at")
    op.execute(
        "INSERT INTO introduction_step (introduction_id, status, reached_at, by_user_id, party)"
        " SELECT id, 'proposed', consent_given_at, created_by_user_id, 'coach' FROM introduction"
    )


def downgrade() -> None:
    with op.batch_alter_table("introduction", schema=None) as batch_op:
        batch_op.drop_index("ix_introduction_vacancy_status")
        batch_op.drop_column("answered_at")
        batch_op.drop_column("employer_answer")
        batch_op.drop_column("decline_reason")
        batch_op.drop_column("declined_by")
        batch_op.drop_column("status_at")
        batch_op.drop_column("status")

    with op.batch_alter_table("introduction_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_introduction_step_introduction_id"))

    op.drop_table("introduction_step")
    with op.batch_alter_table("contact_moment", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_moment_employer")
        batch_op.drop_index("ix_contact_moment_due")
        batch_op.drop_index("ix_contact_moment_candidate")

    op.drop_table("contact_moment")
    with op.batch_alter_table("employer_contact_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employer_contact_person_employer_id"))

    op.drop_table("employer_contact_person")
