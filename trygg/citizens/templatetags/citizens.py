"""`{% load citizens %}`: whether to show a user the moderation queue in the navigation."""

from django import template

from trygg.citizens.access import can_moderate
from trygg.organisations.access import access

register = template.Library()


@register.simple_tag(takes_context=True)
def moderates(context) -> bool:
    """True for coordinators and administrators of an organisation that covers a municipality."""
    request = context.get("request")
    return request is not None and can_moderate(access(request))
