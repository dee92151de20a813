"""The library file: connection, schema, upgrades, backups, sessions."""
