from django.urls import path, re_path

from . import views

SCB_CODE = r"(?P<scb_code>[0-9]{4})"

urlpatterns = [
    path("medborgarloften/", views.promise_list, name="public-promises"),
    path("medborgarloften/<slug:slug>/", views.promise_page, name="public-promise"),
    path("kommuner/", views.municipality_list, name="public-municipalities"),
    re_path(rf"^kommuner/{SCB_CODE}/$", views.municipality_page, name="public-municipality"),
    path("api/v1/promises/", views.api_promises, name="api-promises"),
    path("api/v1/promises/<slug:slug>/", views.api_promise, name="api-promise"),
    path("api/v1/municipalities/", views.api_municipalities, name="api-municipalities"),
    re_path(
        rf"^api/v1/municipalities/{SCB_CODE}/$", views.api_municipality, name="api-municipality"
    ),
]
