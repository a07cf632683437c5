import datetime

from django.utils import timezone

import factory
import wagtail_factories

from testimonials.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    Customer,
    Testimonial,
    TestimonialSubmissionPage,
    TestimonialWallPage,
)
from tests.comparisons.factories import ProductFactory


class CustomerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Customer {n}")
    industry = Customer.Industry.RETAIL
    size = Customer.Size.SMALL

    class Meta:
        model = Customer


class TestimonialFactory(factory.django.DjangoModelFactory):
    """A pending testimonial as it arrives from the form; ``approved=True`` for one an
    editor has published."""

    product = factory.SubFactory(ProductFactory, is_ours=True)
    quote = factory.Faker("paragraph")
    rating = 4
    author_name = factory.Faker("name")
    author_role = "Support lead"
    author_company = factory.Faker("company")
    email = factory.Faker("email")
    consent_name = True
    consent_company = True
    consent_given_at = factory.LazyFunction(timezone.now)
    live = False
    submitted_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Testimonial

    class Params:
        approved = factory.Trait(live=True, status=Testimonial.Status.APPROVED)
        rejected = factory.Trait(
            status=Testimonial.Status.REJECTED,
            rejection_reason=Testimonial.RejectionReason.SPAM,
        )
        withdrawn = factory.Trait(
            status=Testimonial.Status.WITHDRAWN, withdrawn_at=factory.LazyFunction(timezone.now)
        )


class TestimonialSubmissionPageFactory(wagtail_factories.PageFactory):
    title = "Share your experience"
    slug = "share-your-experience"
    thank_you_text = "<p>An editor reads every testimonial within two working days.</p>"
    notify_emails = "editors@candor.example, moderation@candor.example"

    class Meta:
        model = TestimonialSubmissionPage


class TestimonialWallPageFactory(wagtail_factories.PageFactory):
    title = "What customers say"
    slug = "testimonials"

    class Meta:
        model = TestimonialWallPage


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Case studies"
    slug = "case-studies"

    class Meta:
        model = CaseStudyIndexPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    slug = factory.Sequence(lambda n: f"case-study-{n}")
    customer = factory.SubFactory(CustomerFactory)
    summary = factory.Faker("sentence")
    challenge = "<p>Replies took days.</p>"
    solution = "<p>One shared queue.</p>"
    results = factory.LazyFunction(
        lambda: [
            ("metric", {"label": "First reply", "before": "26", "after": "3", "unit": "hours"})
        ]
    )
    customer_approved_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=30)
    )

    class Meta:
        model = CaseStudyPage


class CustomerContactFactory(factory.django.DjangoModelFactory):
    """A customer on our list; ``products`` lists the products they use."""

    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"customer{n}@list.example")
    company = factory.Faker("company")
    customer_since = datetime.date(2024, 1, 1)
    plan = "Team"
    language = "en"
    region = "EU"
    lawful_basis = "contract"

    class Meta:
        model = "testimonials.CustomerContact"
        skip_postgeneration_save = True

    @factory.post_generation
    def products(self, create, extracted, **kwargs):
        if create and extracted:
            self.products.set(extracted)


class InvitationCampaignFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Spring survey {n}")
    product = factory.SubFactory(ProductFactory, is_ours=True)
    segment = factory.LazyFunction(dict)
    reminder_after_days = 7

    class Meta:
        model = "testimonials.InvitationCampaign"
