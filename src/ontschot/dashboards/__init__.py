"""Landing-page panels ("Mijn dag") per role, reading the other contexts' models."""
