from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests.home.factories import HomePageFactory, serve_as_site_root
from tests.page_test_case import PageTestCase


def standard_page_form(slug="how-we-compare"):
    return nested_form_data(
        {
            "title": "How we compare",
            "slug": slug,
            "intro": "Where our values come from.",
            "body": streamfield(
                [
                    ("heading", {"text": "Report an error", "anchor": "report-an-error"}),
                    ("paragraph", rich_text("<p>Write to us.</p>")),
                ]
            ),
        }
    )


class HomePageTypeTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()

    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        serve_as_site_root(HomePageFactory(parent=self.root))
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_the_sections_under_the_home_page_are_the_page_types_that_name_it(self):
        creatable = {model._meta.label for model in HomePage.creatable_subpage_models()}
        self.assertEqual(
            creatable,
            {
                "comparisons.ProductIndexPage",
                "comparisons.ComparisonIndexPage",
                "testimonials.TestimonialWallPage",
                "testimonials.TestimonialSubmissionPage",
                "testimonials.CaseStudyIndexPage",
                "testimonials.NpsSurveyPage",
                "testimonials.DemoRequestPage",
                "home.StandardPage",
            },
        )

    def test_editor_can_create_preview_and_publish_a_home_page(self):
        form = nested_form_data(
            {
                "title": "Fernhill Labs",
                "slug": "fernhill",
                "honesty_promise": "We tell you who our products are not for.",
                "intro": rich_text(""),
            }
        )
        self.assertCanCreate(self.root, HomePage, form)

        home = serve_as_site_root(HomePage.objects.get(slug="fernhill"))
        self.assertPageIsRenderable(home)
        self.assertPageIsPreviewable(home, post_data=form)
        self.assertContains(self.client.get("/"), "We tell you who our products are not for.")

    def test_editor_can_create_preview_and_publish_a_standard_page(self):
        home = serve_as_site_root(HomePageFactory(parent=self.root))
        self.assertCanCreate(home, StandardPage, standard_page_form())

        page = StandardPage.objects.get(slug="how-we-compare")
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=standard_page_form())
        self.assertContains(self.client.get(page.url), 'id="report-an-error"')

    def test_standard_pages_nest_under_home_and_each_other_only(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
