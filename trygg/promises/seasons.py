"""When a milestone given as a season falls due: the one rule for "under våren 2025".

Promises give deadlines as seasons more often than as dates ("förstudie under
våren", "presentera resultatet under hösten/vintern"). A milestone is due on the
last day of the season named, with the seasons read by calendar month:

    våren     March–May           due 31 May
    sommaren  June–August         due 31 August
    hösten    September–November  due 30 November
    vintern   the year's end      due 31 December

Winter is read as the winter that ends the year, not the one that starts it, so
"under hösten/vintern" in a promise for 2025 is due when the year ends. Two
seasons together ("hösten/vintern", "våren och sommaren") are due when the
later one ends: the reader passes each and keeps the later date.

The document reader (`trygg.extract`) and the demo's hand-read milestones
(`trygg.demo.seeds`, checked in the tests) follow this rule.
"""

from datetime import date

# The season's last (month, day). Keys are the forms documents use: "under våren",
# "i vår", "till sommaren", "hösten 2026".
SEASON_ENDS: dict[str, tuple[int, int]] = {
    "vår": (5, 31),
    "våren": (5, 31),
    "sommar": (8, 31),
    "sommaren": (8, 31),
    "höst": (11, 30),
    "hösten": (11, 30),
    "vinter": (12, 31),
    "vintern": (12, 31),
}


def season_end(season: str, year: int) -> date:
    """The day a milestone due "under <season> <year>" falls due (see the module's table).

    Raises KeyError for a word that is not a season, so a misspelling is not
    silently read as some date.
    """
    month, day = SEASON_ENDS[season.strip().lower()]
    return date(year, month, day)
