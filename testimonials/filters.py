from django.utils.translation import gettext_lazy as _

import django_filters

from comparisons.models import Product
from testimonials.forms import out_of_five
from testimonials.models.customers import Customer
from testimonials.models.testimonials import Testimonial

RATING_CHOICES = [(n, out_of_five(n)) for n in range(5, 0, -1)]


class TestimonialFilter(django_filters.FilterSet):
    product = django_filters.ModelChoiceFilter(
        label=_("Product"), queryset=Product.objects.ours(), empty_label=_("All products")
    )
    rating = django_filters.ChoiceFilter(
        label=_("Rating"), choices=RATING_CHOICES, empty_label=_("Any rating")
    )
    tag = django_filters.CharFilter(field_name="tags__slug", label=_("Tag"))

    class Meta:
        model = Testimonial
        fields = ["product", "rating", "tag"]


class CaseStudyFilter(django_filters.FilterSet):
    industry = django_filters.ChoiceFilter(
        label=_("Industry"),
        field_name="customer__industry",
        choices=Customer.Industry.choices,
        empty_label=_("All industries"),
    )
    product = django_filters.ModelChoiceFilter(
        label=_("Product"),
        field_name="products",
        queryset=Product.objects.ours(),
        empty_label=_("All products"),
    )
    tag = django_filters.CharFilter(field_name="tags__slug", label=_("Tag"))
