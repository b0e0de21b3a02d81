"""The pooled budget (issue 15): financiers, funds with rules, instruments, intervention
requests, the funding router, invoices and the ledger that cannot overspend."""
