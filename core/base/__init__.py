"""What every step stands on: clerk-facing errors, atomic writes, per-user folders, typed
settings and crash logs. Nothing here knows about reports."""
