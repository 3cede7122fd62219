"""Installs Trygg's admin site in place of Django's default (see trygg.admin_site)."""

from django.contrib.admin.apps import AdminConfig


class TryggAdminConfig(AdminConfig):
    default_site = "trygg.admin_site.TryggAdminSite"
