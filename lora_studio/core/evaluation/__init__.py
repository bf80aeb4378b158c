"""Scores, statistics over seeds, comparisons between models, and the views' inspection data."""
