"""ESCO occupations, skills, their relations and hierarchy; bundled snapshot and importer."""
