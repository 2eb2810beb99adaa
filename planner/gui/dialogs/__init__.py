"""Dialogs of the planning GUI (settings)."""
