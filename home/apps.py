from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site settings"

    def ready(self):
        from . import page_urls, sqlite_statistics, uploads
        from .exports import neutralise_formulas_in_every_csv_export
        from .models import SiteSettings
        from .page_cache.signals import connect, register

        page_urls.install()
        connect()
        register(SiteSettings, every_page=True)
        uploads.connect()
        sqlite_statistics.connect()
        neutralise_formulas_in_every_csv_export()
