from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExtractConfig(AppConfig):
    name = "trygg.extract"
    verbose_name = _("Reading documents")
