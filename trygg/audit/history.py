"""One object's history as a page: who changed what, when, and the values before and after.

The rows are django-simple-history's (`obj.history`), written on every save and
delete through the ORM, with the request's user as author
(HistoryRequestMiddleware) and none from a command or a background job. Each
object page's own view checks who may read its history (the users who may
change the object) and then calls `history_response`; nobody edits history.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from simple_history.utils import get_m2m_reverse_field_name

# A form's save and the lists it sets (a promise's parties) come as several rows a
# moment apart; by the same author within this window they are one change.
SAME_CHANGE = timedelta(seconds=2)
# Never shown: the key, and the moment a row was made (the history has its own time).
HIDDEN_FIELDS = frozenset({"id", "created_at"})


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class Entry:
    """One change as the page shows it."""

    at: datetime
    author: str
    kind: str
    changes: list[FieldChange] = field(default_factory=list)
    # Internal, for merging rows: the author's id and each field's change by name.
    author_id: int | None = None
    by_name: dict[str, FieldChange] = field(default_factory=dict)


def history_response(
    request: HttpRequest, obj: models.Model, back_url: str, origin: str = ""
) -> HttpResponse:
    """The history page of obj, for a user the caller has already let read it."""
    return render(
        request,
        "audit/history.html",
        {
            "object": obj,
            "model_name": obj._meta.verbose_name,
            "entries": history_entries(obj),
            "back_url": back_url,
            "origin": origin,
        },
    )


def history_entries(obj: models.Model) -> list[Entry]:
    """obj's changes, newest first, each with the fields it changed (one object's rows only)."""
    history_model = obj.history.model
    fields = [f for f in history_model.tracked_fields if f.name not in HIDDEN_FIELDS]
    m2m_fields = list(history_model._history_m2m_fields)
    records = list(
        obj.history.select_related("history_user").order_by("history_date", "history_id")
    )
    members = {f.name: _m2m_members(history_model, f, records) for f in m2m_fields}
    labels = _RelatedLabels(records, fields, m2m_fields, members)
    entries: list[Entry] = []
    previous = None
    for record in records:
        changes = {}
        for f in fields:
            before = getattr(previous, f.attname) if previous is not None else None
            after = getattr(record, f.attname)
            if before != after and (previous is not None or after not in (None, "")):
                changes[f.name] = FieldChange(
                    str(f.verbose_name), labels.show(f, before), labels.show(f, after)
                )
        for f in m2m_fields:
            before = members[f.name][previous.history_id] if previous is not None else []
            after = members[f.name][record.history_id]
            if before != after:
                changes[f.name] = FieldChange(
                    str(f.verbose_name), labels.show_many(f, before), labels.show_many(f, after)
                )
        _add(entries, record, changes, is_first=previous is None)
        previous = record
    for entry in entries:
        entry.changes = list(entry.by_name.values())
    return entries[::-1]


def _add(entries: list[Entry], record: Any, changes: dict, *, is_first: bool) -> None:
    """Add a row's changes, into the entry before when it is the same save by the same author."""
    user = record.history_user
    last = entries[-1] if entries else None
    if (
        last is not None
        and record.history_type == "~"
        and last.author_id == record.history_user_id
        and record.history_date - last.at <= SAME_CHANGE
    ):
        for name, change in changes.items():
            earlier = last.by_name.get(name)
            last.by_name[name] = (
                FieldChange(change.label, earlier.before, change.after) if earlier else change
            )
        return
    if not changes and not is_first and record.history_type == "~":
        return  # saved without a change
    entries.append(
        Entry(
            at=record.history_date,
            author=_author(user),
            kind=_kinds()[record.history_type],
            author_id=record.history_user_id,
            by_name=changes,
        )
    )


def _kinds() -> dict[str, str]:
    """The kinds of change, translated for the request's language."""
    return {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


def _author(user: Any) -> str:
    if user is None:
        return _("no user (a command or a background job)")
    return user.get_full_name() or user.get_username()


def _m2m_members(
    history_model: type[models.Model], m2m_field: models.ManyToManyField, records: list
) -> dict[int, list[Any]]:
    """Each history row's list of related ids (a promise's parties then), in one query."""
    rows_model = getattr(history_model, m2m_field.name).model
    target = f"{get_m2m_reverse_field_name(m2m_field)}_id"
    members: dict[int, list[Any]] = {record.history_id: [] for record in records}
    rows = rows_model.objects.filter(history_id__in=list(members)).values_list("history_id", target)
    for history_id, target_id in rows:
        members[history_id].append(target_id)
    return {history_id: sorted(ids) for history_id, ids in members.items()}


class _RelatedLabels:
    """Names for the ids in a history: one query per related model for the whole page."""

    def __init__(self, records: list, fields: list, m2m_fields: list, members: dict) -> None:
        wanted: dict[type[models.Model], set] = defaultdict(set)
        for f in fields:
            if f.is_relation:
                wanted[f.related_model].update(
                    getattr(r, f.attname) for r in records if getattr(r, f.attname) is not None
                )
        for f in m2m_fields:
            for ids in members[f.name].values():
                wanted[f.related_model].update(ids)
        self.names = {
            model: {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)}
            for model, ids in wanted.items()
            if ids
        }

    def name(self, model: type[models.Model], pk: Any) -> str:
        known = self.names.get(model, {})
        if pk in known:
            return known[pk]
        return _("%(model)s %(id)s (deleted)") % {"model": model._meta.verbose_name, "id": pk}

    def show(self, f: models.Field, value: Any) -> str:
        """A field's value as a person reads it."""
        if value is None or value == "":
            return ""
        if f.is_relation:
            return self.name(f.related_model, value)
        if f.choices:
            return str(dict(f.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(f, models.JSONField):
            return _("(stored, not shown here)")
        if isinstance(value, datetime):
            return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
        if isinstance(value, date):
            return formats.date_format(value, "SHORT_DATE_FORMAT")
        if isinstance(value, models.fields.files.FieldFile):
            return value.name
        return formats.localize(value) if isinstance(value, float) else str(value)

    def show_many(self, f: models.ManyToManyField, ids: list[Any]) -> str:
        return ", ".join(sorted(self.name(f.related_model, pk) for pk in ids))
