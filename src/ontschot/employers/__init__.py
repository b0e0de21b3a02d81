"""Employers (werkgevers) and their vacancies, with duplicate detection across sources."""
