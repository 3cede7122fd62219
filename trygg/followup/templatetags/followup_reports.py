"""Report lists for pages owned by other apps: the public promise and portal, the promise page."""

from datetime import date

from django import template
from django.utils import timezone

from trygg.organisations.access import can_edit
from trygg.promises.models import Promise

from ..reports import published_versions, reporting_due

register = template.Library()


@register.inclusion_tag("followup/_published_reports.html")
def published_reports(slug: str, level: int = 2) -> dict:
    """The published versions of a public promise's reports (none for a promise not public)."""
    promise = Promise.objects.filter(slug=slug, is_public=True).first()
    versions = list(published_versions(promise)) if promise else []
    return {"versions": versions, "level": level}


@register.inclusion_tag("followup/_reporting_due.html", takes_context=True)
def reporting_panel(context: template.Context, promise: Promise, on: date | None = None) -> dict:
    """The promise's reports and its reporting obligation, for those who may write reports."""
    user = context["request"].user
    owners = set(promise.parties.values_list("id", flat=True))
    if not can_edit(user, owners):
        return {"show": False}
    on = on or timezone.localdate()
    return {
        "show": True,
        "promise": promise,
        "due": reporting_due(promise, on) if promise.reports_required else None,
        "reports": promise.reports.prefetch_related("versions"),
    }
