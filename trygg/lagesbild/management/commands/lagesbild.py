"""`trygg lagesbild`: the situation picture of a municipality for a period, as JSON or CSV."""

import json
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from trygg import csvcells
from trygg.lagesbild.report import lagesbild


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"{value!r} är inget datum (ÅÅÅÅ-MM-DD).") from error


class Command(BaseCommand):
    help = "Skriver lägesbilden för en kommun och en period som JSON eller CSV."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--municipality", required=True, help="Kommunens namn eller SCB-kod")
        parser.add_argument("--from", dest="start", required=True, type=_day)
        parser.add_argument("--to", dest="end", required=True, type=_day)
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, **options) -> None:
        if options["end"] < options["start"]:
            raise CommandError("--to kan inte vara före --from.")
        try:
            picture = lagesbild(options["municipality"], options["start"], options["end"])
        except ValueError as error:
            raise CommandError(f"Ingen kommun heter {options['municipality']!r}.") from error
        if options["format"] == "json":
            self.stdout.write(json.dumps(picture, ensure_ascii=False, indent=2))
            return
        write_csv(csvcells.Writer(sys.stdout), picture)


def write_csv(writer: csvcells.Writer, picture: dict) -> None:
    """The picture's counts as rows: dimension, key, count (category and area names neutralised)."""
    writer.writerow(["dimension", "nyckel", "antal"])
    writer.writerow(["totalt", "", picture["total"]])
    for dimension in ("by_category", "by_area"):
        for key, count in picture[dimension].items():
            writer.writerow([dimension, key, count])
    for week in picture["by_week"]:
        writer.writerow(["by_week", f"{week['year']}-W{week['week']:02d}", week["count"]])
