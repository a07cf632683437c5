"""What prospects may narrow the public listings by: the testimonial wall and the case
studies. Each filters the queryset its page gives it."""

from django.utils.translation import gettext_lazy as _

import django_filters

from comparisons.models import Product
from testimonials.choices import Industry
from testimonials.forms import out_of_five

RATING_CHOICES = [(n, out_of_five(n)) for n in range(5, 0, -1)]


class TestimonialFilter(django_filters.FilterSet):
    product = django_filters.ModelChoiceFilter(
        label=_("Product"), queryset=Product.objects.ours(), empty_label=_("All products")
    )
    rating = django_filters.ChoiceFilter(
        label=_("Rating"), choices=RATING_CHOICES, empty_label=_("Any rating")
    )
    tag = django_filters.CharFilter(field_name="tags__slug", label=_("Tag"))


class CaseStudyFilter(django_filters.FilterSet):
    industry = django_filters.ChoiceFilter(
        label=_("Industry"),
        field_name="customer__industry",
        choices=Industry.choices,
        empty_label=_("All industries"),
    )
    product = django_filters.ModelChoiceFilter(
        label=_("Product"),
        field_name="products",
        queryset=Product.objects.ours(),
        empty_label=_("All products"),
    )
    tag = django_filters.CharFilter(field_name="tags__slug", label=_("Tag"))
