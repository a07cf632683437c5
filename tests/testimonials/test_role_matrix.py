"""What each role may see and do in the admin, as people in the groups the migrations
make (never superusers) and as an anonymous visitor. Read a row as: for this view or
action, what an Editor, a Moderator, a Sales user and a visitor get.

ok: the page is shown. denied: Wagtail sends the user back to the dashboard with
"Sorry, you do not have permission". login: the visitor is asked to log in.
Demo requests are sales leads: only Sales, who hold the permission to view them, see
them, not whoever may edit the demo request page."""

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data

import pytest

from comparisons.models import InaccuracyReport
from testimonials.models import (
    Advocate,
    Customer,
    DemoRequestSubmission,
    NpsResponse,
    ReferenceRequest,
    Testimonial,
)
from tests.comparisons.factories import InaccuracyReportFactory
from tests.testimonials.advocate_factories import (
    AdvocateFactory,
    DemoRequestPageFactory,
    NpsResponseFactory,
    ReferenceRequestFactory,
)
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import CustomerFactory, TestimonialFactory

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN = "ok", "denied", "login"
ROLES = ("editor", "moderator", "sales", "anonymous")
GROUPS = {"editor": "Editors", "moderator": "Moderators", "sales": "Sales"}


def snippet_url(model, view, *args):
    return reverse(model.snippet_viewset.get_url_name(view), args=args)


def url_of(model, view, records):
    """The admin URL of ``view`` for ``model``; one record of each kind is there."""
    if model is DemoRequestSubmission:
        url = reverse("wagtailforms:list_submissions", args=[records["demo_page"].pk])
        return f"{url}?export=csv" if view == "export" else url
    if view == "choose":
        meta = model._meta
        return reverse(f"wagtailsnippetchoosers_{meta.app_label}_{meta.model_name}:choose")
    if view == "export":
        return f"{snippet_url(model, 'list')}?export=csv"
    if view in ("edit", "history", "inspect"):
        return snippet_url(model, view, records[model].pk)
    return snippet_url(model, view)


# fmt: off
VIEWS = [
    # what                         model               view       editor  moderator sales  visitor
    ("testimonials: list",         Testimonial,        "list",    OK,     OK,      DENIED, LOGIN),
    ("testimonials: export",       Testimonial,        "export",  OK,     OK,      DENIED, LOGIN),
    ("testimonials: choose",       Testimonial,        "choose",  OK,     OK,      DENIED, LOGIN),
    ("testimonials: edit",         Testimonial,        "edit",    OK,     OK,      DENIED, LOGIN),
    ("testimonials: history",      Testimonial,        "history", OK,     OK,      DENIED, LOGIN),
    ("advocates: list",            Advocate,           "list",    OK,     OK,      DENIED, LOGIN),
    ("advocates: export",          Advocate,           "export",  OK,     OK,      DENIED, LOGIN),
    ("advocates: choose",          Advocate,           "choose",  OK,     OK,      DENIED, LOGIN),
    ("advocates: edit",            Advocate,           "edit",    OK,     DENIED,  DENIED, LOGIN),
    ("customers: list",            Customer,           "list",    OK,     OK,      DENIED, LOGIN),
    ("customers: export",          Customer,           "export",  OK,     OK,      DENIED, LOGIN),
    ("customers: choose",          Customer,           "choose",  OK,     OK,      DENIED, LOGIN),
    ("customers: edit",            Customer,           "edit",    OK,     DENIED,  DENIED, LOGIN),
    ("NPS answers: list",          NpsResponse,        "list",    OK,     DENIED,  DENIED, LOGIN),
    ("NPS answers: export",        NpsResponse,        "export",  OK,     DENIED,  DENIED, LOGIN),
    ("NPS answers: inspect",       NpsResponse,        "inspect", OK,     DENIED,  DENIED, LOGIN),
    ("NPS answers: choose",        NpsResponse,        "choose",  OK,     DENIED,  DENIED, LOGIN),
    ("inaccuracy reports: list",   InaccuracyReport,   "list",    OK,     DENIED,  DENIED, LOGIN),
    ("inaccuracy reports: export", InaccuracyReport,   "export",  OK,     DENIED,  DENIED, LOGIN),
    ("inaccuracy reports: edit",   InaccuracyReport,   "edit",    OK,     DENIED,  DENIED, LOGIN),
    ("inaccuracy reports: choose", InaccuracyReport,   "choose",  OK,     DENIED,  DENIED, LOGIN),
    ("demo requests: list",        DemoRequestSubmission, "list", DENIED, DENIED,  OK,     LOGIN),
    ("demo requests: export",      DemoRequestSubmission, "export", DENIED, DENIED, OK,    LOGIN),
    ("reference requests: list",   ReferenceRequest,   "list",    OK,     DENIED,  OK,     LOGIN),
    ("reference requests: add",    ReferenceRequest,   "add",     DENIED, DENIED,  OK,     LOGIN),
    ("reference requests: choose", ReferenceRequest,   "choose",  OK,     DENIED,  OK,     LOGIN),
]

