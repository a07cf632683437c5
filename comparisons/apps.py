from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    name = "comparisons"
    verbose_name = "Products and comparisons"

    def ready(self):
        from home.personal_data import register

        from . import checks, personal_data  # noqa: F401 (checks registers itself)

        register("inaccuracy_reports", export=personal_data.export, erase=personal_data.erase)
