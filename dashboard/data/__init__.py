"""The curated dataset: its schema, reading, validation, loading and the builds of geodata/."""
