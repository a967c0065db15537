"""Command-line subcommands. Each module defines ``register(subparsers)``.

A module's ``register`` adds its sub-parsers and sets ``handler`` (a function taking the
parsed namespace and returning an exit code) as a parser default.
"""
