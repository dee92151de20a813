"""The command line: no Qt is imported here."""
