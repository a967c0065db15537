"""The command line: presentation over core/, like gui/. ``cli.main.main(argv)`` parses the
subcommand and dispatches to ``cli.commands.<name>_cmd``."""
