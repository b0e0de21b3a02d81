"""The processing log (verwerkingslog): who did what with whose data, when and why."""
