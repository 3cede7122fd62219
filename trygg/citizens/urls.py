from django.urls import path

from . import open311, views

urlpatterns = [
    path("medborgarrapport/", views.report, name="citizen-report"),
    path("medborgarrapport/tack/", views.thanks, name="citizen-report-thanks"),
    path("medborgarrapporter/", views.queue, name="citizen-reports"),
    path("medborgarrapporter/<int:pk>/", views.detail, name="citizen-report-detail"),
    path("medborgarrapporter/<int:pk>/foto/", views.photo, name="citizen-report-photo"),
    path("medborgarrapporter/<int:pk>/historik/", views.history, name="citizen-report-history"),
    path("open311/v2/discovery.<str:fmt>", open311.discovery, name="open311-discovery"),
    path("open311/v2/services.<str:fmt>", open311.services_list, name="open311-services"),
    path(
        "open311/v2/services/<str:service_code>.<str:fmt>",
        open311.service_definition,
        name="open311-service",
    ),
    path("open311/v2/requests.<str:fmt>", open311.requests_list, name="open311-requests"),
    path(
        "open311/v2/requests/<str:request_id>.<str:fmt>",
        open311.request_detail,
        name="open311-request",
    ),
]
