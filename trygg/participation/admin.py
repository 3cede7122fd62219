from django.contrib import admin

from trygg.organisations.admin import OwnedAdmin, ScopedInline, SuperuserChanges

from .models import (
    Dialogue,
    DialogueTheme,
    NeighbourhoodWatch,
    SurveyIndicator,
    SurveyResult,
    WatchSigns,
    WatchTraining,
)
from .services import count_training, record_dialogue


class ThemeInline(ScopedInline):
    model = DialogueTheme
    extra = 0


@admin.register(Dialogue)
class DialogueAdmin(OwnedAdmin):
    owner_lookup = "municipality__organisations"
    list_display = ["title", "date", "status", "format", "municipality", "organisation"]
    list_filter = ["status", "format", "municipality"]
    filter_horizontal = ["commitments"]
    inlines = [ThemeInline]

    def save_related(self, request, form, formsets, change) -> None:
        """What the dialogue counts and its themes' incidents follow a change made here too."""
        super().save_related(request, form, formsets, change)
        record_dialogue(form.instance, by=request.user)


@admin.register(SurveyIndicator)
class SurveyIndicatorAdmin(SuperuserChanges, OwnedAdmin):
    # Indicators are shared; a coordinator reaches those their municipalities have results for.
    owner_lookup = "results__municipality__organisations"
    list_display = ["name", "kind"]
    shared = True  # every collaboration's forms may name any indicator


@admin.register(SurveyResult)
class SurveyResultAdmin(OwnedAdmin):
    owner_lookup = "municipality__organisations"
    list_display = ["indicator", "municipality", "area", "year", "value", "respondents", "sd"]
    list_filter = ["indicator", "year"]


class SignsInline(ScopedInline):
    model = WatchSigns
    extra = 0


@admin.register(NeighbourhoodWatch)
class NeighbourhoodWatchAdmin(OwnedAdmin):
    owner_lookup = "municipality__organisations"
    list_display = ["name", "municipality", "status", "contact_organisation", "started_on"]
    list_filter = ["status", "municipality"]
    inlines = [SignsInline]


@admin.register(WatchTraining)
class WatchTrainingAdmin(OwnedAdmin):
    owner_lookup = "watch__municipality__organisations"
    list_display = ["watch", "date", "organisation", "participants"]
    filter_horizontal = ["commitments"]

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        count_training(form.instance, by=request.user)
