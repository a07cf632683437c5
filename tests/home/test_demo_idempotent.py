"""`make run` loads the demo content every time it starts, but the demo is loaded once:
a later run adds and changes nothing (only a `--port` given on the command line is
applied to the site). What editors, authors and erasure did since is kept, deletions
and renames included: corrected facts, decided reports, published pages, moderation,
settings, an author's changed words and an erased author's testimonials."""

import datetime
from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import Locale, Page, PageLogEntry, Revision, Site

import pytest
import time_machine
from bs4 import BeautifulSoup

from comparisons.models import (
    Criterion,
    Fact,
    FactChange,
    InaccuracyReport,
    Product,
    ProductPage,
)
from home.models import HomePage, SiteSettings
from home.personal_data import export_personal_data
from testimonials.links import withdrawal_link
from testimonials.models import (
    Advocate,
    CaseStudyPage,
    Customer,
    NpsResponse,
    ReferralVisitDay,
    Testimonial,
)
from tests.comparisons.test_fact_changes import edit_url, fact_data, product_form
from tests.testimonials.test_author_edits import change_form

COUNTED = [
    Page,
    Revision,
    Product,
    Criterion,
    Fact,
    FactChange,
    InaccuracyReport,
    Customer,
    Testimonial,
    Advocate,
    NpsResponse,
    ReferralVisitDay,
]
REASON = "Tidewell lowered the Business plan to 45 USD in its spring price list."
ALREADY_LOADED = "Demo content is already loaded: nothing was added or changed."


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def load_again(*args):
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def site_editor(editor, editor_client):
    """An editor who also publishes pages (Wagtail's Moderators group) and may change
    the site settings: everything the demo's editors do, without being a superuser."""
    editor.groups.add(Group.objects.get(name="Moderators"))
    for app_label, codename in (
        ("home", "change_sitesettings"),
        ("testimonials", "publish_testimonial"),
    ):
        editor.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return editor_client


def correct_the_price(client):
    """49 → 45 with a reason, on the product's edit form in the admin."""
    product = Product.objects.in_source_language().get(name="Tidewell Desk")
    price = product.facts.get(criterion__name="Starting price")
    others = [fact_data(fact) for fact in product.facts.exclude(pk=price.pk)]
    corrected = fact_data(
        price, number="45", verified_on=timezone.localdate().isoformat(), change_reason=REASON
    )
    response = client.post(edit_url(product), product_form(product, [corrected, *others]))
    assert response.status_code == 302
    return price


def accept_the_open_report(client):
    report = InaccuracyReport.objects.get(status=InaccuracyReport.Status.NEW)
    response = client.post(
        f"/admin/snippets/comparisons/inaccuracyreport/edit/{report.pk}/",
        {"status": "accepted", "editor_response": "Checked Quillory's pricing page: right."},
    )
    assert response.status_code == 302
    return report


