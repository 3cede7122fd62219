"""Admin for organisations and memberships, and the scoping every Trygg admin page uses."""

from django.contrib import admin
from django.db import models
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from trygg.lib.keep import KeptAdmin, deletion_refusal
from trygg.lib.optimistic import VersionCheckedAdmin

from .access import EDIT_ROLES, organisation_ids
from .models import Membership, Organisation


class OwnedAdmin(KeptAdmin, VersionCheckedAdmin, admin.ModelAdmin):
    """An admin page limited to what the user's organisations own.

    Coordinators and administrators of an organisation see and change its
    objects; nobody else sees them. `owner_lookup` leads from the model to its
    owning organisations. Kept objects are not deleted (KeptAdmin), and a change
    form saved over someone else's change is refused (VersionCheckedAdmin).
    """

    owner_lookup: str = ""
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _editable_org_ids(self, request: HttpRequest) -> set[int]:
        return organisation_ids(request.user, EDIT_ROLES)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        lookup = {f"{self.owner_lookup}__in": self._editable_org_ids(request)}
        return queryset.filter(**lookup).distinct()

    def _allowed(self, request: HttpRequest, obj: Model | None) -> bool:
        if request.user.is_superuser:
            return True
        if not self._editable_org_ids(request):
            return False
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request, None)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request, obj) and self.may_be_deleted(obj)

    def may_be_deleted(self, obj: Model | None) -> bool:
        """No delete button for a kept object (trygg.lib.keep says why, when it is tried)."""
        return obj is None or deletion_refusal(obj) is None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request, None)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        """An object can only be given to one of the user's own organisations."""
        if db_field.related_model is Organisation and not request.user.is_superuser:
            kwargs["queryset"] = Organisation.objects.filter(id__in=self._editable_org_ids(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(OwnedAdmin):
    owner_lookup = "id"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["municipalities"]
    inlines = [MembershipInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # New organisations join the collaboration through a superuser.
        return request.user.is_superuser


@admin.register(Membership)
class MembershipAdmin(OwnedAdmin):
    owner_lookup = "organisation"
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]
