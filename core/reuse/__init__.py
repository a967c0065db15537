"""Reuse of last year's work: new drafts from a kind or a prior report, carry-over with
review flags (待核实), plan-to-summary, and suggestions drawn from the library."""
