from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site settings"

    def ready(self):
        from . import uploads
        from .exports import neutralise_formulas_in_every_csv_export
        from .page_cache.signals import connect

        connect()
        uploads.connect()
        neutralise_formulas_in_every_csv_export()
