"""Placements of candidates with employers and their follow-up (issue 14, item 7)."""
