from django.urls import path

from . import upload, views

urlpatterns = [
    path("handelser/", views.incident_list, name="incidents"),
    path("handelser/rapportera/", views.report_incident, name="report-incident"),
    path("handelser/<int:pk>/historik/", views.incident_history, name="incident-history"),
    path("handelser/import/", upload.upload, name="import-upload"),
    path("handelser/import/<int:pk>/", upload.job_page, name="import-job"),
    path("handelser/import/<int:pk>/avvisade.csv", upload.rejects, name="import-rejects"),
]
