"""Studying in the window: lookup card, my words' marks, review, progress, speech."""