ACTIONS = [
    # what                                 editor      moderator   sales       anonymous
    ("publish a pending testimonial",      "pending",  "approved", "pending",  "pending"),
    ("reject a published testimonial",     "approved", "rejected", "approved", "approved"),
    ("delete a customer",                  "deleted",  "kept",     "kept",     "kept"),
]
# fmt: on


def cases(table):
    """One test per row and role: the row's own columns, the role, what it should get."""
    return [
        pytest.param(
            *row[:-4],
            role,
            expected,
            id=f"{row[0]} as {role}",
        )
        for row in table
        for role, expected in zip(ROLES, row[-4:], strict=True)
    ]


@pytest.fixture
def records(home_page):
    demo_page = DemoRequestPageFactory(parent=home_page)
    DemoRequestSubmission.objects.create(
        page=demo_page, form_data={"your_name": "Grace", "work_e_mail": "grace@example.com"}
    )
    return {
        Testimonial: TestimonialFactory(approved=True),
        Advocate: AdvocateFactory(),
        Customer: CustomerFactory(),
        NpsResponse: NpsResponseFactory(),
        InaccuracyReport: InaccuracyReportFactory(),
        ReferenceRequest: ReferenceRequestFactory(),
        "demo_page": demo_page,
    }


def client_as(role, django_user_model):
    client = Client()
    if role != "anonymous":
        group = Group.objects.get(name=GROUPS[role])
        client.force_login(user_in_group(django_user_model, role, group))
    return client


def outcome(response):
    if response.status_code == 200:
        return OK
    if response.status_code == 302 and "/login/" in response["Location"]:
        return LOGIN
    if response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    ):
        return DENIED
    return f"unexpected {response.status_code}"


@pytest.mark.parametrize(("what", "model", "view", "role", "expected"), cases(VIEWS))
def test_who_may_see_what(what, model, view, role, expected, records, django_user_model):
    client = client_as(role, django_user_model)

    assert outcome(client.get(url_of(model, view, records))) == expected


def publish_pending(client, records):
    testimonial = TestimonialFactory(rating=4)
    client.post(
        snippet_url(Testimonial, "edit", testimonial.pk),
        form_data_of(testimonial, **{"action-publish": "action-publish"}),
    )
    testimonial.refresh_from_db()
    return testimonial.status


def reject_published(client, records):
    testimonial = records[Testimonial]
    client.post(
        snippet_url(Testimonial, "edit", testimonial.pk),
        form_data_of(testimonial, rejection_reason="spam", **{"action-reject": "1"}),
    )
    testimonial.refresh_from_db()
    assert testimonial.live == (testimonial.status == Testimonial.Status.APPROVED)
    return testimonial.status


def delete_customer(client, records):
    customer = records[Customer]
    client.post(snippet_url(Customer, "delete", customer.pk))
    return "kept" if Customer.objects.filter(pk=customer.pk).exists() else "deleted"


def form_data_of(testimonial, **changes):
    fields = ["product", "quote", "rating", "author_name", "author_role", "author_company"]
    data = {name: getattr(testimonial, name) for name in fields}
    data["product"] = testimonial.product_id
    data |= {
        "email": testimonial.email,
        "consent_name": "on",
        "consent_company": "on",
        "relationship": testimonial.relationship,
        "incentive": testimonial.incentive,
        "source": testimonial.source,
    }
    return nested_form_data(data | changes)


DO = {
    "publish a pending testimonial": publish_pending,
    "reject a published testimonial": reject_published,
    "delete a customer": delete_customer,
}


@pytest.mark.parametrize(("what", "role", "expected"), cases(ACTIONS))
def test_who_may_do_what(what, role, expected, records, django_user_model):
    client = client_as(role, django_user_model)

    assert DO[what](client, records) == expected


def test_each_role_holds_exactly_its_model_permissions():
    """The roles' model permissions, as 0005_roles documents them (Wagtail's own page,
    image and document permissions aside)."""

    def model_permissions(group):
        return {
            f"{app}.{codename}"
            for app, codename in Group.objects.get(name=group)
            .permissions.exclude(content_type__app_label__startswith="wagtail")
            .values_list("content_type__app_label", "codename")
        }

    assert model_permissions("Moderators") == {
        "testimonials.change_testimonial",
        "testimonials.view_testimonial",
        "testimonials.publish_testimonial",
        "testimonials.lock_testimonial",
        "testimonials.unlock_testimonial",
        "testimonials.view_advocate",
        "testimonials.view_customer",
        # Where a testimonial came from (0015_review_collection_roles).
        "testimonials.view_invitationcampaign",
        "testimonials.view_invitation",
    }
    editors = model_permissions("Editors")
    assert not editors & {
        "testimonials.publish_testimonial",
        "testimonials.lock_testimonial",
        "testimonials.unlock_testimonial",
        "testimonials.delete_testimonial",
    }, "moderation decisions are not the Editors'"
    assert {"comparisons.change_product", "testimonials.change_customer"} <= editors
