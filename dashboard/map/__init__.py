"""The map: the offline base map, its changing layers, their legend and the standalone page."""
