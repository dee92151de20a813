"""Studying: my words, reviews, progress, the dictionary, export."""
