from django.urls import path

from . import views

urlpatterns = [
    path("handelser/", views.incident_list, name="incidents"),
    path("handelser/rapportera/", views.report_incident, name="report-incident"),
]
