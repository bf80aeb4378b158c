"""Reusable widgets: image grid, spinners, the training panel, placeholders."""
