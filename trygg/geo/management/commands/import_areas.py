"""`trygg import_areas FILE --municipality NAME`: areas from a GIS file.

    trygg import_areas bostadsomraden.gpkg --municipality Västervik --kind housing
    trygg import_areas regso.zip --municipality 0883 --name-field regsonamn
    trygg import_areas omraden.zip --municipality Västervik --crs EPSG:3015   # no .prj
    trygg import_areas omraden-2027.gpkg --municipality Västervik --update    # new boundaries

GeoPackage, zipped shapefile, GeoJSON or KML/KMZ, in any coordinate system
the file names (SWEREF 99 TM or a local zone, RT 90, WGS 84). One bad feature
refuses the whole file and nothing is stored; the same file twice changes
nothing; an area whose boundary differs from the stored one is refused unless
--update says the file replaces it (trygg/geo/area_import.py).
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trygg.geo.area_import import import_areas
from trygg.geo.models import Area
from trygg.geo.services import named_municipality
from trygg.incidents.importers import ImportAborted


class Command(BaseCommand):
    help = "Läs in områden (GeoPackage, zippad shapefil, GeoJSON, KML) för en kommun."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Filen som ska läsas in.")
        parser.add_argument("--municipality", required=True, help="Kommunens namn eller SCB-kod.")
        parser.add_argument(
            "--name-field", help="Fältet med områdenas namn, om det inte hittas av sig självt."
        )
        parser.add_argument(
            "--kind", choices=Area.Kind.values, help="Sorts område för nya områden (t.ex. housing)."
        )
        parser.add_argument(
            "--layer", help="Lagret i en GeoPackage eller KML, eller shapefilen i en zip-fil."
        )
        parser.add_argument(
            "--crs",
            help="Filens koordinatsystem om den saknar det eller anger fel, t.ex. EPSG:3006.",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Filen ersätter gränserna: byt ut sparade gränser som skiljer sig.",
        )

    def handle(self, *args, **options) -> None:
        municipality = named_municipality(options["municipality"])
        if municipality is None:
            raise CommandError(f"Kommunen {options['municipality'].strip()!r} finns inte.")
        try:
            result = import_areas(
                options["file"],
                municipality,
                name_field=options["name_field"],
                kind=options["kind"],
                update=options["update"],
                layer=options["layer"],
                crs=options["crs"],
            )
        except ImportAborted as error:
            raise CommandError(f"{error}. Inget importerades.") from None
        self.stdout.write(result.summary())
