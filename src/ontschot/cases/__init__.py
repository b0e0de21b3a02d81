"""Cases: trajectories of candidates towards work, their activities and warm hand-overs."""
