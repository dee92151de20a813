"""Study Reader: the Qt application (windows, widgets, item models, actions)."""
