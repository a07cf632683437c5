import datetime

from django.utils import timezone

import factory
import wagtail_factories

from testimonials.models import (
    Advocate,
    AdvocateActivity,
    DemoRequestFormField,
    DemoRequestPage,
    NpsInvitation,
    NpsResponse,
    NpsSurveyPage,
    ReferenceRequest,
)
from tests.comparisons.factories import ProductFactory
from tests.home.factories import wagtail_root
from tests.testimonials.factories import CustomerFactory


class AdvocateFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"advocate{n}@customer.example")
    role = "Support lead"
    customer = factory.SubFactory(CustomerFactory)
    advocate_type = Advocate.Type.EDUCATOR
    recognition = Advocate.Recognition.PUBLIC_CREDIT
    customer_as_of = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=60)
    )

    class Meta:
        model = Advocate


class AdvocateActivityFactory(factory.django.DjangoModelFactory):
    advocate = factory.SubFactory(AdvocateFactory)
    kind = AdvocateActivity.Kind.EVENT
    date = factory.LazyFunction(timezone.localdate)
    description = factory.Faker("sentence", nb_words=5)

    class Meta:
        model = AdvocateActivity


class ReferenceRequestFactory(factory.django.DjangoModelFactory):
    product = factory.SubFactory(ProductFactory, is_ours=True)
    industry = "retail"
    prospect_need = factory.Faker("sentence")
    needed_by = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))

    class Meta:
        model = ReferenceRequest


class NpsSurveyPageFactory(wagtail_factories.PageFactory):
    title = "How are we doing?"
    slug = factory.Sequence(lambda n: f"how-are-we-doing-{n}")
    thank_you_text = "<p>Thank you for answering.</p>"

    class Meta:
        model = NpsSurveyPage


class NpsInvitationFactory(factory.django.DjangoModelFactory):
    # A page under Wagtail's root, never a second root of the page tree.
    survey = factory.SubFactory(NpsSurveyPageFactory, parent=factory.LazyFunction(wagtail_root))
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"respondent{n}@customer.example")

    class Meta:
        model = NpsInvitation


class NpsResponseFactory(factory.django.DjangoModelFactory):
    invitation = factory.SubFactory(NpsInvitationFactory)
    score = 9
    answered_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = NpsResponse


class DemoRequestPageFactory(wagtail_factories.PageFactory):
    title = "Request a demo"
    slug = "request-a-demo"
    thank_you_text = "<p>We reply within a day.</p>"
    to_address = "sales@candor.example"
    subject = "Demo request"

    class Meta:
        model = DemoRequestPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        if not create:
            return
        for order, (label, kind, required) in enumerate(
            extracted or [("Your name", "singleline", True), ("Work e-mail", "email", True)]
        ):
            DemoRequestFormField.objects.create(
                page=page, sort_order=order, label=label, field_type=kind, required=required
            )
