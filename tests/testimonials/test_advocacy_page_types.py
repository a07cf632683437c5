"""Editors create, preview and publish the NPS survey and the demo request page."""

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from testimonials.models import DemoRequestPage, NpsSurveyPage, TestimonialSubmissionPage
from tests.home.factories import HomePageFactory, serve_as_site_root
from tests.page_test_case import PageTestCase
from tests.testimonials.factories import TestimonialSubmissionPageFactory


class AdvocacyPageTypeTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = serve_as_site_root(HomePageFactory(parent=Page.get_first_root_node()))

    def test_pages_live_under_the_home_page_only(self):
        for model in (NpsSurveyPage, DemoRequestPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(model, set())
        self.assertCanNotCreateAt(TestimonialSubmissionPage, NpsSurveyPage)

    def test_editor_creates_previews_and_publishes_the_nps_survey(self):
        share = TestimonialSubmissionPageFactory(parent=self.home)
        form = nested_form_data(
            {
                "title": "How are we doing?",
                "slug": "how-are-we-doing",
                "question": "How likely are you to recommend Fernhill Desk?",
                "intro": rich_text("<p>One question.</p>"),
                "thank_you_text": rich_text("<p>Thank you.</p>"),
                "share_page": share.pk,
            }
        )

        self.assertCanCreate(self.home, NpsSurveyPage, form)

        page = NpsSurveyPage.objects.get()
        self.assertTrue(page.live)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=form)
        self.assertEqual(page.get_share_page(), share)

    def test_editor_builds_previews_and_publishes_the_demo_request_form(self):
        form = nested_form_data(
            {
                "title": "Request a demo",
                "slug": "request-a-demo",
                "intro": rich_text("<p>See it with your own data.</p>"),
                "form_fields": inline_formset(
                    [
                        {"label": "Your name", "field_type": "singleline", "required": "on"},
                        {"label": "Work e-mail", "field_type": "email", "required": "on"},
                        {"label": "Team size", "field_type": "number"},
                    ]
                ),
                "thank_you_text": rich_text("<p>We reply within a day.</p>"),
                "to_address": "sales@candor.example",
                "from_address": "",
                "subject": "Demo request",
            }
        )

        self.assertCanCreate(self.home, DemoRequestPage, form)

        page = DemoRequestPage.objects.get()
        self.assertEqual(
            [field.clean_name for field in page.form_fields.all()],
            ["your_name", "work_e_mail", "team_size"],
        )
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, mode="form", post_data=form)
        self.assertPageIsPreviewable(page, mode="landing", post_data=form)
        response = self.client.get(page.url)
        self.assertContains(response, 'name="work_e_mail"')
        self.assertContains(response, 'name="website"')  # the honeypot every public form has
