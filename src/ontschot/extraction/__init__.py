"""Text → ESCO skills and occupations, with evidence spans (issue 5)."""
