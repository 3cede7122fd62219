from django.urls import path

from . import views

urlpatterns = [
    path("est/<slug:slug>/", views.meetings, name="est-meetings"),
    path("est/<slug:slug>/<int:year>/v<int:week>/", views.meeting_page, name="est-meeting"),
    path("est/<slug:slug>/<int:year>/v<int:week>/ratta/", views.correct, name="est-correct"),
    path(
        "est/<slug:slug>/<int:year>/v<int:week>/historik/",
        views.meeting_history,
        name="est-meeting-history",
    ),
    path(
        "est/<slug:slug>/atgarder/<int:pk>/historik/",
        views.action_history,
        name="est-action-history",
    ),
]
