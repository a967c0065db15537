"""The review round trip: a leader's marked-up copy of the exported report comes back.

revisions.py reads the tracked changes and comments of the reviewed Word file (model.py);
match.py places every paragraph of it on the draft's laid-out paragraphs and text slots;
changes.py turns both into a list of changes with their place; apply.py applies them;
table.py writes the 修改对照表.
"""
