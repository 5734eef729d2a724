"""Printed cards to cut out: the help card and the role-play cards."""
