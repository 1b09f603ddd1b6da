"""The validator's rules, one module per concern. Each exposes ``check`` (or a few named
checks) that reads the typed records and reports problems; ``dashboard.data.validate`` runs
them in order. A new rule goes into the module of its concern, with a case in
tests/bad_inputs/."""
