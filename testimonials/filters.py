"""What prospects may narrow the public listings by: the testimonial wall and the case
studies. Each filters the queryset its page gives it."""

from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

import django_filters

from comparisons.models import Product
from home.form_widgets import Select
from testimonials.choices import Industry
from testimonials.forms import out_of_five
from testimonials.querysets import CRITICAL_AT_MOST


def _stars_and_below(stars):
    return gettext("%(stars)s stars and below") % {"stars": stars}


# The value of "3 stars and below" in a URL: a range, so a link reads as what it asks.
CRITICAL = f"1-{CRITICAL_AT_MOST}"
RATING_CHOICES = [
    (CRITICAL, lazy(_stars_and_below, str)(CRITICAL_AT_MOST)),
    *((n, out_of_five(n)) for n in range(5, 0, -1)),
]
CRITICAL_FIRST = "critical"
ORDER_CHOICES = [(CRITICAL_FIRST, _("Critical first"))]
# What the one-tap links to the critical reviews ask the wall for, lowest rating first.
CRITICAL_REVIEWS = {"rating": CRITICAL, "order": CRITICAL_FIRST}


def tagged(queryset, tag):
    """The items of ``queryset`` (testimonials, case studies) with ``tag`` as readers
    type it: its name or its slug, in any case ("Security" finds the tag "security").
    Through the tag table, so an item with two matching tags is listed once."""
    tag = tag.strip()
    items = queryset.model.tags.through.objects.filter(
        Q(tag__name__iexact=tag) | Q(tag__slug__iexact=tag)
    )
    return queryset.filter(pk__in=items.values("content_object_id"))


class TagFilter(django_filters.CharFilter):
    """A tag filter that finds a tag as ``tagged`` does."""

    def filter(self, qs, value):
        return tagged(qs, value) if value and value.strip() else qs


def our_products(request):
    # Our products, not their translations: read per request, once models are loaded.
    return Product.objects.ours()


class TestimonialFilter(django_filters.FilterSet):
    """The wall's filters. Its queryset comes newest first; ``order`` may reorder it."""

    product = django_filters.ModelChoiceFilter(
        label=_("Product"),
        queryset=our_products,
        empty_label=_("All products"),
        widget=Select,
    )
    rating = django_filters.ChoiceFilter(
        label=_("Rating"),
        choices=RATING_CHOICES,
        empty_label=_("Any rating"),
        method="rated",
        widget=Select,
    )
    tag = TagFilter(label=_("Tag"))
    order = django_filters.ChoiceFilter(
        label=_("Order"),
        choices=ORDER_CHOICES,
        empty_label=_("Newest first"),
        method="ordered",
        widget=Select,
    )

    def rated(self, queryset, name, value):
        if value == CRITICAL:
            return queryset.critical()
        return queryset.filter(rating=value)

    def ordered(self, queryset, name, value):
        return queryset.critical_first()


class CaseStudyFilter(django_filters.FilterSet):
    industry = django_filters.ChoiceFilter(
        label=_("Industry"),
        field_name="customer__industry",
        choices=Industry.choices,
        empty_label=_("All industries"),
        widget=Select,
    )
    product = django_filters.ModelChoiceFilter(
        label=_("Product"),
        field_name="products",
        queryset=our_products,
        empty_label=_("All products"),
        widget=Select,
    )
    tag = TagFilter(label=_("Tag"))
