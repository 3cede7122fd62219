from django.urls import path

from . import views

urlpatterns = [
    path("ataganden/<int:pk>/effekt/", views.commitment_effect, name="commitment-effect"),
    path("est/<slug:slug>/atgarder/<int:pk>/effekt/", views.action_effect, name="action-effect"),
]
