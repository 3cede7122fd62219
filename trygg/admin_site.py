"""The Django admin, opened to coordinators and administrators of an organisation.

Django's admin normally needs `is_staff` and per-model permissions. In Trygg the
role in an organisation decides instead, and each admin page shows only what the
user's organisations own (see `trygg.organisations.admin.OwnedAdmin`).
"""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from trygg.organisations.access import EDIT_ROLES, organisation_ids


class TryggAdminSite(admin.AdminSite):
    site_header = _("Trygg administration")
    site_title = _("Trygg")
    index_title = _("Registers")

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        if not user.is_active:
            return False
        return user.is_superuser or bool(organisation_ids(user, EDIT_ROLES))
