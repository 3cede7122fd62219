from django.apps import AppConfig


class PromisesConfig(AppConfig):
    name = "trygg.promises"
