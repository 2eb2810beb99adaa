"""Qt item models that adapt core records for the views; they own no data."""
