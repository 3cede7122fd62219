"""`trygg load_demo`: fill a freshly migrated database with the demo.

The demo is the five real documents in shared/seeds (see trygg/demo/seeds.py),
approximate area boundaries (areas.geojson), a clearly labelled synthetic
activity log (synthetic.py) and one login per role (users.py). Running it again
changes nothing, so `make run` can call it every time.

It makes the superuser `admin` with the published password, so it refuses a
database outside development (TRYGG_DEBUG off) unless given --force.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation

from trygg.demo.loader import load_demo
from trygg.demo.users import DEMO_PASSWORD
from trygg.organisations.models import Role
from trygg.promises.models import Promise

URL = "http://127.0.0.1:8000/"


class Command(BaseCommand):
    help = (
        "Läser in demodata: medborgarlöften och överenskommelser från Västervik, "
        "Högsby–Mönsterås och Karlshamn, ungefärliga områden, en syntetisk aktivitetslogg "
        "och en demoinloggning per roll. Kan köras flera gånger."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Läs in demodata fast TRYGG_DEBUG inte är på (till exempel i en testmiljö).",
        )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "Demodata skapar superanvändaren admin med det kända lösenordet "
                f"{DEMO_PASSWORD}, så den läses bara in i utvecklingsläge (TRYGG_DEBUG=1). "
                "Är databasen verkligen en demo- eller testmiljö: kör med --force."
            )
        # The first load is history (created, by no user: a command); loading again
        # changes nothing, so it writes no history either.
        first = not Promise.objects.exists()
        with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=first):
            summary = load_demo()
        if options["verbosity"] == 0:
            return

        self.stdout.write(self.style.SUCCESS("Demodata inläst."))
        for name, count in summary.counts.items():
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write("")

        headers = ("Användare", "Roll", "Organisation", "Lösenord")
        with translation.override("sv"):
            rows = [
                (user, str(Role(role).label), org, DEMO_PASSWORD)
                for user, role, org in summary.logins
            ]
        widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
        for row in [headers, tuple("-" * width for width in widths), *rows]:
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(("  " + "  ".join(cells)).rstrip())
        self.stdout.write("")
        self.stdout.write(f"Öppna {URL} och logga in med en av användarna ovan.")
