"""CI commands: check, baseline, rules, config (registered on the main command group)."""
