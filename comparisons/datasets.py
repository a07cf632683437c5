"""The catalogue of open data: every live, public comparison in the reader's language,
with its downloads and the licence they are published under."""

from collections import defaultdict

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import Locale, Site

from comparisons.localized import localize
from comparisons.models import ComparedCriterion, ComparedProduct, ComparisonPage, Fact
from comparisons.open_data import last_modified, license_link
from comparisons.structured_data import data_catalog
from home.models import SiteSettings
from home.seo.breadcrumbs import Crumb
from home.seo.structured_data import breadcrumb_list, organization
from home.visibility import listable


def listed_comparisons(request, locale):
    """Live comparisons outside any private section, in ``locale``, each with its
    products, criteria count and when its data last changed: a constant number of
    queries however many."""
    pages = list(listable(ComparisonPage.objects.filter(locale=locale), request).order_by("title"))
    # A translation shows its original's products and criteria (synchronised fields).
    products, criteria = defaultdict(list), defaultdict(list)
    for item in ComparedProduct.objects.filter(page__in=pages).select_related("product"):
        products[item.page_id].append(item.product)
    for page_id, criterion_id in ComparedCriterion.objects.filter(page__in=pages).values_list(
        "page_id", "criterion_id"
    ):
        criteria[page_id].append(criterion_id)
    newest = Fact.objects.newest_by_cell(
        {product.pk for listed in products.values() for product in listed},
        {pk for listed in criteria.values() for pk in listed},
    )
    localize([product for listed in products.values() for product in listed], locale.pk)
    for page in pages:
        page.listed_products = products[page.pk]
        page.criteria_count = len(criteria[page.pk])
        page.modified_on = last_modified(
            page,
            [
                date
                for item in page.listed_products
                for criterion_id in criteria[page.pk]
                for date in newest.get((item.pk, criterion_id), ())
            ],
        )
    return pages


def data_catalogue(request):
    locale = Locale.get_active()
    site = Site.find_for_request(request)
    comparisons = listed_comparisons(request, locale)
    for page in comparisons:
        page.csv_url = page.dataset_url(request, "data_csv")
        page.json_url = page.dataset_url(request, "data_json")
    home = site.root_page.localized if site else None
    crumbs = []
    if home is not None:
        crumbs.append(Crumb(_("Home"), home.get_url(request), home.get_full_url(request)))
    url = reverse("open_data")
    crumbs.append(Crumb(_("Open data"), url, request.build_absolute_uri(url), True))
    publisher = organization(SiteSettings.for_request(request), site, request)
    return TemplateResponse(
        request,
        "pages/open_data.html",
        {
            "comparisons": comparisons,
            "crumbs": crumbs,
            "license": license_link(),
            "structured_data_nodes": [
                breadcrumb_list(crumbs),
                data_catalog(comparisons, request, {"@id": publisher["@id"]}),
            ],
        },
    )
