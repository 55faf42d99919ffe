"""What is true: the programme data read from YAML, checked against its schema and rules, and built into objects."""
