"""`{% load followup_charts %}`: a report's or plan's chart as an image source.

matplotlib's SVG styles itself with style attributes and a <style> element, which
the Content-Security-Policy refuses inline on a page; inside an image the SVG is
its own document, drawn as it is and unable to run anything.
"""

import base64

from django import template

register = template.Library()


@register.filter
def svg_data_uri(svg: str) -> str:
    """The SVG as a data: URI for an <img src> (the policy allows data: images)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
