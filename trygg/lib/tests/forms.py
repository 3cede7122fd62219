"""What a browser would post for a rendered form, so tests can open a form as a person does."""

from datetime import date

from django import forms


def posted(form: forms.BaseForm, **changes) -> dict:
    """The form's shown values as posted (a ticked box as "on"), with some changed."""
    data = {}
    for bound in form:
        value = bound.value()
        if isinstance(bound.field.widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
            continue
        if value is None:
            value = ""
        elif isinstance(value, list | tuple):
            value = [str(item) for item in value]
        elif isinstance(value, date):
            value = value.isoformat()
        data[bound.html_name] = value
    for name, value in changes.items():
        if value is None:
            data.pop(form.add_prefix(name), None)
        else:
            data[form.add_prefix(name)] = value
    return data


def admin_posted(response, **changes) -> dict:
    """An admin change page's form as posted: the object's fields and every inline's rows."""
    data = posted(response.context["adminform"].form, **changes)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= posted(formset.management_form)
        for form in formset.forms:
            data |= posted(form)
    return data
