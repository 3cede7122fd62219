"""Trygg: the joint crime-prevention and safety work of a municipality and its police."""
