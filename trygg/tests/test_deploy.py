"""The installed `trygg` command, and production settings that pass Django's deploy check."""

import os
import subprocess
import sys

SECURE_ENV = {
    "SECRET_KEY": "p" + "x7Qm2vL9sT4wZ8rK1nB6yH3jF5dC0gA".lower() * 2 + "Z!",
    "ALLOWED_HOSTS": "trygg.example.se",
    "DATABASE_URL": "sqlite:////tmp/trygg-deploy-check.sqlite3",
}


def run_trygg(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"TRYGG_DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "-m", "trygg", *args],
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = run_trygg("check", "--deploy", "--fail-level", "WARNING", env=SECURE_ENV)
    assert result.returncode == 0, result.stderr + result.stdout


def test_deploy_check_refuses_the_development_key():
    env = {k: v for k, v in SECURE_ENV.items() if k != "SECRET_KEY"}
    result = run_trygg("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


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
