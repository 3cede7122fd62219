from django.urls import path

from . import views

urlpatterns = [
    path("overenskommelser/<slug:slug>/", views.agreement_detail, name="agreement"),
    path("forum/<slug:slug>/", views.forum_detail, name="forum"),
]
