"""The window's own parts: actions, panels, models, dialogs, import, learners."""
