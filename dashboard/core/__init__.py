"""What the user chose and what it shows: the choices, the scene, the sources and the text."""
