"""The main window's views, one module per page."""
