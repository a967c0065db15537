"""The draft: the Report model every step shares, its ordinals and numbering, outline edits,
report kinds (data in ``templates/<kind>/``), the versioned draft file, and the editing
session's autosave and lock files."""
