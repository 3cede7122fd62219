"""`trygg import KIND FILE`: bring incidents in from a file.

    trygg import polisen-events händelser.json
    trygg import police-extract utdrag.xlsx --skip-invalid
    trygg import csv bostadsbolaget.csv --mapping bostadsbolaget.json
    trygg import csv bostadsbolaget.csv --mapping Bostadsbolaget --organisation vasterviks-kommun

By default one bad row refuses the whole file and nothing is stored; with
--skip-invalid the good rows are imported and the bad ones written to a
rejects CSV (FILE.rejects.csv unless --rejects says otherwise).

--mapping is a mapping file, or the name of a mapping a coordinator saved on
the upload page (with --organisation, only that organisation's mappings).
"""

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from trygg.incidents.importers import IMPORTERS, ImportAborted, import_file
from trygg.incidents.importers.mapping_csv import find_mapping
from trygg.organisations.models import Organisation


class Command(BaseCommand):
    help = "Importera händelser från en fil (polisens händelser, utdrag ur anmälningar, CSV)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(IMPORTERS), help="Filens typ.")
        parser.add_argument("file", help="Filen som ska importeras.")
        parser.add_argument(
            "--mapping",
            help="Mappningsfil (JSON) för typen csv, eller namnet på en sparad mappning.",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Importera de giltiga raderna och skriv de ogiltiga till en avvisningsfil.",
        )
        parser.add_argument(
            "--rejects", help="Avvisningsfilens sökväg (standard: FILE.rejects.csv)."
        )
        parser.add_argument(
            "--organisation", help="Slug för organisationen som rapporterar händelserna."
        )

    def handle(self, *args, **options) -> None:
        organisation = None
        if options["organisation"]:
            try:
                organisation = Organisation.objects.get(slug=options["organisation"])
            except Organisation.DoesNotExist:
                raise CommandError(
                    f"Organisationen {options['organisation']!r} finns inte."
                ) from None
        # A progress bar only for a person watching, never in logs or cron mail.
        with tqdm(
            unit=" poster", disable=not sys.stderr.isatty(), file=sys.stderr, leave=False
        ) as bar:
            try:
                mapping = options["mapping"]
                if mapping is not None:
                    mapping = find_mapping(mapping, organisation)
                result = import_file(
                    options["kind"],
                    options["file"],
                    mapping=mapping,
                    skip_invalid=options["skip_invalid"],
                    rejects_path=options["rejects"],
                    progress=lambda done: bar.update(done - bar.n),
                    organisation=organisation,
                )
            except ImportAborted as error:
                raise CommandError(f"{error}. Inget importerades.") from None
        self.stdout.write(result.summary())
