"""Approved testimonials in the public API, showing exactly what the testimonial card
shows: the author's name, role and company only where the author consented, and the
labels that say whether it was verified, whether anything was given for it and how
the author is related to us, where it came from and our public reply. Nothing else
about the author ever leaves."""

from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.views import BaseAPIViewSet

from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend

from home.api import PublicAPIMixin
from testimonials.models.testimonials import Testimonial


class AuthorField(Field):
    def get_attribute(self, testimonial):
        return testimonial

    def to_representation(self, testimonial):
        return {
            "name": testimonial.display_name,
            # Without consent to the name, the role already stands in for it.
            "role": testimonial.author_role if testimonial.consent_name else "",
            "company": testimonial.display_company,
        }


class LabelsField(Field):
    def get_attribute(self, testimonial):
        return testimonial

    def to_representation(self, testimonial):
        provenance = testimonial.provenance
        return {
            "verified": provenance.verified,
            "verification": provenance.verification_method,
            "incentive": testimonial.incentive_label,
            "relationship": testimonial.relationship_label,
            "excerpt": testimonial.is_excerpt,
        }


class ProvenanceField(Field):
    """Where it came from (testimonials.provenance): never a campaign's name, never an
    address."""

    def get_attribute(self, testimonial):
        return testimonial

    def to_representation(self, testimonial):
        return testimonial.provenance.as_api()


class ReplyField(Field):
    """Our public reply, with its earlier wordings once edited; null when there is none."""

    def get_attribute(self, testimonial):
        return testimonial

    def to_representation(self, testimonial):
        reply = testimonial.public_reply
        return reply.as_api() if reply else None


class DateField(Field):
    """The day it was submitted, as the card shows it; the time of day stays private."""

    def to_representation(self, submitted_on):
        return submitted_on.isoformat()


PUBLIC_FIELDS = [
    "product",
    "rating",
    "quote",
    "excerpt",
    # The language of the words, so a site showing them can mark it (lang="…").
    "language",
    APIField("author", serializer=AuthorField(read_only=True)),
    "relationship",
    "incentive",
    APIField("labels", serializer=LabelsField(read_only=True)),
    APIField("date", serializer=DateField(source="submitted_on", read_only=True)),
    APIField("provenance", serializer=ProvenanceField(read_only=True)),
    APIField("reply", serializer=ReplyField(read_only=True)),
]


class ShownWordsSearchFilter(BaseFilterBackend):
    """``?search=`` over the words a reader can see, never over the search index,
    which also holds names given without consent to show them."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            queryset = queryset.containing_shown_words(request.GET["search"])
        return queryset


class TestimonialsAPIViewSet(PublicAPIMixin, BaseAPIViewSet):
    model = Testimonial
    name = "testimonials"
    body_fields = BaseAPIViewSet.body_fields + PUBLIC_FIELDS
    filter_backends = [FieldsFilter, OrderingFilter, ShownWordsSearchFilter]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        field if isinstance(field, str) else field.name for field in PUBLIC_FIELDS
    ]
    nested_default_fields = listing_default_fields

    @classmethod
    def get_body_fields(cls, model):
        # Only the fields listed here, whatever the model declares: a field added to
        # Testimonial later stays private until someone decides it may be public.
        return cls._convert_api_fields(cls.body_fields)

    def get_queryset(self):
        # Detail, find and listing all start here, so a testimonial that is not
        # public does not exist as far as the API is concerned.
        return (
            Testimonial.objects.public()
            .select_related("product")
            .with_provenance_and_reply()
            .without_what_readers_never_see()
            .newest_first()
        )

    @classmethod
    def nested_serializer_class(cls, router):
        return cls._get_serializer_class(router, Testimonial, [], nested=True)
