"""Products and criteria in the public API. A product comes with its facts, each
with the source a reader can check and the date it was last verified.

``?locale=ja`` gives their words in Japanese (criteria's names, facts' notes,
products' summaries), falling back to the original's where no translation is made
yet; values, sources and dates are the same in every language. Every record is the
original: an id means the same product or criterion whatever the language."""

from django.conf import settings
from django.db.models import Prefetch

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from comparisons.localized import localize
from comparisons.models import Criterion, Fact, Product
from comparisons.models.criteria import with_ranked_values
from home.api import PublicAPIMixin


class InRequestedLanguage:
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])

    def get_queryset(self):
        return self.model.objects.in_default_locale().order_by("id")

    def requested_locale_id(self):
        code = self.request.GET.get("locale")
        if not code:
            return None
        locale = Locale.objects.filter(language_code=code).first()
        if code not in dict(settings.LANGUAGES) or locale is None:
            languages = ", ".join(dict(settings.LANGUAGES))
            raise BadRequestError(f"locale must be one of: {languages}")
        return locale.pk

    def get_serializer(self, instance, *args, **kwargs):
        locale_id = self.requested_locale_id()
        if locale_id is not None:
            records = instance if kwargs.get("many") else [instance]
            localize(self.with_their_words(records), locale_id)
        return super().get_serializer(instance, *args, **kwargs)

    def with_their_words(self, records):
        return records


class ProductsAPIViewSet(InRequestedLanguage, PublicAPIMixin, BaseAPIViewSet):
    model = Product
    name = "products"
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "name",
        "vendor",
        "is_ours",
        "summary",
    ]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "vendor", "is_ours"]

    def get_queryset(self):
        # With each criterion's ranked values: a ranked short text reads as them.
        facts = Fact.objects.select_related("criterion").prefetch_related(
            with_ranked_values("criterion__")
        )
        return super().get_queryset().prefetch_related(Prefetch("facts", queryset=facts))

    def with_their_words(self, products):
        facts = [fact for product in products for fact in product.facts.all()]
        # Criteria first: a ranked value takes its words from its criterion.
        return [*products, *(fact.criterion for fact in facts), *facts]


class CriteriaAPIViewSet(InRequestedLanguage, PublicAPIMixin, BaseAPIViewSet):
    model = Criterion
    name = "criteria"
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["name", "group", "kind"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "group", "unit"]

    def get_queryset(self):
        return super().get_queryset().prefetch_related(with_ranked_values())
