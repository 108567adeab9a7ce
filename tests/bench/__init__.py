"""Measurements printed by `nox -s bench`; one module per part of the site."""
