"""Double-entry ledger of the pooled budget (ADR 0020)."""
