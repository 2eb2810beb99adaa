"""Edits of a project as plain functions on plain data; the GUI wraps each in an undo command."""
