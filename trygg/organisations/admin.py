"""Admin for organisations and memberships, and the scoping every Trygg admin page uses."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from trygg.lib.keep import KeptAdmin, deletion_refusal
from trygg.lib.optimistic import VersionCheckedAdmin

from .access import EDIT_ROLES, access, collaboration_organisation_ids
from .models import Membership, Organisation


def scoped_choices(request: HttpRequest, site: admin.AdminSite, field: models.Field) -> QuerySet:
    """What a relation in an admin form may point to: only what the user's collaboration owns.

    The choices are the form field's queryset, so a forged POST naming anything
    else fails the form's own validation ("Select a valid choice") and nothing is
    saved. A relation to something no rule covers offers nothing: a new model is
    closed until someone decides who owns it.
    """
    related = field.related_model
    if related is Organisation:
        if field.many_to_many:
            # Parties, members, responsible: the organisations of the collaboration.
            return Organisation.objects.filter(
                id__in=collaboration_organisation_ids(access(request))
            )
        # Whose work or report this is: one of the user's own organisations.
        return Organisation.objects.filter(id__in=access(request).organisations(EDIT_ROLES))
    if related is get_user_model():
        colleagues = Membership.objects.filter(
            organisation_id__in=access(request).organisations(EDIT_ROLES)
        ).values("user_id")
        return related.objects.filter(id__in=colleagues)
    related_admin = site._registry.get(related)
    if getattr(related_admin, "shared", False):
        return related.objects.all()
    if isinstance(related_admin, OwnedAdmin):
        return related_admin.owned_queryset(request)
    return related.objects.none()


class ScopedRelations:
    """Limits every foreign key and many-to-many of an admin form or inline to the collaboration."""

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if not request.user.is_superuser:
            kwargs["queryset"] = scoped_choices(request, self.admin_site, db_field)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if not request.user.is_superuser:
            kwargs["queryset"] = scoped_choices(request, self.admin_site, db_field)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ScopedInline(ScopedRelations, admin.TabularInline):
    """A tabular inline whose relations are limited like its parent's."""


class ScopedStackedInline(ScopedRelations, admin.StackedInline):
    """A stacked inline whose relations are limited like its parent's."""


class OwnedAdmin(KeptAdmin, VersionCheckedAdmin, ScopedRelations, admin.ModelAdmin):
    """An admin page limited to what the user's organisations own.

    Coordinators and administrators of an organisation see and change its
    objects; nobody else sees them. `owner_lookup` leads from the model to its
    owning organisations. Kept objects are not deleted (KeptAdmin), and a change
    form saved over someone else's change is refused (VersionCheckedAdmin).
    """

    owner_lookup: str = ""
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _editable_org_ids(self, request: HttpRequest) -> set[int]:
        # Read once per request: the admin's index asks every model's permissions.
        return access(request).organisations(EDIT_ROLES)

    def owned_queryset(self, request: HttpRequest) -> QuerySet:
        """The objects the user's organisations own (everything, for a superuser)."""
        queryset = self.model._default_manager.all()
        if request.user.is_superuser:
            return queryset
        lookup = {f"{self.owner_lookup}__in": self._editable_org_ids(request)}
        return queryset.filter(**lookup).distinct()

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        return queryset.filter(pk__in=self.owned_queryset(request).values("pk"))

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


class SuperuserChanges:
    """Coordinators read this register; only superusers change it (mixin for OwnedAdmin)."""

    def has_add_permission(self, request: HttpRequest, *args) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser


class MembershipInline(SuperuserChanges, ScopedInline):
    """Who works for the organisation; roles are granted by a superuser."""

    model = Membership
    extra = 0

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return True  # shown inside an organisation the user may already open


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

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None):
        """Which municipalities an organisation covers decides what it reads: superusers only."""
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return [*super().get_readonly_fields(request, obj), "municipalities"]

    def get_prepopulated_fields(self, request: HttpRequest, obj: Model | None = None):
        return super().get_prepopulated_fields(request, obj) if request.user.is_superuser else {}


@admin.register(Membership)
class MembershipAdmin(SuperuserChanges, OwnedAdmin):
    owner_lookup = "organisation"
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]
