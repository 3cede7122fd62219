"""The installed `trygg` command, and production settings that pass Django's deploy check.

Each command runs in a fresh process with a fresh environment: only what the README's
Deployment and Configuration sections give, never the suite's own settings and key.
"""

import os
import secrets
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from trygg.organisations.models import Organisation

# What the README tells a municipality to set: a random key of 50+ characters,
# its host name, PostgreSQL (never connected to by `check`), and no TRYGG_DEBUG.
SECURE_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "trygg.kommun.example.se",
    "DATABASE_URL": "postgres://trygg@db.invalid/trygg",
}


def run_trygg(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    fresh = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "trygg", *args],
        env=fresh | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    """`call_command("check", deploy=True)` in production's environment: no warning at all."""
    code = (
        "import django; django.setup(); "
        "from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "trygg.settings"}
        | SECURE_ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
    # And as an operator types it.
    result = run_trygg("check", "--deploy", "--fail-level", "WARNING", env=SECURE_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_without_a_secret_key_trygg_refuses_to_start():
    env = {k: v for k, v in SECURE_ENV.items() if k != "SECRET_KEY"}
    result = run_trygg("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr
    assert "TRYGG_DEBUG=1" in result.stderr


def test_development_starts_without_a_key_and_the_deploy_check_says_so():
    env = {k: v for k, v in SECURE_ENV.items() if k != "SECRET_KEY"} | {"TRYGG_DEBUG": "1"}
    assert run_trygg("check", env=env).returncode == 0
    result = run_trygg("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout  # the development key
    assert "security.W018" in result.stderr + result.stdout  # DEBUG on


def test_a_short_key_fails_the_deploy_check():
    result = run_trygg(
        "check", "--deploy", "--fail-level", "WARNING", env=SECURE_ENV | {"SECRET_KEY": "kort"}
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


@pytest.mark.django_db
def test_the_demo_is_refused_outside_development_unless_forced(settings):
    """The demo makes the superuser `admin` with a published password."""
    settings.DEBUG = False
    with pytest.raises(CommandError, match="superanvändaren admin.*TRYGG_DEBUG=1.*--force"):
        call_command("load_demo", verbosity=0)
    assert not Organisation.objects.exists()


def test_the_mail_server_comes_from_the_environment():
    """Citizens hear how their reports were decided through the municipality's mail server."""
    show = (
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL)"
    )
    mail = {
        "EMAIL_HOST": "smtp.kommun.example.se",
        "EMAIL_PORT": "587",
        "EMAIL_USE_TLS": "1",
        "DEFAULT_FROM_EMAIL": "trygghet@kommun.example.se",
    }
    result = run_trygg("shell", "--no-imports", "-c", show, env=SECURE_ENV | mail)
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.kommun.example.se",
        "587",
        "True",
        "trygghet@kommun.example.se",
    ], result.stderr
    # In development nothing is sent: mails are printed.
    result = run_trygg("shell", "--no-imports", "-c", show, env=SECURE_ENV | {"TRYGG_DEBUG": "1"})
    assert result.stdout.split()[0] == "django.core.mail.backends.console.EmailBackend"
