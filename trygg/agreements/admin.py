from django.contrib import admin

from trygg.organisations.admin import OwnedAdmin, ScopedStackedInline

from .models import Agreement, CollaborationArea, Forum


class CollaborationAreaInline(ScopedStackedInline):
    model = CollaborationArea
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(OwnedAdmin):
    owner_lookup = "parties"
    list_display = ["title", "period_start", "period_end"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["parties", "municipalities"]
    inlines = [CollaborationAreaInline]


@admin.register(CollaborationArea)
class CollaborationAreaAdmin(OwnedAdmin):
    owner_lookup = "agreement__parties"
    list_display = ["number", "title", "agreement"]
    list_filter = ["agreement"]


@admin.register(Forum)
class ForumAdmin(OwnedAdmin):
    owner_lookup = "members"
    list_display = ["name", "kind", "agreement"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["members"]
