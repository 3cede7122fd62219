from django.urls import re_path

from . import views

urlpatterns = [
    re_path(r"^omraden/(?P<scb_code>[0-9]{4})/import/$", views.area_import, name="area-import"),
    re_path(
        r"^omraden/(?P<scb_code>[0-9]{4})/(?P<pk>[0-9]+)/historik/$",
        views.area_history,
        name="area-history",
    ),
]
