"""The Django admin, opened to coordinators and administrators of an organisation.

Django's admin normally needs `is_staff` and per-model permissions. In Trygg the
role in an organisation decides instead, and each admin page shows only what the
user's organisations own (see `trygg.organisations.admin.OwnedAdmin`).
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
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

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        """The admin has no login of its own: Trygg's login (lockout, second factor) it is."""
        if not request.user.is_authenticated:
            next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
            return redirect_to_login(next_url, settings.LOGIN_URL)
        if not self.has_permission(request):
            raise PermissionDenied
        return redirect("admin:index")
