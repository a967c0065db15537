"""Dialogs and questions: new report, recovery, errors, file choosers and the app's prompts."""
