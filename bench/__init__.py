"""Benchmarks of the dashboard: run ``python -m bench`` (see bench/__main__.py)."""
