"""The library file: connection, schema, upgrades, backups, sessions; `opening.open_database` opens it."""
