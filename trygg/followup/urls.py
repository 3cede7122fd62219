from django.urls import path, re_path

from . import plan_views, report_views, views

urlpatterns = [
    path("ataganden/<int:pk>/effekt/", views.commitment_effect, name="commitment-effect"),
    path("est/<slug:slug>/atgarder/<int:pk>/effekt/", views.action_effect, name="action-effect"),
    path("loften/<slug:slug>/rapporter/ny/", report_views.report_create, name="report-create"),
    path("rapporter/<int:pk>/", report_views.report_detail, name="report"),
    path("rapporter/<int:pk>/text/", report_views.report_edit, name="report-edit"),
    path("rapporter/<int:pk>/historik/", report_views.report_history, name="report-history"),
    path("rapporter/<int:pk>/publicera/", report_views.report_publish, name="report-publish"),
    path("rapporter/<int:pk>/rattelse/", report_views.report_correct, name="report-correct"),
    path(
        "medborgarloften/<slug:slug>/rapporter/<int:pk>/v<int:number>/",
        report_views.public_report,
        name="public-report",
    ),
    path(
        "medborgarloften/<slug:slug>/rapporter/<int:pk>/v<int:number>.pdf",
        report_views.public_report_pdf,
        name="public-report-pdf",
    ),
    path(
        "api/v1/promises/<slug:slug>/reports/<int:pk>/v<int:number>/",
        report_views.api_report,
        name="api-report",
    ),
    re_path(
        r"^kommuner/(?P<scb_code>[0-9]{4})/rapporter\.atom$",
        report_views.MunicipalityReportsFeed(),
        name="public-reports-feed",
    ),
    re_path(
        r"^strategi/(?P<scb_code>[0-9]{4})/ny/$", plan_views.plan_create, name="strategic-plan-new"
    ),
    re_path(r"^strategi/(?P<scb_code>[0-9]{4})/$", plan_views.plan_list, name="strategic-plans"),
    path(
        "strategi/<int:pk>/atgard/<int:action_pk>/utfall/",
        plan_views.plan_action_outcome,
        name="strategic-plan-outcome",
    ),
    path("strategi/<int:pk>/", plan_views.plan_detail, name="strategic-plan"),
    path("strategi/<int:pk>/text/", plan_views.plan_edit, name="strategic-plan-edit"),
    path("strategi/<int:pk>/atgard/", plan_views.plan_action_add, name="strategic-plan-action"),
    path("strategi/<int:pk>/publicera/", plan_views.plan_publish, name="strategic-plan-publish"),
    path("strategi/<int:pk>/v<int:number>.pdf", plan_views.plan_pdf, name="strategic-plan-pdf"),
]
