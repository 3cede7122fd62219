from django.urls import path

from . import views

urlpatterns = [
    path("overenskommelser/<slug:slug>/", views.agreement_detail, name="agreement"),
    path(
        "overenskommelser/<slug:slug>/historik/",
        views.agreement_history,
        name="agreement-history",
    ),
    path("forum/<slug:slug>/", views.forum_detail, name="forum"),
]
