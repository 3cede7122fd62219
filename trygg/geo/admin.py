from django.contrib import admin

from trygg.organisations.admin import OwnedAdmin, SuperuserChanges

from .models import Area, Municipality, Place


@admin.register(Municipality)
class MunicipalityAdmin(SuperuserChanges, OwnedAdmin):
    """The register of Sweden's municipalities: read here, changed only by a superuser."""

    owner_lookup = "organisations"
    list_display = ["name", "scb_code", "county"]
    search_fields = ["name", "scb_code"]


@admin.register(Area)
class AreaAdmin(OwnedAdmin):
    owner_lookup = "municipality__organisations"
    list_display = ["name", "municipality", "kind", "boundary_note"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Place)
class PlaceAdmin(OwnedAdmin):
    owner_lookup = "municipality__organisations"
    list_display = ["name", "municipality", "area"]
    list_filter = ["municipality"]
    search_fields = ["name"]