def rewrite_and_publish(page, user, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def test_loading_again_keeps_every_edit_an_editor_made(site_editor, editor, demo_site):
    price = correct_the_price(site_editor)
    report = accept_the_open_report(site_editor)
    product_page = rewrite_and_publish(
        ProductPage.objects.get(slug="fernhill-desk", locale__language_code="en"),
        editor,
        title="Fernhill Desk helpdesk",
        summary="<p>Rewritten by our editor.</p>",
    )
    case_study = CaseStudyPage.objects.filter(tags__isnull=False).distinct().first()
    case_study.tags.clear()
    case_study = rewrite_and_publish(case_study, editor)
    approved = Testimonial.objects.public().filter(rating=5).first()
    approved.reject(Testimonial.RejectionReason.DUPLICATE, user=editor)
    pending = Testimonial.objects.filter(status=Testimonial.Status.PENDING).first()
    pending.save_revision(user=editor).publish(user=editor)
    settings = SiteSettings.for_site(demo_site)
    settings.company_name = "Fernhill Labs GmbH"
    settings.corrections_email = "errata@fernhill.example"
    settings.save()
    Site.objects.filter(pk=demo_site.pk).update(site_name="Fernhill")
    before = counts()

    output = load_again()

    assert counts() == before
    price.refresh_from_db()
    assert (price.number, price.verified_on) == (45, timezone.localdate())
    correction = FactChange.objects.get(reason=REASON)
    assert (correction.old_value, correction.new_value) == (
        "49 USD / agent / month",
        "45 USD / agent / month",
    )
    assert correction.editor == editor
    report.refresh_from_db()
    assert report.status == InaccuracyReport.Status.ACCEPTED
    assert report.decided_by == editor
    live = ProductPage.objects.get(pk=product_page.pk)
    assert (live.title, live.summary) == (
        "Fernhill Desk helpdesk",
        "<p>Rewritten by our editor.</p>",
    )
    assert live.live_revision_id == product_page.live_revision_id
    case_study_now = CaseStudyPage.objects.get(pk=case_study.pk)
    assert case_study_now.live_revision_id == case_study.live_revision_id
    assert not case_study_now.tags.exists()
    approved.refresh_from_db()
    assert (approved.status, approved.live) == (Testimonial.Status.REJECTED, False)
    pending.refresh_from_db()
    assert (pending.status, pending.live) == (Testimonial.Status.APPROVED, True)
    settings.refresh_from_db()
    assert settings.company_name == "Fernhill Labs GmbH"
    assert settings.corrections_email == "errata@fernhill.example"
    assert Site.objects.get(pk=demo_site.pk).site_name == "Fernhill"
    assert ALREADY_LOADED in output


def test_the_corrections_log_and_the_table_agree_after_loading_again(
    client, site_editor, demo_site
):
    correct_the_price(site_editor)

    load_again()

    url = "/compare/fernhill-desk-vs-tidewell-desk-vs-quillory/"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    log = [item.get_text(" ", strip=True) for item in soup.select("#corrections li")]
    row = next(row for row in soup.select("tbody tr") if "Starting price" in row.th.get_text())
    assert any("was 49 USD / agent / month → now 45 USD / agent / month" in e for e in log)
    assert "45" in row.get_text() and "49" not in row.get_text()


def test_a_deleted_fact_stays_deleted_and_its_siblings_left_alone(site_editor, demo_site):
    price = correct_the_price(site_editor)
    phone = Fact.objects.in_source_language().get(
        product__name="Tidewell Desk", criterion__name="Phone channel"
    )
    phone.delete()
    before = counts()

    output = load_again()

    assert ALREADY_LOADED in output
    assert counts() == before
    assert (
        not Fact.objects.in_source_language()
        .filter(product__name="Tidewell Desk", criterion__name="Phone channel")
        .exists()
    )
    price.refresh_from_db()
    assert price.number == 45


def test_words_an_author_changed_are_not_published_again(demo_site, no_typing_delay):
    """Through their private link an author replaces a live quote: it goes back to
    moderation. Loading again must not bring the old words back, approved and live."""
    testimonial = Testimonial.objects.public().get(author_name="Tom Brennan")
    old_quote = testimonial.quote
    new_quote = "Solid helpdesk for a small team, though reporting is still thin."
    response = Client().post(
        withdrawal_link.path(testimonial), change_form(testimonial, quote=new_quote)
    )
    assert response.status_code == 302
    before = counts()

    load_again()

    assert counts() == before
    assert not Testimonial.objects.filter(quote=old_quote).exists()
    testimonial.refresh_from_db()
    assert testimonial.quote == new_quote
    assert (testimonial.status, testimonial.live) == (Testimonial.Status.PENDING, False)
    assert not Testimonial.objects.public().filter(author_name="Tom Brennan").exists()


def test_an_erased_authors_testimonials_are_not_recreated(demo_site):
    """After an erasure request, loading again must not bring back her name, address
    and words, let alone approved and live."""
    email = "priya@customer.example"
    assert Testimonial.objects.filter(author_name="Priya Raman", live=True).exists()
    call_command("erase_personal_data", email, yes=True, stdout=StringIO())
    before = counts()

    load_again()

    assert counts() == before
    assert not Testimonial.objects.filter(author_name="Priya Raman").exists()
    assert not Testimonial.objects.filter(email__iexact=email).exists()
    assert not Advocate.objects.filter(name="Priya Raman").exists()
    found = export_personal_data(email)["data"]
    assert not found["testimonials"]
    assert not any(found["advocate_program"].values())


def test_a_renamed_product_is_not_duplicated(demo_site):
    product = Product.objects.in_source_language().get(name="Fernhill Desk")
    product.name = "Fernhill Helpdesk"
    product.save()
    facts, testimonials = product.facts.count(), product.testimonials.count()
    before = counts()

    load_again()

    assert counts() == before
    assert not Product.objects.in_source_language().filter(name="Fernhill Desk").exists()
    product.refresh_from_db()
    assert product.name == "Fernhill Helpdesk"
    assert (product.facts.count(), product.testimonials.count()) == (facts, testimonials)


def test_deleting_the_home_page_does_not_bring_the_demo_back(demo_site):
    for home in HomePage.objects.all():
        home.delete()
    before = counts()

    output = load_again("--port", "8123")

    assert ALREADY_LOADED in output
    assert counts() == before
    assert not HomePage.objects.exists()


def test_loading_again_applies_only_the_port_it_is_given(demo_site):
    Site.objects.filter(pk=demo_site.pk).update(site_name="Fernhill")
    root_page = demo_site.root_page_id
    before = counts()

    output = load_again("--port", "8123")

    assert ALREADY_LOADED in output
    assert counts() == before
    site = Site.objects.get(pk=demo_site.pk)
    assert (site.port, site.site_name, site.root_page_id) == (8123, "Fernhill", root_page)


def test_demo_referral_visits_are_not_added_again_on_a_later_day(demo_site):
    visits = ReferralVisitDay.objects.count()
    later = timezone.now() + datetime.timedelta(days=3)

    with time_machine.travel(later, tick=False):
        load_again()

    assert ReferralVisitDay.objects.count() == visits


# A site loaded before the demo had every page in Japanese -------------------------------

NEWER_JAPANESE_PAGES = ["testimonials", "share-your-experience", "case-studies", "request-a-demo"]


def japanese_paths():
    return set(
        Page.objects.filter(locale__language_code="ja").live().values_list("url_path", flat=True)
    )


def forget_japanese_pages(slugs):
    """The Japanese pages at ``slugs`` as if the demo had never made them: gone, and
    gone from Wagtail's history too (an editor's deletion would be recorded there)."""
    pages = Page.objects.filter(locale__language_code="ja", depth=3, slug__in=slugs)
    ids = [
        pk
        for page in pages
        for pk in page.get_descendants(inclusive=True).values_list("pk", flat=True)
    ]
    for page in pages:
        page.delete()
    PageLogEntry.objects.filter(page_id__in=ids).delete()


def test_a_site_loaded_before_gets_the_japanese_pages_it_lacks(demo_site):
    complete = japanese_paths()
    forget_japanese_pages(NEWER_JAPANESE_PAGES)
    assert japanese_paths() < complete

    output = load_again()

    assert "added the Japanese versions of 5 of its pages" in output
    assert japanese_paths() == complete
    assert load_again().strip() == ALREADY_LOADED, "nothing is added twice"


def test_a_japanese_page_an_editor_deleted_stays_deleted(demo_site, site_editor):
    wall = Page.objects.get(locale__language_code="ja", slug="testimonials")
    english_wall = wall.get_translation(Locale.get_default())
    response = site_editor.post(f"/admin/pages/{wall.pk}/delete/")
    assert response.status_code == 302
    before = counts()

    output = load_again()

    assert ALREADY_LOADED in output
    assert counts() == before
    assert not english_wall.has_translation(Locale.objects.get(language_code="ja"))


def test_a_japanese_page_whose_english_page_was_deleted_is_not_made(demo_site):
    forget_japanese_pages(["request-a-demo"])
    Page.objects.get(locale=Locale.get_default(), slug="request-a-demo").delete()
    before = counts()

    output = load_again()

    assert ALREADY_LOADED in output
    assert counts() == before


def test_a_later_run_translates_no_record_an_editor_added_or_removed(demo_site):
    """The catalogue is translated with the catalogue, once: a later run neither
    translates a product an editor added nor brings back a translation they deleted."""
    ja = Locale.objects.get(language_code="ja")
    added = Product.objects.create(name="Fernhill Voice", vendor="Fernhill Labs", summary="Calls.")
    criterion = Criterion.objects.in_source_language().get(name="Phone channel")
    criterion.get_translation(ja).delete()

    load_again()

    assert not added.has_translation(ja)
    assert not criterion.has_translation(ja)
