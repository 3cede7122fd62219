from django.contrib import admin

from trygg.organisations.admin import OwnedAdmin

from .models import Action, Meeting


class ActionInline(admin.TabularInline):
    model = Action
    fk_name = "meeting"
    extra = 0
    fields = ["what", "responsible", "due", "kind", "status", "follow_up_note"]


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
