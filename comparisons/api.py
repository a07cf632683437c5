"""Products and criteria in the public API. A product comes with its facts, each
with the source a reader can check and the date it was last verified."""

from django.db.models import Prefetch

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet

from comparisons.models import Criterion, Fact, Product
from home.api import PublicAPIMixin


class ProductsAPIViewSet(PublicAPIMixin, BaseAPIViewSet):
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
        facts = Fact.objects.select_related("criterion")
        return (
            Product.objects.in_source_language()
            .prefetch_related(Prefetch("facts", queryset=facts))
            .order_by("id")
        )


class CriteriaAPIViewSet(PublicAPIMixin, BaseAPIViewSet):
    model = Criterion
    name = "criteria"
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["name", "group", "kind"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "group", "unit"]

    def get_queryset(self):
        return Criterion.objects.in_source_language().order_by("id")
