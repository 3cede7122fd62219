"""Lägesbild: the situation picture drawn from incidents.

Plain modules, one question each: what a week is (`weeks`), what counts and how
counts compare with their baseline (`counts`), where incidents cluster
(`hotspots`), when in the week they happen (`aoristic`), and the combined
report (`report`).
"""
