from django.contrib import admin

from trygg.organisations.admin import OwnedAdmin

from .access import visible_incidents
from .models import Category, CategoryMapping, ImportMapping, Incident


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    """The taxonomy is shared by every collaboration; coordinators may view it."""

    list_display = ["name", "slug", "order"]
    shared = True  # every collaboration's forms may name any category
    prepopulated_fields = {"slug": ["name"]}

    def has_module_permission(self, request) -> bool:
        return request.user.is_active

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active


@admin.register(CategoryMapping)
class CategoryMappingAdmin(CategoryAdmin):
    list_display = ["source", "code", "category"]
    list_filter = ["source", "category"]
    search_fields = ["code"]
    prepopulated_fields = {}


@admin.register(Incident)
class IncidentAdmin(OwnedAdmin):
    owner_lookup = "municipality__organisations"

    list_display = ["__str__", "source", "category", "occurred_from", "municipality", "area"]
    list_filter = ["source", "category", "municipality", "is_summary"]
    date_hierarchy = "occurred_from"
    search_fields = ["title", "external_id"]
    # Hundreds of thousands of rows: picking some to delete is not what the admin is for.
    bulk_delete = False

    def get_queryset(self, request):
        """The collaboration's incidents, less those another organisation keeps internal."""
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=visible_incidents(request.user).values("pk"))


@admin.register(ImportMapping)
class ImportMappingAdmin(OwnedAdmin):
    """Saved column mappings, each organisation's own; checked like the importer checks."""

    owner_lookup = "organisation"
    list_display = ["name", "organisation", "created_by", "created_at"]
    list_filter = ["organisation"]
    search_fields = ["name"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
