"""Teaching in the window: edit mode, presentation, handouts, packs."""
