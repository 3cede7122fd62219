"""What must be kept: a signed document and the work counted against it are never deleted.

A coordinator once deleted a signed promise in the admin and took its
commitments and every link to the logged work with it. Models that must be
kept say why in `deletion_refused()` (KeptModel); their `delete()` then raises
ProtectedError, and the admin (KeptAdmin, through OwnedAdmin) refuses before
Django's delete confirmation collects what a delete would take along, which
for an organisation or a municipality can be hundreds of thousands of rows.
Each rule is a few `exists()` queries. QuerySet.delete() does not call
delete() on each object: the admin's bulk delete checks them itself.
"""

from django.contrib import messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.db import models
from django.db.models import ProtectedError, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# More objects than this at once are refused: checking each is cheap, collecting
# everything a delete of thousands would take along is not.
MAX_BULK_DELETE = 100


class KeptModel:
    """A model mixin (before models.Model): delete() refuses while there is a reason to keep."""

    def deletion_refused(self) -> str | None:
        """Why this object must be kept, in words for the user, or None if it may go."""
        return None

    def delete(self, *args, **kwargs):
        reason = self.deletion_refused()
        if reason:
            raise ProtectedError(reason, [self])
        return super().delete(*args, **kwargs)


def related_data(obj: models.Model, ignore: tuple[type[models.Model], ...] = ()) -> str | None:
    """The name of the first kind of rows that refer to the object, or None.

    References that are copies, not dependants (DO_NOTHING, as history tables
    make), do not count; nor do the models in `ignore`.
    """
    for rel in obj._meta.get_fields(include_hidden=True):
        if not (rel.auto_created and not rel.concrete and rel.is_relation):
            continue
        model = rel.related_model
        if model._meta.auto_created or model in ignore:
            continue  # a many-to-many table: its relation is checked as such
        if getattr(rel, "on_delete", None) is models.DO_NOTHING:
            continue
        if model._base_manager.filter(**{rel.field.name: obj}).exists():
            return str(model._meta.verbose_name_plural)
    return None


def protected_by(obj: models.Model) -> str | None:
    """The name of rows that protect the object from deletion (PROTECT, RESTRICT), or None."""
    for rel in obj._meta.related_objects:
        if getattr(rel, "on_delete", None) not in (models.PROTECT, models.RESTRICT):
            continue
        if rel.related_model._base_manager.filter(**{rel.field.name: obj}).exists():
            return str(rel.related_model._meta.verbose_name_plural)
    return None


def deletion_refusal(obj: models.Model) -> str | None:
    """Why the object may not be deleted: its own rule, or rows that protect it."""
    own = obj.deletion_refused() if isinstance(obj, KeptModel) else None
    if own:
        return own
    protecting = protected_by(obj)
    if protecting:
        return _("“%(object)s” cannot be deleted: %(rows)s still refer to it.") % {
            "object": obj,
            "rows": protecting,
        }
    return None


def delete_selected_checked(modeladmin, request: HttpRequest, queryset: QuerySet):
    """Django's "delete selected", after the cheap check: refused, it goes back to the list."""
    refusals = modeladmin.deletion_refusals(queryset)
    if refusals:
        for reason in refusals:
            modeladmin.message_user(request, reason, messages.ERROR)
        return None
    return delete_selected(modeladmin, request, queryset)


class KeptAdmin:
    """A ModelAdmin mixin: kept objects have no delete button, and deleting them is refused.

    `bulk_delete = False` removes "delete selected" for tables too large to pick from.
    """

    bulk_delete = True

    def deletion_refusals(self, objs) -> list[str]:
        """Why these objects may not be deleted, one reason each; empty if they may."""
        chosen = list(objs[: MAX_BULK_DELETE + 1] if isinstance(objs, QuerySet) else objs)
        if len(chosen) > MAX_BULK_DELETE:
            return [_("Delete at most %(count)d objects at a time.") % {"count": MAX_BULK_DELETE}]
        return [reason for obj in chosen if (reason := deletion_refusal(obj))]

    def delete_view(self, request: HttpRequest, object_id: str, extra_context=None) -> HttpResponse:
        """Refuse, with the reason, before the confirmation page collects related objects."""
        obj = self.get_object(request, unquote(object_id))
        reason = deletion_refusal(obj) if obj is not None else None
        if reason:
            self.message_user(request, reason, messages.ERROR)
            opts = self.opts
            change = f"admin:{opts.app_label}_{opts.model_name}_change"
            return redirect(reverse(change, args=[obj.pk], current_app=self.admin_site.name))
        return super().delete_view(request, object_id, extra_context)

    def get_deleted_objects(self, objs, request: HttpRequest):
        """Kept objects are shown as protected (nothing is deleted) without walking relations."""
        refusals = self.deletion_refusals(objs)
        if refusals:
            return [], {}, set(), refusals
        return super().get_deleted_objects(objs, request)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        refusals = self.deletion_refusals(queryset)
        if refusals:
            raise ProtectedError(" ".join(refusals), list(queryset[:MAX_BULK_DELETE]))
        super().delete_queryset(request, queryset)

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            if self.bulk_delete:
                _func, name, description = actions["delete_selected"]
                actions[name] = (delete_selected_checked, name, description)
            else:
                del actions["delete_selected"]
        return actions
