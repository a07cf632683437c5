import django_filters

from comparisons.models import Product
from testimonials.models.customers import Customer
from testimonials.models.testimonials import Testimonial

RATING_CHOICES = [(n, f"{n} out of 5") for n in range(5, 0, -1)]


class TestimonialFilter(django_filters.FilterSet):
    product = django_filters.ModelChoiceFilter(
        queryset=Product.objects.ours(), empty_label="All products"
    )
    rating = django_filters.ChoiceFilter(choices=RATING_CHOICES, empty_label="Any rating")
    tag = django_filters.CharFilter(field_name="tags__slug", label="Tag")

    class Meta:
        model = Testimonial
        fields = ["product", "rating", "tag"]


class CaseStudyFilter(django_filters.FilterSet):
    industry = django_filters.ChoiceFilter(
        field_name="customer__industry",
        choices=Customer.Industry.choices,
        empty_label="All industries",
    )
    product = django_filters.ModelChoiceFilter(
        field_name="products", queryset=Product.objects.ours(), empty_label="All products"
    )
    tag = django_filters.CharFilter(field_name="tags__slug", label="Tag")
