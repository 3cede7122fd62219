"""URL map: staff pages, public pages, the open-data API, admin and i18n."""

from allauth.account import views as account_views
from django.contrib import admin
from django.urls import include, path

from trygg.ops.health import healthz

urlpatterns = [
    path("", include("trygg.promises.urls")),
    path("", include("trygg.agreements.urls")),
    path("", include("trygg.incidents.urls")),
    path("", include("trygg.est.urls")),
    path("", include("trygg.lagesbild.urls")),
    path("", include("trygg.followup.urls")),
    path("", include("trygg.extract.urls")),
    path("", include("trygg.walks.urls")),
    path("", include("trygg.participation.urls")),
    path("", include("trygg.geo.urls")),
    path("", include("trygg.public.urls")),
    path("", include("trygg.citizens.urls")),
    path("konto/", include("allauth.urls")),
    # The names Trygg's templates and tests use for allauth's login and logout.
    path("konto/login/", account_views.login, name="login"),
    path("konto/logout/", account_views.logout, name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

# Errors as JSON on /api/ and /open311/, as pages elsewhere.
handler400 = "trygg.errors.bad_request"
handler404 = "trygg.errors.page_not_found"
