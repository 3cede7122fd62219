"""The suite's settings: Trygg's own, DEBUG off as in production, with a throwaway key.

Outside development Trygg refuses to start without SECRET_KEY (trygg/settings.py).
pytest-django reads the settings before any conftest runs, so the key is given
here, before they are imported. A SECRET_KEY already in the environment is kept.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-suite-only-" + "throwaway-key-" * 4)

from trygg.settings import *  # noqa: E402, F403

# Production counts rate limits in the database cache; the suite counts in memory, so that
# fixtures may clear the cache without a database. trygg/citizens/tests checks the former.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
