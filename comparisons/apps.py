from django.apps import AppConfig
from django.db.models.signals import post_delete


class ComparisonsConfig(AppConfig):
    name = "comparisons"
    verbose_name = "Products and comparisons"

    def ready(self):
        from home.page_cache.signals import register as show_in_cached_pages
        from home.personal_data import register

        from . import checks, personal_data  # noqa: F401 (checks registers itself)
        from .localized import delete_translations
        from .models import Criterion, Fact, FactChange, FactVerification, Product, RankedValue
        from .page_cache import (
            COMPARISON_DATA,
            as_its_original,
            with_its_criterion,
            with_its_fact,
            with_its_product,
            with_products_using_it,
        )

        register("inaccuracy_reports", export=personal_data.export, erase=personal_data.erase)

        show_in_cached_pages(Product, shown_with=as_its_original, fragments=[COMPARISON_DATA])
        for model in (Product, Criterion, Fact):
            # After the original, its translations: they only lent it their words.
            post_delete.connect(
                delete_translations, sender=model, dispatch_uid=f"translations-{model}"
            )
        for model in (Fact, FactChange):
            show_in_cached_pages(model, shown_with=with_its_product, fragments=[COMPARISON_DATA])
        show_in_cached_pages(
            FactVerification, shown_with=with_its_fact, fragments=[COMPARISON_DATA]
        )
        show_in_cached_pages(
            Criterion, shown_with=with_products_using_it, fragments=[COMPARISON_DATA]
        )
        show_in_cached_pages(
            RankedValue, shown_with=with_its_criterion, fragments=[COMPARISON_DATA]
        )
