"""Editors can create, preview and publish each page type, only where it belongs."""

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
)

from comparisons.models import (
    ComparisonIndexPage,
    ComparisonPage,
    ExitGuidePage,
    ProductIndexPage,
    ProductPage,
)
from home.models import HomePage, StandardPage
from tests.comparisons.factories import (
    ComparisonIndexPageFactory,
    CriterionFactory,
    FactFactory,
    ProductFactory,
    ProductIndexPageFactory,
)
from tests.comparisons.form_data import product_page_form
from tests.home.factories import HomePageFactory, serve_as_site_root
from tests.page_test_case import PageTestCase


def comparison_page_form(products, criteria, slug="desk-vs-tidewell"):
    return nested_form_data(
        {
            "title": "Fernhill Desk vs Tidewell Desk",
            "slug": slug,
            "intro": rich_text("<p>For teams choosing a helpdesk.</p>"),
            "compared_products": inline_formset(
                [
                    {"product": p.pk, "plan": "All plans", "best_for": "Small teams"}
                    for p in products
                ]
            ),
            "compared_criteria": inline_formset([{"criterion": c.pk} for c in criteria]),
            "selection_note": "Mid-tier plans at similar prices.",
            "author_name": "Ana Ortiz",
            "reviewed_on": "2026-01-15",
        }
    )


class ComparisonsPageTypeTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = serve_as_site_root(HomePageFactory(parent=Page.get_first_root_node()))
        cls.product_index = ProductIndexPageFactory(parent=cls.home)
        cls.comparison_index = ComparisonIndexPageFactory(parent=cls.home)
        cls.ours = ProductFactory(name="Fernhill Desk", is_ours=True)
        cls.rival = ProductFactory(name="Tidewell Desk")
        cls.criteria = [CriterionFactory() for _ in range(2)]

    def test_index_pages_live_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(ProductIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ComparisonIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, ProductIndexPage)
        self.assertCanNotCreateAt(ProductIndexPage, ComparisonIndexPage)

    def test_product_and_comparison_pages_live_under_their_index_only(self):
        self.assertAllowedParentPageTypes(ProductPage, {ProductIndexPage})
        self.assertAllowedParentPageTypes(ComparisonPage, {ComparisonIndexPage})
        # A product page's only child is its guide to leaving.
        self.assertAllowedSubpageTypes(ProductPage, {ExitGuidePage})
        self.assertAllowedParentPageTypes(ExitGuidePage, {ProductPage})
        self.assertAllowedSubpageTypes(ComparisonPage, set())
        self.assertCanNotCreateAt(HomePage, ProductPage)
        self.assertCanNotCreateAt(ComparisonIndexPage, ProductPage)
        self.assertCanNotCreateAt(ProductIndexPage, ComparisonPage)

    def test_editor_can_create_and_publish_index_pages(self):
        self.home.get_children().delete()
        for model, slug in [(ProductIndexPage, "products"), (ComparisonIndexPage, "compare")]:
            self.assertCanCreate(
                self.home,
                model,
                nested_form_data({"title": slug.title(), "slug": slug, "intro": rich_text("")}),
            )
            self.assertPageIsRenderable(model.objects.get(slug=slug))

    def test_editor_can_create_preview_and_publish_a_product_page(self):
        self.assertCanCreate(
            self.product_index, ProductPage, product_page_form(self.ours, [self.rival])
        )

        page = ProductPage.objects.get(slug="fernhill-desk")
        self.assertTrue(page.live)
        self.assertEqual(page.not_suitable_for.get().alternative, self.rival)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=product_page_form(self.ours, [self.rival]))

    def test_a_product_page_without_a_not_suitable_for_item_is_refused(self):
        response = self.client.post(
            f"/admin/pages/add/comparisons/productpage/{self.product_index.pk}/",
            product_page_form(self.ours, [], slug="too-good", **{"action-publish": "publish"}),
        )

        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        self.assertEqual(
            form.formsets["not_suitable_for"].non_form_errors(), ["Please submit at least 1 form."]
        )
        self.assertEqual(form.errors, {}, "refused for the missing item, not for anything else")
        self.assertFalse(ProductPage.objects.filter(slug="too-good").exists())

    def test_only_our_products_can_have_a_product_page(self):
        response = self.client.post(
            f"/admin/pages/add/comparisons/productpage/{self.product_index.pk}/",
            product_page_form(self.rival, [self.ours], slug="not-ours"),
        )

        self.assertContains(response, "Select a valid choice")
        self.assertFalse(ProductPage.objects.filter(slug="not-ours").exists())

    def test_editor_can_create_preview_and_publish_a_comparison_page(self):
        form = comparison_page_form([self.ours, self.rival], self.criteria)
        self.assertCanCreate(self.comparison_index, ComparisonPage, form)

        page = ComparisonPage.objects.get(slug="desk-vs-tidewell")
        self.assertEqual([c.product for c in page.compared_products.all()], [self.ours, self.rival])
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=form)

    def test_a_comparison_must_include_one_of_our_products_once(self):
        url = f"/admin/pages/add/comparisons/comparisonpage/{self.comparison_index.pk}/"
        other = ProductFactory()

        rivals_only = self.client.post(
            url, comparison_page_form([self.rival, other], self.criteria, slug="bad")
        )
        repeated = self.client.post(
            url, comparison_page_form([self.ours, self.ours], self.criteria, slug="bad")
        )

        self.assertContains(rivals_only, "Compare at least one of our own products")
        self.assertContains(repeated, "Each product can appear only once")
        self.assertFalse(ComparisonPage.objects.filter(slug="bad").exists())

    def test_a_table_our_products_win_on_every_row_cannot_be_published(self):
        url = f"/admin/pages/add/comparisons/comparisonpage/{self.comparison_index.pk}/"
        criteria = [CriterionFactory() for _ in range(3)]
        for criterion in criteria:
            FactFactory(product=self.ours, criterion=criterion, support="yes")
            FactFactory(product=self.rival, criterion=criterion, support="no")
        form = comparison_page_form([self.ours, self.rival], criteria, slug="one-sided")

        published = self.client.post(url, form | {"action-publish": "action-publish"})
        self.assertContains(published, "Our products lead on every ranked row")
        self.assertFalse(ComparisonPage.objects.filter(slug="one-sided").exists())

        self.client.post(url, form)  # a draft may be saved while the editor adds rows
        self.assertFalse(ComparisonPage.objects.get(slug="one-sided").live)
