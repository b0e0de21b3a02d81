"""Contact moments: conversations, calls, visits and e-mails with a candidate or an employer."""
