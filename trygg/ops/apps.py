from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running Trygg unattended: backup and restore, the production server, /healthz."""

    name = "trygg.ops"
