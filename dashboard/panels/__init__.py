"""Everything around the map: details, milestones, global context and downloads."""
