from django.urls import path

from . import views

urlpatterns = [
    path("vandringar/", views.walk_list, name="walks"),
    path("vandringar/ny/", views.plan_walk, name="walk-plan"),
    path("vandringar/mina-fynd/", views.my_findings, name="my-findings"),
    path("vandringar/<int:pk>/", views.walk_page, name="walk"),
    path("vandringar/<int:pk>/redigera/", views.edit_walk, name="walk-edit"),
    path("vandringar/<int:pk>/historik/", views.walk_history, name="walk-history"),
    path("vandringar/<int:pk>/genomford/", views.hold, name="walk-hold"),
    path("vandringar/<int:pk>/fynd/", views.add_finding, name="walk-add-finding"),
    path("vandringar/<int:pk>/rapport/", views.report_page, name="walk-report"),
    path("vandringar/<int:pk>/rapport.pdf", views.report_pdf, name="walk-report-pdf"),
    path("vandringar/<int:pk>/rapport/ge-ut/", views.issue, name="walk-report-issue"),
    path("vandringar/fynd/<int:pk>/", views.finding_page, name="finding"),
    path("vandringar/fynd/<int:pk>/historik/", views.finding_history, name="finding-history"),
    path("vandringar/fynd/<int:pk>/ansvar/", views.route, name="finding-route"),
    path("vandringar/fynd/<int:pk>/status/", views.update_status, name="finding-status"),
    path("vandringar/foto/<int:pk>/", views.photo, name="walk-photo"),
]
