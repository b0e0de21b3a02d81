"""Trajectories: one per candidate and goal, owned by one coach of one organisation."""
