"""No lost update: an edit form remembers what the object was when it was opened.

Two coordinators open the same commitment; the first saves; the second's save
would silently overwrite the first's change. Instead every edit form carries a
signed snapshot of the values it edits (the hidden field `version`), and on
save the snapshot is compared with the row as it is now, read with
`select_for_update` inside the caller's transaction (a no-op on SQLite, whose
IMMEDIATE transactions serialise writers anyway). If anything differs the save
is refused, nothing is written, and the form says, field by field, what it was
when the form was opened and what it is now. The form then carries the current
version, so saving again, having seen the message, keeps the user's values.

No migration: the version is the values themselves, not a counter column.
A form posted without a version (an old page, a script) is not checked; the
check protects people from each other, not from someone who may edit anyway.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.http import HttpRequest
from django.utils.text import Truncator
from django.utils.translation import gettext as _

VERSION_FIELD = "version"


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The object's values of these model fields, as JSON values (relations as primary keys)."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            value = sorted(getattr(obj, name).values_list("pk", flat=True)) if obj.pk else []
        elif field.is_relation:
            value = getattr(obj, field.attname)
        else:
            value = field.value_from_object(obj)
        values[name] = value
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _salt(obj: models.Model) -> str:
    """A version signed for one object is no version of another."""
    return f"trygg.optimistic:{obj._meta.label_lower}:{obj.pk}"


def sign_version(obj: models.Model, values: dict[str, Any]) -> str:
    """The hidden field's value: the object's values (a snapshot), signed so none is made up."""
    return signing.dumps(values, salt=_salt(obj), compress=True)


def read_version(version: str, obj: models.Model) -> dict[str, Any]:
    """The values a version was signed with; a version that is not genuine raises BadSignature."""
    return signing.loads(version, salt=_salt(obj))


@dataclass(frozen=True)
class Change:
    """One value changed by someone else while the form was open."""

    label: str
    then: str
    now: str


def shown(obj: models.Model, name: str, value: Any) -> str:
    """A snapshot value as a person reads it: a name, a choice's label, a yes or no."""
    if value in (None, "", [], {}):
        return "–"
    field = next((f for f in obj._meta.get_fields() if f.name == name), None)
    if field is not None and field.many_to_many:
        return ", ".join(str(o) for o in field.related_model._default_manager.filter(pk__in=value))
    if field is not None and field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    return Truncator(str(value)).chars(200)


def differences(
    obj: models.Model, then: dict[str, Any], now: dict[str, Any], labels: dict[str, str]
) -> list[Change]:
    """Each value that differs, with its label (a form's label, else the model field's name)."""
    changes = []
    for name, value in now.items():
        if name in then and then[name] != value:
            label = labels.get(name) or str(obj._meta.get_field(name).verbose_name)
            changes.append(
                Change(
                    label[:1].upper() + label[1:],
                    shown(obj, name, then[name]),
                    shown(obj, name, value),
                )
            )
    return changes


def locked(obj: models.Model) -> models.Model:
    """The object's row as it is now, locked until the transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError(
            "A versioned form is checked and saved inside transaction.atomic()."
        )
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk)


class VersionedForm:
    """A form mixin: carries the version it was opened on and refuses a stale save.

    Put it first among the bases. A ModelForm checks its instance over the model
    fields it edits; any other form names its object (`versioned_object`) and
    the fields (`version_fields`), or the values themselves (`version_values`).
    Validate and save inside transaction.atomic().
    """

    version_fields: Iterable[str] | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        obj = self.versioned_object()
        if obj is not None and obj.pk is not None:
            self.fields[VERSION_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
            self.initial[VERSION_FIELD] = sign_version(obj, self.version_values(obj))

    def versioned_object(self) -> models.Model | None:
        """The object this form edits (a ModelForm's instance)."""
        return getattr(self, "instance", None)

    def versioned_fields(self) -> list[str]:
        """The model fields compared: those named, or the model fields the form edits."""
        if self.version_fields is not None:
            return list(self.version_fields)
        names = {f.name for f in self.versioned_object()._meta.get_fields()}
        return [name for name in self.fields if name in names]

    def version_values(self, obj: models.Model) -> dict[str, Any]:
        """What is compared: the object's values of the versioned fields."""
        return snapshot(obj, self.versioned_fields())

    def clean(self) -> dict:
        data = super().clean()
        self.check_version()
        return data

    def check_version(self) -> None:
        """Refuse the save if the object changed since the form was opened."""
        obj = self.versioned_object()
        token = self.data.get(self.add_prefix(VERSION_FIELD)) if self.is_bound else None
        if not token or obj is None or obj.pk is None:
            return
        current = locked(obj)
        now = self.version_values(current)
        labels = {name: str(f.label) for name, f in self.fields.items() if f.label}
        try:
            changes = differences(current, read_version(token, current), now, labels)
        except signing.BadSignature:
            changes = None
        if changes == []:
            return
        # Shown again with the version as it is now: saving again keeps the user's values.
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSION_FIELD)] = sign_version(current, now)
        if changes is None:
            raise forms.ValidationError(
                _(
                    "The form could not be checked against the saved values. Nothing was saved; "
                    "reload the page."
                ),
                code="stale",
            )
        raise forms.ValidationError(
            [
                _(
                    "Someone else saved this while you had it open, so nothing was saved. "
                    "Check what changed; saving again keeps the values in the form."
                ),
                *(
                    _("%(field)s: “%(then)s” when you opened the form, “%(now)s” now.")
                    % {"field": c.label, "then": c.then, "now": c.now}
                    for c in changes
                ),
            ],
            code="stale",
        )


class VersionCheckedAdmin:
    """A ModelAdmin mixin: the change form carries its version and refuses a stale save.

    The admin's change view already runs in a transaction, so the check and the
    save happen under one lock.
    """

    def get_fieldsets(self, request: HttpRequest, obj: models.Model | None = None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not fieldsets or not self.has_change_permission(request, obj):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], VERSION_FIELD]}), *rest]

    def get_form(self, request: HttpRequest, obj: models.Model | None = None, **kwargs):
        if "fields" in kwargs and kwargs["fields"]:
            kwargs["fields"] = [f for f in kwargs["fields"] if f != VERSION_FIELD]
        form = super().get_form(request, obj, **kwargs)
        if obj is None:
            return form
        return type(form.__name__, (VersionedForm, form), {})
