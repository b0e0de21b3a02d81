"""the pooled budget: financiers, funds and rules, instruments, requests, invoices and the
append-only ledger (issue 15, ADR 0020 and 0021)

Revision ID: 20261202_0009
Revises: 20261202_0008
Create Date: 2026-12-02 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ontschot.db

revision: str = "20261202_0009"
down_revision: str | None = "20261202_0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEDGER_TABLES = ("ledger_transfer", "ledger_entry")
PG_FUNCTION = """
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "financier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("region_code", sa.String(length=40), nullable=False),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_financier")),
        sa.UniqueConstraint("region_code", "name", name=op.f("uq_financier_region_code")),
    )
    with op.batch_alter_table("financier", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_financier_region_code"), ["region_code"], unique=False)

    op.create_table(
        "invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("invoice_number", sa.String(length=60), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=100), nullable=True),
        sa.Column("body_digest", sa.String(length=64), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("submitted_by_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reversed_at", ontschot.db.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_invoice_invoice_amount_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice")),
        sa.UniqueConstraint("organisation_id", "idempotency_key", name="uq_invoice_key"),
        sa.UniqueConstraint("request_id", name="uq_invoice_request"),
    )
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.create_index("ix_invoice_number", ["invoice_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoice_request_id"), ["request_id"], unique=False)

    op.create_table(
        "fund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("financier_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region_code", sa.String(length=40), nullable=False),
        sa.Column("region_name", sa.String(length=200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("rules_version", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["financier_id"], ["financier.id"], name=op.f("fk_fund_financier_id_financier")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund")),
    )
    with op.batch_alter_table("fund", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fund_financier_id"), ["financier_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fund_region_code"), ["region_code"], unique=False)

    op.create_table(
        "instrument",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("unit_price_cents", sa.BigInteger(), nullable=True),
        sa.Column("duration_weeks", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("training_offer_id", sa.Integer(), nullable=True),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["training_offer_id"],
            ["training_offer.id"],
            name=op.f("fk_instrument_training_offer_id_training_offer"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instrument")),
        sa.UniqueConstraint("training_offer_id", name=op.f("uq_instrument_training_offer_id")),
    )
    with op.batch_alter_table("instrument", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_instrument_kind"), ["kind"], unique=False)

    op.create_table(
        "fund_balance",
        sa.Column("fund_id", sa.Integer(), nullable=False),
        sa.Column("available_cents", sa.BigInteger(), nullable=False),
        sa.Column("reserved_cents", sa.BigInteger(), nullable=False),
        sa.Column("spent_cents", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "available_cents >= 0", name=op.f("ck_fund_balance_available_not_negative")
        ),
        sa.CheckConstraint(
            "reserved_cents >= 0", name=op.f("ck_fund_balance_reserved_not_negative")
        ),
        sa.CheckConstraint("spent_cents >= 0", name=op.f("ck_fund_balance_spent_not_negative")),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_fund_balance_fund_id_fund")
        ),
        sa.PrimaryKeyConstraint("fund_id", name=op.f("pk_fund_balance")),
    )
    op.create_table(
        "fund_rule_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fund_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rules_json", sa.Text(), nullable=False),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_fund_rule_version_fund_id_fund")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_rule_version")),
        sa.UniqueConstraint("fund_id", "version", name=op.f("uq_fund_rule_version_fund_id")),
    )
    with op.batch_alter_table("fund_rule_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fund_rule_version_fund_id"), ["fund_id"], unique=False)

    op.create_table(
        "ledger_transfer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("fund_id", sa.Integer(), nullable=False),
        sa.Column("financier_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("instrument_id", sa.Integer(), nullable=True),
        sa.Column("chain_id", sa.Integer(), nullable=True),
        sa.Column("municipality", sa.String(length=80), nullable=True),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("resolves_id", sa.Integer(), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("actor_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_ledger_transfer_fund_id_fund")
        ),
        sa.ForeignKeyConstraint(
            ["resolves_id"],
            ["ledger_transfer.id"],
            name=op.f("fk_ledger_transfer_resolves_id_ledger_transfer"),
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["ledger_transfer.id"],
            name=op.f("fk_ledger_transfer_reverses_id_ledger_transfer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_transfer")),
        sa.UniqueConstraint("resolves_id", name=op.f("uq_ledger_transfer_resolves_id")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_ledger_transfer_reverses_id")),
    )
    with op.batch_alter_table("ledger_transfer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ledger_transfer_financier_id"), ["financier_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_ledger_transfer_fund_id"), ["fund_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ledger_transfer_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_ledger_transfer_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "ledger_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("fund_id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=10), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["ledger_transfer.id"],
            name=op.f("fk_ledger_entry_transfer_id_ledger_transfer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entry")),
    )
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.create_index("ix_ledger_entry_fund_account", ["fund_id", "account"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_ledger_entry_transfer_id"), ["transfer_id"], unique=False
        )

    op.create_table(
        "intervention_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("need", sa.Text(), nullable=False),
        sa.Column("cost_cents", sa.BigInteger(), nullable=False),
        sa.Column("quote_reference", sa.String(length=100), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("facts_json", sa.Text(), nullable=False),
        sa.Column("routing_json", sa.Text(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=40), nullable=False),
        sa.Column("requested_by_user_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", ontschot.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_by_user_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", ontschot.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.CheckConstraint("cost_cents > 0", name=op.f("ck_intervention_request_cost_positive")),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_intervention_request_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instrument.id"],
            name=op.f("fk_intervention_request_instrument_id_instrument"),
        ),
        sa.ForeignKeyConstraint(
            ["trajectory_id"],
            ["trajectory.id"],
            name=op.f("fk_intervention_request_trajectory_id_trajectory"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intervention_request")),
    )
    with op.batch_alter_table("intervention_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_intervention_request_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_intervention_request_instrument_id"), ["instrument_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_intervention_request_state"), ["state"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_intervention_request_trajectory_id"), ["trajectory_id"], unique=False
        )

    op.create_table(
        "intervention_funding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("fund_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("rules_version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "amount_cents > 0", name=op.f("ck_intervention_funding_amount_positive")
        ),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["fund.id"], name=op.f("fk_intervention_funding_fund_id_fund")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["intervention_request.id"],
            name=op.f("fk_intervention_funding_request_id_intervention_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intervention_funding")),
        sa.UniqueConstraint(
            "request_id", "position", name=op.f("uq_intervention_funding_request_id")
        ),
    )
    with op.batch_alter_table("intervention_funding", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_intervention_funding_fund_id"), ["fund_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_intervention_funding_request_id"), ["request_id"], unique=False
        )

    _create_append_only_triggers()
    # one catalogue: every training offer already imported becomes an instrument
    op.execute(
        "INSERT INTO instrument (kind, name, provider, unit_price_cents, duration_weeks, "
        "training_offer_id, created_at) SELECT 'training', title, provider, cost_cents, "
        "duration_weeks, id, created_at FROM training_offer"
    )


def _create_append_only_triggers() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute(PG_FUNCTION)
    for table in LEDGER_TABLES:
        if postgres:
            op.execute(
                f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION ledger_append_only()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()"
            )
            continue
        for operation in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} "
                f"ON {table} BEGIN "
                f"SELECT RAISE(ABORT, '{table} is append-only: {operation} is not allowed'); "
                "END"
            )


def _drop_append_only_triggers() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in LEDGER_TABLES:
        if postgres:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_change ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS ledger_append_only()")


def downgrade() -> None:
    _drop_append_only_triggers()
    with op.batch_alter_table("intervention_funding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intervention_funding_request_id"))
        batch_op.drop_index(batch_op.f("ix_intervention_funding_fund_id"))

    op.drop_table("intervention_funding")
    with op.batch_alter_table("intervention_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intervention_request_trajectory_id"))
        batch_op.drop_index(batch_op.f("ix_intervention_request_state"))
        batch_op.drop_index(batch_op.f("ix_intervention_request_instrument_id"))
        batch_op.drop_index(batch_op.f("ix_intervention_request_candidate_id"))

    op.drop_table("intervention_request")
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ledger_entry_transfer_id"))
        batch_op.drop_index("ix_ledger_entry_fund_account")

    op.drop_table("ledger_entry")
    with op.batch_alter_table("ledger_transfer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ledger_transfer_request_id"))
        batch_op.drop_index(batch_op.f("ix_ledger_transfer_kind"))
        batch_op.drop_index(batch_op.f("ix_ledger_transfer_fund_id"))
        batch_op.drop_index(batch_op.f("ix_ledger_transfer_financier_id"))

    op.drop_table("ledger_transfer")
    with op.batch_alter_table("fund_rule_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fund_rule_version_fund_id"))

    op.drop_table("fund_rule_version")
    op.drop_table("fund_balance")
    with op.batch_alter_table("instrument", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instrument_kind"))

    op.drop_table("instrument")
    with op.batch_alter_table("fund", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fund_region_code"))
        batch_op.drop_index(batch_op.f("ix_fund_financier_id"))

    op.drop_table("fund")
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_request_id"))
        batch_op.drop_index("ix_invoice_number")

    op.drop_table("invoice")
    with op.batch_alter_table("financier", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_financier_region_code"))

    op.drop_table("financier")
