"""Showing published counts (trygg.public.suppression) in words on the public pages."""

from datetime import date

from django import template
from django.template.defaultfilters import date as format_date
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from trygg.public.suppression import THRESHOLD, Count

register = template.Library()


@register.simple_tag
def fewer_than() -> str:
    """ "färre än 5": what a suppressed count says instead of its number."""
    return _("fewer than %(n)s") % {"n": THRESHOLD}


@register.filter
def shown(cell: Count) -> str:
    """A published count in words: the number, "färre än 5", or "minst 39"."""
    if cell.get("count") is not None:
        return number_format(cell["count"], force_grouping=True)
    if "at_least" in cell:
        return _("at least %(n)s") % {"n": number_format(cell["at_least"], force_grouping=True)}
    return fewer_than()


@register.filter
def month(value: str) -> str:
    """ "2025-03" as the month's name and year in the page's language ("mars 2025")."""
    year, number = value.split("-")
    return format_date(date(int(year), int(number), 1), "F Y")


@register.filter
def signed(value: float) -> str:
    """A change with its sign, "+0,5" or "−2,2": a rise is marked as plainly as a fall.

    The minus is U+2212, which screen readers read as "minus" (a hyphen they may skip).
    """
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + number_format(abs(value))
