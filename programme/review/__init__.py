"""What an edit of the data changes, for the people who review it."""
