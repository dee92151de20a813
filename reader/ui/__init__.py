"""Shared look: themes, fonts, interface words, hover cards."""
