"""Pictures of the map (PNG, SVG, PDF) on a slide or an A4 page, drawn with matplotlib."""
