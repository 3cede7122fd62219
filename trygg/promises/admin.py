from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from trygg.organisations.admin import OwnedAdmin, ScopedInline

from .models import Activity, Commitment, CommitmentRevision, FocusArea, Promise
from .revisions import REVISABLE


class FocusAreaInline(ScopedInline):
    model = FocusArea
    extra = 0


@admin.register(Promise)
class PromiseAdmin(OwnedAdmin):
    owner_lookup = "parties"
    list_display = ["title", "period_start", "period_end", "is_public"]
    list_filter = ["is_public"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["parties", "municipalities"]
    inlines = [FocusAreaInline]


@admin.register(FocusArea)
class FocusAreaAdmin(OwnedAdmin):
    owner_lookup = "promise__parties"
    list_display = ["title", "promise", "order"]
    list_filter = ["promise"]


class RevisionInline(ScopedInline):
    """The history, read only: revisions are made on the commitment's page, in order."""

    model = CommitmentRevision
    extra = 0
    fields = ["kind", "effective_on", "changes", "reason", "created_by", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_view_permission(self, request, obj=None) -> bool:
        return True  # shown inside a commitment the user may already open (OwnedAdmin)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Commitment)
class CommitmentAdmin(OwnedAdmin):
    owner_lookup = "promise__parties"
    list_display = ["__str__", "promise", "target_kind", "quantity", "per", "due"]
    list_filter = ["promise", "target_kind"]
    search_fields = ["text"]
    filter_horizontal = ["responsible", "places", "areas"]
    inlines = [RevisionInline]

    def get_readonly_fields(self, request, obj=None) -> list[str]:
        """A saved commitment's target changes only by a revision, which keeps the history."""
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            readonly += [*REVISABLE, "revise"]
        return readonly

    @admin.display(description=_("Change the target"))
    def revise(self, obj: Commitment) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("commitment-revise", args=[obj.pk]),
            gettext("Revise the target on the commitment's page, with the day and the reason"),
        )


@admin.register(Activity)
class ActivityAdmin(OwnedAdmin):
    owner_lookup = "organisation"
    list_display = ["kind", "date", "count", "organisation", "place", "area"]
    list_filter = ["kind", "organisation"]
    date_hierarchy = "date"
    filter_horizontal = ["commitments"]
