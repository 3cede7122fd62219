from django.contrib import admin

from trygg.organisations.admin import OwnedAdmin, ScopedInline

from . import services
from .models import Finding, Walk

# Owner, status and due date change only through the finding's page
# (services.route_finding / change_status), which keeps their history; whether a
# walk is held changes only through the walk's page, which keeps its activity.


class FindingInline(ScopedInline):
    model = Finding
    extra = 0
    fields = ["number", "category", "note", "owner", "status", "due"]
    readonly_fields = ["number", "category", "owner", "status", "due"]
    can_delete = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Walk)
class WalkAdmin(OwnedAdmin):
    owner_lookup = "organisations"
    list_display = ["title", "municipality", "date", "status"]
    list_filter = ["status", "municipality"]
    readonly_fields = ["status", "route"]
    filter_horizontal = ["organisations", "places", "commitments"]
    inlines = [FindingInline]

    def save_related(self, request, form, formsets, change) -> None:
        """As on the walk's page: the organiser takes part, a held walk's activity follows."""
        super().save_related(request, form, formsets, change)
        form.instance.organisations.add(form.instance.organiser)
        services.sync_activity(form.instance, request.user)
