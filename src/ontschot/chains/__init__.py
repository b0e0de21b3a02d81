"""Sector chains (beroepsgroepenketens), their versioned chain types and function profiles."""
