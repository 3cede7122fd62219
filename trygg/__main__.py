"""The `trygg` command: everything `manage.py` does, installed with the package."""

import os
import sys


def main() -> None:
    """Run a Django management command with Trygg's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trygg.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
