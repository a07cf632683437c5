"""What a record is called shows in admin listings, choosers, history and logs, to
anyone who may see that the record exists: never an e-mail address."""

from django.apps import apps

import pytest

from comparisons.models import WatchedSource
from home.models import SiteSettings
from testimonials.models import (
    CaseStudyQuote,
    CustomerContact,
    DemoRequestSubmission,
    Invitation,
    InvitationCampaign,
    ReconfirmationRequest,
    ReferralVisitDay,
    ReviewCollectionSettings,
    StoppedAddress,
    TestimonialReply,
    TestimonialReplyEdit,
)
from tests.comparisons.factories import (
    ComparedCriterionFactory,
    ComparedProductFactory,
    ComparisonIndexPageFactory,
    ComparisonPageFactory,
    CriterionFactory,
    ExitGuidePageFactory,
    FactChangeFactory,
    FactFactory,
    InaccuracyReportFactory,
    NotSuitableForFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
)
from tests.home.factories import StandardPageFactory
from tests.testimonials.advocate_factories import (
    AdvocateActivityFactory,
    AdvocateFactory,
    DemoRequestPageFactory,
    NpsResponseFactory,
    ReferenceRequestFactory,
)
from tests.testimonials.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    TestimonialFactory,
    TestimonialSubmissionPageFactory,
    TestimonialWallPageFactory,
)

pytestmark = pytest.mark.django_db

CANDOR_APPS = {"home", "comparisons", "testimonials"}


def candor_models():
    return [model for model in apps.get_models() if model._meta.app_label in CANDOR_APPS]


@pytest.fixture
def one_of_each(home_page):
    """One record of every model, each holding the e-mail addresses it can hold."""
    SiteSettings.for_site(home_page.get_site())
    StandardPageFactory(parent=home_page)
    FactFactory()
    CriterionFactory(kind="text", ranked_values=["24/7", "Business hours"])
    FactChangeFactory()
    InaccuracyReportFactory(email="reporter@private.example")
    ProductIndexPageFactory(parent=home_page)
    product_page = ProductPageFactory(parent=home_page)
    NotSuitableForFactory(page=product_page)
    ExitGuidePageFactory(parent=product_page)
    WatchedSource.objects.create(url="https://vendor.example/pricing")
    comparison = ComparisonPageFactory(parent=ComparisonIndexPageFactory(parent=home_page))
    ComparedProductFactory(page=comparison)
    ComparedCriterionFactory(page=comparison)

    testimonial = TestimonialFactory(approved=True, email="author@private.example")
    testimonial.tags.add("onboarding")
    testimonial.save()
    case_study = CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home_page))
    case_study.tags.add("retail")
    case_study.save()
    CaseStudyQuote.objects.create(page=case_study, testimonial=testimonial)
    advocate = AdvocateFactory(email="advocate@private.example")
    AdvocateActivityFactory(advocate=advocate)
    ReferralVisitDay.objects.create(advocate=advocate, day=testimonial.submitted_at.date())
    ReferenceRequestFactory(advocate=advocate)
    ReconfirmationRequest.objects.create(email="reconfirm@private.example", advocate=advocate)
    submission_page = TestimonialSubmissionPageFactory(parent=home_page)
    TestimonialWallPageFactory(parent=home_page)
    NpsResponseFactory(
        invitation__email="respondent@private.example",
        invitation__survey__parent=home_page,
        invitation__survey__share_page=submission_page,
    )
    DemoRequestSubmission.objects.create(
        page=DemoRequestPageFactory(parent=home_page),
        form_data={"your_name": "Grace", "work_e_mail": "prospect@private.example"},
    )
    ReviewCollectionSettings.for_site(home_page.get_site())
    contact = CustomerContact.objects.create(
        name="Aiko", email="listed@private.example", lawful_basis="contract"
    )
    campaign = InvitationCampaign.objects.create(name="Spring", product=testimonial.product)
    Invitation.objects.create(
        campaign=campaign, contact=contact, product=testimonial.product, language="en"
    )
    reply = TestimonialReply.objects.create(
        testimonial=testimonial, text="Thank you", replier_name="Ken", replier_role="Support"
    )
    TestimonialReplyEdit.objects.create(reply=reply, text="Thanks")
    contact.stop_invitations()
    assert StoppedAddress.objects.exists()


def test_every_model_has_a_record_here(one_of_each):
    """So a model added later is named here too, or this fails."""
    missing = [model._meta.label for model in candor_models() if not model.objects.exists()]

    assert missing == []


def test_no_record_is_named_by_an_e_mail_address(one_of_each):
    named_by_address = [
        (model._meta.label, name)
        for model in candor_models()
        for name in map(str, model.objects.all())
        if "@" in name
    ]

    assert named_by_address == []
