"""Who read police data: one row per page or file opened (brottsdatalagen's traceability).

The history of changes is kept by django-simple-history beside each model
(`history` on Promise, Incident, …); this app keeps only the reads.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLogEntry(models.Model):
    """One reading of police data: who, when, what, from which address.

    The username is copied, so an entry still says who read when the account
    is later deleted; `user` then becomes empty.
    """

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(_("username"), max_length=150)
    what = models.CharField(_("what was read"), max_length=50, db_index=True)
    municipality = models.CharField(_("municipality (SCB code)"), max_length=4, blank=True)
    subject = models.CharField(_("object"), max_length=200, blank=True)
    path = models.CharField(_("address in Trygg"), max_length=500)
    details = models.JSONField(_("parameters"), default=dict, blank=True)
    address = models.GenericIPAddressField(_("client address"), null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.username} {self.what} {self.at:%Y-%m-%d %H:%M}"
