"""`trygg serve`: the production web server (gunicorn), after collecting the static files.

    trygg serve                       # 127.0.0.1:8000, behind a proxy on the same machine
    PORT=8080 WEB_CONCURRENCY=4 trygg serve
    TRYGG_HOST=0.0.0.0 trygg serve    # reached from a load balancer on another machine

gunicorn replaces this process, so the service manager's signals reach it directly
(SIGTERM: finish the requests under way, then stop). Further gunicorn options go in
GUNICORN_CMD_ARGS, which gunicorn reads itself.
"""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

# Each worker holds the whole application (maps, PDF, charts): beyond this many, a
# municipality's server gains nothing but memory use.
MAX_DEFAULT_WORKERS = 8


def default_workers() -> int:
    """gunicorn's rule of thumb, 2 × cores + 1, capped at MAX_DEFAULT_WORKERS."""
    return min(2 * (os.cpu_count() or 1) + 1, MAX_DEFAULT_WORKERS)


def positive_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise CommandError(f"{name} ska vara ett positivt heltal, inte {value!r}.")
    return int(value)


class Command(BaseCommand):
    help = (
        "Kör Trygg i produktion med gunicorn: PORT (8000), WEB_CONCURRENCY (2 × kärnor + 1, "
        f"högst {MAX_DEFAULT_WORKERS}), TRYGG_HOST (127.0.0.1). Samlar först de statiska filerna."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-collectstatic",
            action="store_true",
            help="Kör inte collectstatic först (filerna är redan samlade).",
        )

    def handle(self, *args, **options) -> None:
        host = os.environ.get("TRYGG_HOST", "127.0.0.1").strip()
        port = positive_int("PORT", 8000)
        workers = positive_int("WEB_CONCURRENCY", default_workers())
        call_command("check", deploy=True)
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        arguments = [
            sys.executable,
            "-m",
            "gunicorn",
            "trygg.wsgi:application",
            f"--bind={host}:{port}",
            f"--workers={workers}",
            "--access-logfile=-",
            # No control socket in the service user's home: several servers may share one.
            "--no-control-socket",
        ]
        self.stdout.write(f"Trygg startar på http://{host}:{port}/ med {workers} arbetare.")
        self.stdout.flush()
        os.execv(sys.executable, arguments)
