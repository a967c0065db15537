"""Import: a prior report's file → paragraphs (``readers``) → cleaned paragraphs (``cleanup``)
→ Report (``outline_parser``) → kind guess; ``importer`` runs the whole chain."""
