"""The teacher guide (docentenhandleiding)."""
