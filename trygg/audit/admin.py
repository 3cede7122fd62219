"""The access log in the admin: read only, for superusers and organisation administrators.

An administrator (role admin) sees the entries of the users who are members of
their own organisations; coordinators do not see the log at all. Nobody adds,
changes or deletes an entry here: pruning is `trygg prune_access_log`'s alone.
"""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from trygg.organisations.access import organisation_ids
from trygg.organisations.models import Membership, Role

from .models import AccessLogEntry


def _administered_org_ids(request: HttpRequest) -> set[int]:
    return organisation_ids(request.user, frozenset({Role.ADMIN}))


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "what", "municipality", "subject", "address"]
    list_filter = [("user", admin.RelatedOnlyFieldListFilter), "what", "at"]
    date_hierarchy = "at"
    search_fields = ["username", "subject", "path"]
    list_select_related = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        members = Membership.objects.filter(
            organisation_id__in=_administered_org_ids(request)
        ).values("user_id")
        return queryset.filter(user_id__in=members)

    def _may_read(self, request: HttpRequest, obj: AccessLogEntry | None) -> bool:
        if request.user.is_superuser:
            return True
        if not _administered_org_ids(request):
            return False
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may_read(request, None)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._may_read(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
