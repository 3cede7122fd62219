"""Pages for the three ways citizens take part, one module each, and the public map."""
