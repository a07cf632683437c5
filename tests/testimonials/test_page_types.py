"""Editors can create, preview and publish the testimonial and case study pages."""

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from comparisons.models import ProductPage
from home.models import HomePage
from testimonials.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    TestimonialSubmissionPage,
    TestimonialWallPage,
)
from tests.comparisons.factories import ProductFactory
from tests.home.factories import HomePageFactory, serve_as_site_root
from tests.page_test_case import PageTestCase
from tests.testimonials.factories import (
    CaseStudyIndexPageFactory,
    CustomerFactory,
    TestimonialFactory,
)


class TestimonialPageTypeTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = serve_as_site_root(HomePageFactory(parent=Page.get_first_root_node()))

    def test_pages_live_where_they_belong(self):
        for model in (TestimonialSubmissionPage, TestimonialWallPage, CaseStudyIndexPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})
        self.assertCanNotCreateAt(HomePage, CaseStudyPage)
        self.assertCanNotCreateAt(ProductPage, CaseStudyPage)

    def test_editor_creates_the_submission_page_and_wall(self):
        self.assertCanCreate(
            self.home,
            TestimonialSubmissionPage,
            nested_form_data(
                {
                    "title": "Share your experience",
                    "slug": "share-your-experience",
                    "intro": rich_text("<p>Good or bad, we publish it.</p>"),
                    "thank_you_text": rich_text("<p>An editor reads it within two days.</p>"),
                    "notify_emails": "editors@candor.example",
                }
            ),
        )
        self.assertCanCreate(
            self.home,
            TestimonialWallPage,
            nested_form_data(
                {"title": "Testimonials", "slug": "testimonials", "intro": rich_text("")}
            ),
        )
        for model in (TestimonialSubmissionPage, TestimonialWallPage):
            self.assertPageIsRenderable(model.objects.get())

    def test_notification_addresses_are_validated(self):
        response = self.client.post(
            f"/admin/pages/add/testimonials/testimonialsubmissionpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Share",
                    "slug": "share",
                    "intro": rich_text(""),
                    "thank_you_text": rich_text("<p>Thanks</p>"),
                    "notify_emails": "editors@candor.example, not-an-address",
                }
            ),
        )
        self.assertContains(response, "Enter a valid email address")
        self.assertFalse(TestimonialSubmissionPage.objects.exists())

    def test_editor_creates_previews_and_publishes_a_case_study(self):
        index = CaseStudyIndexPageFactory(parent=self.home)
        product = ProductFactory(is_ours=True)
        quote = TestimonialFactory(product=product, approved=True)
        form = nested_form_data(
            {
                "title": "Harbour Books halves reply times",
                "slug": "harbour-books",
                "customer": CustomerFactory().pk,
                "summary": "Replies went from a day to three hours.",
                "challenge": rich_text("<p>Email piled up.</p>"),
                "solution": rich_text("<p>One shared queue.</p>"),
                "results": streamfield(
                    [
                        (
                            "metric",
                            {
                                "label": "First reply",
                                "before": "26",
                                "after": "3",
                                "unit": "hours",
                                "note": "",
                            },
                        )
                    ]
                ),
                "quotes": inline_formset([{"testimonial": quote.pk}]),
                "customer_approved_on": "2026-10-01",
                "tags": "retail",
            }
        )
        form["products"] = [product.pk]  # a multiple choice, not a nested field
        self.assertCanCreate(index, CaseStudyPage, form)

        page = CaseStudyPage.objects.get()
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=form)
        self.assertEqual(list(page.public_quotes()), [quote])
