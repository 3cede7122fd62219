from django.urls import path

from . import views

urlpatterns = [
    path("inlasning/", views.read_in, name="extract"),
    path("inlasning/bekrafta/", views.confirm, name="extract-confirm"),
]
