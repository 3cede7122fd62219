from django.urls import path

from . import views

urlpatterns = [
    path("", views.start, name="start"),
    path("loften/<slug:slug>/", views.promise_detail, name="promise"),
    path("loften/<slug:slug>/redigera/", views.promise_edit, name="promise-edit"),
    path("loften/<slug:slug>/historik/", views.promise_history, name="promise-history"),
    path("ataganden/<int:pk>/", views.commitment_detail, name="commitment"),
    path("ataganden/<int:pk>/redigera/", views.commitment_edit, name="commitment-edit"),
    path("ataganden/<int:pk>/historik/", views.commitment_history, name="commitment-history"),
    path("ataganden/<int:pk>/logga/", views.log_activity, name="log-activity"),
    path(
        "ataganden/<int:pk>/revidera/",
        views.commitment_change,
        {"kind": "revised"},
        name="commitment-revise",
    ),
    path(
        "ataganden/<int:pk>/avbryt/",
        views.commitment_change,
        {"kind": "cancelled"},
        name="commitment-cancel",
    ),
]
