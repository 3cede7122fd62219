"""`trygg serve` (gunicorn after collectstatic) and the port of `make run`."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from trygg.ops.management.commands.serve import MAX_DEFAULT_WORKERS, default_workers
from trygg.tests.test_deploy import SECURE_ENV

PROJECT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, headers={"Host": SECURE_ENV["ALLOWED_HOSTS"]})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read(), dict(response.headers)


def wait_for(url: str, server: subprocess.Popen, seconds: float = 240) -> None:
    """Until the server answers; collectstatic compresses every file first (15 s on two cores)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"trygg serve stopped: {server.stdout.read()}")
        try:
            fetch(url)
            return
        except urllib.error.HTTPError:
            raise
        except OSError:  # not listening yet
            time.sleep(0.3)
    raise AssertionError(f"trygg serve did not answer on {url}")


def test_serve_collects_static_files_and_serves_pages_with_debug_off(tmp_path):
    """On a migrated database, with production settings: a page, /healthz, a static file."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"TRYGG_DEBUG", "SECRET_KEY"}}
    env |= SECURE_ENV | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'trygg.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECURE_SSL_REDIRECT": "0",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
    }
    subprocess.run([sys.executable, "-m", "trygg", "migrate", "-v0"], env=env, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "trygg", "serve"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/konto/login/", server)
        status, page, _ = fetch(base + "/konto/login/")
        assert status == 200 and b"<form" in page
        status, health, _ = fetch(base + "/healthz")
        assert status == 200 and json.loads(health)["database"] == {"ok": True}
        # WhiteNoise serves the collected, fingerprinted file; the manifest names it.
        manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
        hashed = manifest["paths"]["leaflet/leaflet.js"]
        assert hashed != "leaflet/leaflet.js"
        status, script, headers = fetch(f"{base}/static/{hashed}")
        assert status == 200 and len(script) > 10_000
        assert "immutable" in headers["Cache-Control"]
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert f"127.0.0.1:{port}" in output and "med 1 arbetare" in output
    assert "Listening at" in output, "gunicorn, not Django's development server"


def test_the_default_worker_count_is_capped():
    assert 3 <= default_workers() <= MAX_DEFAULT_WORKERS


def test_bad_settings_are_refused(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "många")
    with pytest.raises(CommandError, match="WEB_CONCURRENCY ska vara ett positivt heltal"):
        call_command("serve", "--no-collectstatic")


def test_make_run_listens_on_port():
    plan = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed", "run", "PORT=8101"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "runserver 127.0.0.1:8101" in plan
