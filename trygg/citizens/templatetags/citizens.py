"""`{% load citizens %}`: whether to show a user the moderation queue in the navigation."""

from django import template

from trygg.citizens.access import can_moderate

register = template.Library()


@register.filter
def moderates(user) -> bool:
    """True for coordinators and administrators of an organisation that covers a municipality."""
    return user.is_authenticated and can_moderate(user)
