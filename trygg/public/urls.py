from django.urls import path

from . import views

urlpatterns = [
    path("medborgarloften/", views.promise_list, name="public-promises"),
    path("medborgarloften/<slug:slug>/", views.promise_page, name="public-promise"),
    path("api/v1/promises/", views.api_promises, name="api-promises"),
    path("api/v1/promises/<slug:slug>/", views.api_promise, name="api-promise"),
]
