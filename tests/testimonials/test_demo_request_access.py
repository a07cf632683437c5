"""Demo requests are sales leads: a prospect's name, e-mail and company. Those who hold
testimonials.view_demorequestsubmission (Sales) see, export and delete them; editing the
demo request page, as Editors and Moderators may, shows none of them."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from testimonials.models import DemoRequestSubmission
from tests.responses import text
from tests.testimonials.advocate_fixtures import user_in_group

pytestmark = pytest.mark.django_db


PROSPECT = "prospect@lead.example"


@pytest.fixture
def demo_request(demo_page):
    return DemoRequestSubmission.objects.create(
        page=demo_page, form_data={"your_name": "Grace", "work_e_mail": PROSPECT}
    )


def refused(response):
    """Forbidden, or sent back to the dashboard as Wagtail does with "Sorry, you do not
    have permission"."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def logged_in(client, django_user_model, group):
    client.force_login(user_in_group(django_user_model, group, Group.objects.get(name=group)))
    return client


def submissions_url(demo_request, **query):
    url = reverse("wagtailforms:list_submissions", args=[demo_request.page_id])
    return f"{url}?export={query['export']}" if query else url


@pytest.mark.parametrize("group", ["Moderators", "Editors"])
def test_page_editors_see_no_demo_requests(group, demo_request, client, django_user_model):
    client = logged_in(client, django_user_model, group)

    dashboard = text(client.get(reverse("wagtailadmin_home")))
    forms = client.get(reverse("wagtailforms:index"))
    listing = client.get(submissions_url(demo_request))
    export = client.get(submissions_url(demo_request, export="csv"))
    delete_url = reverse("wagtailforms:delete_submissions", args=[demo_request.page_id])
    delete = client.post(f"{delete_url}?selected-submissions={demo_request.pk}")

    assert reverse("wagtailforms:index") not in dashboard
    assert demo_request.page.title not in text(forms)
    assert refused(listing) and refused(export) and refused(delete)
    assert PROSPECT not in text(export)
    assert DemoRequestSubmission.objects.exists()


def test_sales_find_export_and_delete_demo_requests(demo_request, client, django_user_model):
    client = logged_in(client, django_user_model, "Sales")

    dashboard = text(client.get(reverse("wagtailadmin_home")))
    forms = client.get(reverse("wagtailforms:index"))
    listing = client.get(submissions_url(demo_request))
    export = client.get(submissions_url(demo_request, export="csv"))
    delete_url = reverse("wagtailforms:delete_submissions", args=[demo_request.page_id])
    client.post(f"{delete_url}?selected-submissions={demo_request.pk}")

    assert reverse("wagtailforms:index") in dashboard
    assert forms.status_code == 200 and demo_request.page.title in text(forms)
    assert listing.status_code == 200 and PROSPECT in text(listing)
    assert export.status_code == 200 and PROSPECT in text(export)
    assert not DemoRequestSubmission.objects.exists()


def test_the_migration_grants_sales_only_that_permission_and_takes_it_back():
    migration = import_module("testimonials.migrations.0007_sales_see_demo_requests")
    sales = Group.objects.get(name="Sales")
    before = set(sales.permissions.all())

    migration.revoke(apps, None)
    revoked = set(sales.permissions.all())
    migration.grant(apps, None)
    migration.grant(apps, None)

    assert {p.codename for p in before - revoked} == {"view_demorequestsubmission"}
    assert set(sales.permissions.all()) == before
