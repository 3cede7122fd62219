"""`trygg import_survey FILE --municipality NAME`: safety-survey results from CSV or XLSX.

    trygg import_survey trygghetsmatning.csv --municipality Västervik
    trygg import_survey trygghetsmatning-rattad.xlsx --municipality 0883 --correct
    trygg import_survey polisen-2024.xlsx --municipality Karlshamn --year 2024   # no year column

One bad row refuses the whole file and nothing is stored; the same file twice
changes nothing; a value that differs from the stored one is refused unless
--correct says the file is a correction (trygg/participation/survey_import.py).
A table for a whole lokalpolisområde or county gives only the named
municipality's rows; the others are skipped and counted.
It is not a kind of `trygg import`: those write incidents, keyed on their
source's id and never updated; survey results are another model, keyed on
(indicator, area, year), and may be corrected.
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trygg.geo.services import named_municipality
from trygg.incidents.importers import ImportAborted
from trygg.participation.survey_import import import_survey


class Command(BaseCommand):
    help = "Importera resultat från en trygghetsmätning (CSV eller XLSX) för en kommun."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Filen som ska importeras.")
        parser.add_argument("--municipality", required=True, help="Kommunens namn eller SCB-kod.")
        parser.add_argument(
            "--correct",
            action="store_true",
            help="Filen är en rättelse: ersätt sparade värden som skiljer sig.",
        )
        parser.add_argument(
            "--year",
            type=int,
            help="Mätåret, för en fil som saknar kolumn för år (t.ex. en tabell för 2024).",
        )

    def handle(self, *args, **options) -> None:
        municipality = named_municipality(options["municipality"])
        if municipality is None:
            raise CommandError(f"Kommunen {options['municipality'].strip()!r} finns inte.")
        try:
            result = import_survey(
                options["file"], municipality, correct=options["correct"], year=options["year"]
            )
        except ImportAborted as error:
            raise CommandError(f"{error}. Inget importerades.") from None
        self.stdout.write(result.summary())
