"""Ontschot: shared labour-market infrastructure for a Dutch arbeidsmarktregio."""

__version__ = "0.1.0"

ESCO_ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
