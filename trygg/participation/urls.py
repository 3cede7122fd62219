from django.urls import path, re_path

from .views import dialogues, hub, surveys, watch

SCB_CODE = r"(?P<scb_code>[0-9]{4})"
HERE = rf"^deltagande/{SCB_CODE}/"

urlpatterns = [
    path("deltagande/", hub.index, name="participation-index"),
    re_path(rf"{HERE}$", hub.overview, name="participation"),
    re_path(rf"{HERE}dialoger/$", dialogues.dialogue_list, name="dialogues"),
    re_path(rf"{HERE}dialoger/ny/$", dialogues.dialogue_edit, name="dialogue-new"),
    re_path(rf"{HERE}dialoger/(?P<pk>[0-9]+)/$", dialogues.dialogue_page, name="dialogue"),
    re_path(
        rf"{HERE}dialoger/(?P<pk>[0-9]+)/historik/$",
        dialogues.dialogue_history,
        name="dialogue-history",
    ),
    re_path(
        rf"{HERE}dialoger/(?P<pk>[0-9]+)/redigera/$",
        dialogues.dialogue_edit,
        name="dialogue-edit",
    ),
    re_path(
        rf"{HERE}dialoger/(?P<pk>[0-9]+)/teman/(?P<theme>[0-9]+)/ta-bort/$",
        dialogues.theme_delete,
        name="dialogue-theme-delete",
    ),
    re_path(rf"{HERE}trygghetsmatning/$", surveys.survey_page, name="survey"),
    re_path(rf"{HERE}trygghetsmatning/import/$", surveys.survey_upload, name="survey-upload"),
    re_path(rf"{HERE}grannsamverkan/$", watch.watch_list, name="watches"),
    re_path(rf"{HERE}grannsamverkan/ny/$", watch.watch_edit, name="watch-new"),
    re_path(rf"{HERE}grannsamverkan/(?P<pk>[0-9]+)/$", watch.watch_page, name="watch"),
    re_path(
        rf"{HERE}grannsamverkan/(?P<pk>[0-9]+)/historik/$",
        watch.watch_history,
        name="watch-history",
    ),
    re_path(
        rf"{HERE}grannsamverkan/(?P<pk>[0-9]+)/redigera/$", watch.watch_edit, name="watch-edit"
    ),
    # Public, no login.
    re_path(rf"^kommuner/{SCB_CODE}/grannsamverkan/$", watch.public_map, name="public-watch"),
    re_path(
        rf"^api/v1/municipalities/{SCB_CODE}/neighbourhood-watch/$",
        watch.public_api,
        name="api-watch",
    ),
]
