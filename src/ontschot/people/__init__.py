"""The regional candidate registry: profiles, consents, visibility and data-subject rights."""
