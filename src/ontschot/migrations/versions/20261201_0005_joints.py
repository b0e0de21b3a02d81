"""joints: access grants, BSN unique per region over a keyed hash, vacancy version (issue 10)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ontschot.db

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("partner_category", sa.String(length=30), nullable=True),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("view", sa.String(length=12), nullable=False),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("source_type", sa.String(length=30), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("valid_from", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("valid_until", ontschot.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", ontschot.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("granted_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_access_grant_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employer.id"],
            name=op.f("fk_access_grant_employer_id_employer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_grant")),
    )
    with op.batch_alter_table("access_grant", schema=None) as batch_op:
        batch_op.create_index("ix_access_grant_candidate", ["candidate_id", "view", "revoked_at"])
        batch_op.create_index("ix_access_grant_source", ["source_type", "source_id"])

    # Existing consents and introductions become grants, with their own dates.
    op.execute(
        "INSERT INTO access_grant (candidate_id, partner_category, view, purpose, basis, "
        "source_type, source_id, valid_from, revoked_at, granted_by_user_id) "
        "SELECT candidate_id, partner_category, "
        "CASE WHEN purpose = 'share_profile' THEN 'full' ELSE 'anonymised' END, "
        "purpose, 'consent', 'consent', id, given_at, withdrawn_at, recorded_by_user_id "
        "FROM candidate_consent"
    )
    op.execute(
        "INSERT INTO access_grant (candidate_id, employer_id, view, purpose, basis, "
        "source_type, source_id, valid_from, revoked_at, granted_by_user_id) "
        "SELECT candidate_id, employer_id, 'full', 'introduction', 'introduction', "
        "'introduction', id, consent_given_at, withdrawn_at, created_by_user_id "
        "FROM introduction"
    )

    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bsn_digest", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("region_code", sa.String(length=40), nullable=False, server_default="")
        )
    _fill_bsn_digests()
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_candidate_bsn", ["region_code", "bsn_digest"])

    with op.batch_alter_table("vacancy", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def _fill_bsn_digests() -> None:
    """Region from the owning organisation; digest under the key configured now."""
    from ontschot.audit.service import keyed_digest

    conn = op.get_bind()
    conn.execute(
        sa.text(
            "UPDATE candidate SET region_code = COALESCE((SELECT o.region_code FROM "
            "organisation o WHERE o.id = candidate.organisation_id), '')"
        )
    )
    rows = conn.execute(sa.text("SELECT id, bsn FROM candidate WHERE bsn IS NOT NULL")).all()
    for row_id, bsn in rows:
        conn.execute(
            sa.text("UPDATE candidate SET bsn_digest = :d WHERE id = :i"),
            {"d": keyed_digest("bsn", bsn), "i": row_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("vacancy", schema=None) as batch_op:
        batch_op.drop_column("version")
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.drop_constraint("uq_candidate_bsn", type_="unique")
        batch_op.drop_column("region_code")
        batch_op.drop_column("bsn_digest")
    op.drop_table("access_grant")
