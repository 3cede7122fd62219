from django.contrib import admin

from trygg.organisations.admin import OwnedAdmin, ScopedInline

from .models import Action, Meeting

# How an action was followed up decides what counts toward promises, so it is changed
# only through the meeting page (services.follow_up / correct_follow_up), never here.
FOLLOW_UP_FIELDS = [
    "status",
    "follow_up_note",
    "followed_up_at",
    "corrected_from",
    "corrected_by",
    "corrected_at",
]


class ActionInline(ScopedInline):
    model = Action
    fk_name = "meeting"
    extra = 0
    fields = ["what", "responsible", "due", "kind", "status", "follow_up_note"]
    readonly_fields = ["status", "follow_up_note"]


@admin.register(Meeting)
class MeetingAdmin(OwnedAdmin):
    owner_lookup = "forum__members"
    list_display = ["__str__", "municipality", "held_on"]
    list_filter = ["forum"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(OwnedAdmin):
    owner_lookup = "meeting__forum__members"
    list_display = ["what", "responsible", "due", "status", "meeting"]
    list_filter = ["status", "meeting__forum"]
    filter_horizontal = ["commitments"]
    readonly_fields = FOLLOW_UP_FIELDS
