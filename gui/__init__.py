"""The desktop app (PySide6): thin widgets over core/. Start it with ``gui.app.run_app()``."""
