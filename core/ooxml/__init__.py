"""Office Open XML below every layer that reads or writes Word files: the namespaces and the
element names (names.py), shared by import, render and review so each is spelled once."""
