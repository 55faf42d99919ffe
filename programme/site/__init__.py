"""The pages: which there are, how each is rendered, and what each says to machines (metadata, JSON-LD, calendars)."""
