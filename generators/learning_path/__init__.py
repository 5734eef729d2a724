"""A series' learning path (leerlijn): its lessons in order, what each builds on, and the total time."""
