"""Every admin URL Django knows, fetched as a Sales user (the narrowest role), and every
one that shows records (choosers, listings, inspect views, exports) as a Moderator and an
Editor: people in the groups the migrations make. Which answer, and that no answer shows
what lies outside the role. Each URL is filled in with the id of a real record, and the
records carry words and addresses that must show up only where the role may read them.
The records are made, and each role's answers fetched, once for the module."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from wagtail.models import Collection, Locale, Site, Task, Workflow
from wagtail.snippets.models import get_snippet_models

import pytest
from wagtail_factories import DocumentFactory, ImageFactory
from wagtail_localize.models import Translation

from comparisons.demo.japanese_catalogue import translate_object
from home.choosers import PermissionCheckedChooserViewSet
from home.models import SiteSettings
from testimonials.models import DemoRequestSubmission, ReconfirmationRequest
from tests.comparisons.factories import (
    CriterionFactory,
    FactChangeFactory,
    InaccuracyReportFactory,
    ProductFactory,
)
from tests.home.factories import (
    HomePageFactory,
    StandardPageFactory,
    serve_as_site_root,
    wagtail_root,
)
from tests.testimonials.advocate_factories import (
    AdvocateFactory,
    DemoRequestPageFactory,
    NpsResponseFactory,
    ReferenceRequestFactory,
)
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import (
    CustomerContactFactory,
    CustomerFactory,
    InvitationCampaignFactory,
    TestimonialFactory,
)
from tests.testimonials.reply_factories import TestimonialReplyFactory

pytestmark = pytest.mark.django_db

GROUPS = {"sales": "Sales", "moderator": "Moderators", "editor": "Editors"}

# What the records say, and who may read it.
SECRETS = {
    "a pending testimonial's quote": ("Dusty keyboards everywhere", {"editor", "moderator"}),
    "its author's e-mail": ("author@private.example", {"editor", "moderator"}),
    "an advocate's e-mail": ("advocate@private.example", {"editor"}),
    "an NPS comment": ("Support answered at midnight", {"editor"}),
    "an NPS respondent's e-mail": ("respondent@private.example", {"editor"}),
    "an inaccuracy report's text": ("Their changelog says otherwise", {"editor"}),
    "an inaccuracy reporter's e-mail": ("reporter@private.example", {"editor"}),
    "a re-confirmed author's e-mail": ("reconfirm@private.example", {"editor"}),
    # The customer list is the Editors', who import it and run campaigns.
    "a listed customer's e-mail": ("listed@private.example", {"editor"}),
    # Sales leads: for whoever may see demo requests, not whoever may edit the page.
    "a demo request's e-mail": ("prospect@private.example", {"sales"}),
    "another salesperson's prospect": ("Forty agents leaving Zendesk", {"editor"}),
    "the editor's note to them": ("Call Imogen on Tuesdays", {"editor"}),
}

# Sent to nobody: they end the session or fail on purpose.
NOT_FETCHED = {"wagtailadmin_logout", "wagtailadmin_error_test"}

# What Editors and Moderators are walked through: the views that show records.
SHOWS_RECORDS = re.compile(
    r"(^|:|_)(choose|chosen|chooser|list|listing|index|inspect|detail|search|history|explore"
    r"|select_format|move_confirm|submissions|usage)|_results$|\?export=|^wagtailadmin_home$"
)

CHOOSER = {"choose", "choose_results", "chosen", "chosen_multiple"}
# Everything a Sales user reaches: their own account, the dashboard, what the admin
# needs to draw itself, choosers that list nothing they may not see (documents, images,
# pages: empty for them), their reference requests, for which they choose our product,
# and demo requests.
SALES_ANSWERS = {
    "wagtailadmin_home",
    "wagtailadmin_account",
    "wagtailadmin_dismissibles",
    "wagtailadmin_javascript_catalog",
    "wagtail_localize:javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_tag_autocomplete",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
    "wagtailadmin_api:pages:listing",
    "wagtailadmin_api:images:listing",
    "wagtailadmin_api:documents:listing",
    "wagtailadmin_choose_page",
    "wagtailadmin_choose_page_child",
    "wagtailadmin_choose_page_search",
    "wagtailadmin_choose_page_external_link",
    "wagtailadmin_choose_page_email_link",
    "wagtailadmin_choose_page_phone_link",
    "wagtailadmin_choose_page_anchor_link",
    "wagtailadmin_pages:choose_parent",
    "wagtailadmin_pages:confirm_workflow_cancellation",
    "wagtailadmin_workflows:task_chooser",
    "wagtailadmin_workflows:task_chooser_results",
    "wagtailadmin_workflows:task_chooser_create",
    "wagtailadmin_workflows:task_chosen",
    "wagtailembeds:chooser",
    "wagtailembeds:chooser_upload",
    "wagtaildocs_chooser:choose",
    "wagtaildocs_chooser:choose_results",
    "wagtaildocs_chooser:chosen_multiple",
    "wagtailimages_chooser:choose",
    "wagtailimages_chooser:choose_results",
    "wagtailimages_chooser:chosen_multiple",
    "wagtailsnippets_testimonials_testimonial:confirm_workflow_cancellation",
    *(f"wagtailsnippetchoosers_comparisons_product:{view}" for view in CHOOSER),
    *(f"wagtailsnippetchoosers_testimonials_referencerequest:{view}" for view in CHOOSER),
    "wagtailsnippetchoosers_testimonials_referencerequest:create",
    *(
        f"wagtailsnippets_testimonials_referencerequest:{view}"
        for view in ("list", "list_results", "add", "copy", "inspect", "history")
    ),
    "wagtailsnippets_testimonials_referencerequest:history_results",
    "wagtailsnippets_testimonials_referencerequest:list?export=csv",
    "wagtailforms:index",
    "wagtailforms:index_results",
    "wagtailforms:list_submissions",
    "wagtailforms:list_submissions_results",
    "wagtailforms:list_submissions?export=csv",
    "wagtailforms:delete_submissions",
}

# Wagtail's own views that show any record named by id, refused here unless the user
# may choose or move it (home/admin_guards.py).
SHOWN_BY_ID = {
    "wagtailimages_chooser:select_format",
    "wagtailadmin_choose_page_chosen_multiple",
    "wagtailadmin_pages:move_confirm",
}

# The snippet choosers each role may open, by model: those it may read, and our
# products for Sales, who choose one on a reference request.
CHOOSERS = {
    "sales": {"comparisons.product", "testimonials.referencerequest"},
    "moderator": {
        "testimonials.testimonial",
        "testimonials.advocate",
        "testimonials.customer",
        "testimonials.invitationcampaign",
    },
    "editor": {
        "comparisons.product",
        "comparisons.criterion",
        "comparisons.inaccuracyreport",
        "comparisons.factchange",
        "testimonials.testimonial",
        "testimonials.customer",
        "testimonials.advocate",
        "testimonials.referencerequest",
        "testimonials.npsinvitation",
        "testimonials.npsresponse",
        "testimonials.reconfirmationrequest",
        "testimonials.customercontact",
        "testimonials.invitationcampaign",
        "testimonials.testimonialreply",
    },
}


def walk(patterns, namespace=None, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            if inner and namespace:
                inner = f"{namespace}:{inner}"
            yield from walk(pattern.url_patterns, inner or namespace, prefix + str(pattern.pattern))
        elif pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield prefix + str(pattern.pattern), name


def admin_url_names():
    """Every admin URL name, and each listing's CSV export as ``name?export=csv``."""
    names = {
        name
        for route, name in walk(get_resolver().url_patterns)
        if route.startswith("admin/") and name not in NOT_FETCHED
    }
    exports = {
        f"{name}?export=csv"
        for name in names
        if name.startswith("wagtailsnippets_")
        and name.endswith(":list")
        or name == "wagtailforms:list_submissions"
    }
    return sorted(names | exports)


def url_parameters(name):
    """The parameter names of each way ``name`` can be reversed."""
    *namespaces, view = name.split(":")
    resolver = get_resolver()
    for namespace in namespaces:
        resolver = resolver.namespace_dict[namespace][1]
    for possibility, *_ in resolver.reverse_dict.getlist(view):
        for _, parameters in possibility:
            yield parameters


SNIPPET_URL = re.compile(r"wagtailsnippet(?:s|choosers)_(?P<app>[a-z]+)_(?P<model>[a-z]+):")


def object_of(name, records):
    """The record whose id fills the URL ``name``."""
    if match := SNIPPET_URL.match(name):
        return records[f"{match['app']}.{match['model']}"]
    for namespace, key in [
        ("wagtailimages", "image"),
        ("wagtailadmin_api:images", "image"),
        ("wagtaildocs", "document"),
        ("wagtailadmin_api:documents", "document"),
        ("wagtailusers_users", "user"),
        ("wagtailusers_groups", "group"),
        ("wagtailsites", "site"),
        ("wagtaillocales", "locale"),
        ("wagtail_localize:submit_snippet_translation", "comparisons.product"),
        ("wagtailadmin_collections", "collection"),
        ("wagtailadmin_workflows", "workflow"),
        ("wagtailsettings", "site_settings"),
    ]:
        if name.startswith(namespace):
            return records[key]
    return records["page"]


def url_of(name, records):
    name, export = name.split("?") if "?" in name else (name, "")
    record = object_of(name, records)
    page = records["page"]
    values = {
        "pk": record.pk,
        "object_id": str(record.pk),
        "image_id": records["image"].pk,
        "document_id": records["document"].pk,
        "doc_id": records["document"].pk,
        "collection_id": records["collection"].pk,
        "page_id": page.pk,
        "parent_page_id": page.pk,
        "page_to_move_id": page.pk,
        "destination_id": page.pk,
        "page_pk": page.pk,
        "revision_id": getattr(record, "latest_revision_id", None) or page.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "app_label": record._meta.app_label,
        "app_name": record._meta.app_label,
        "model_name": record._meta.model_name,
        "content_type_app_name": page._meta.app_label,
        "content_type_model_name": page._meta.model_name,
        "action": "delete",
        "action_name": "approve",
        "task_id": records["task"].pk,
        "workflow_pk": records["workflow"].pk,
        "task_state_id": 1,
        "workflow_state_id": 1,
        "uploaded_file_id": 1,
        "redirect_id": 1,
        "session_id": 1,
        "filter_spec": "original",
        "uidb64": "MQ",
        "token": "not-a-token",
        "translation_id": records["translation"].pk,
        "translation_source_id": records["translation"].source_id,
        "string_segment_id": records["translation"].source.stringsegment_set.first().pk,
        "overridable_segment_id": 1,
        "_0": page.pk,
        "_1": "earliest",
        "_2": "latest",
    }
    for parameters in url_parameters(name):
        if set(parameters) <= set(values):
            positional = [values[p] for p in parameters if p.startswith("_")]
            named = {p: values[p] for p in parameters if not p.startswith("_")}
            url = reverse(name, args=positional) if positional else reverse(name, kwargs=named)
            if name.endswith("chosen_multiple"):
                url += f"?id={record.pk}"
            return f"{url}?{export}" if export else url
    raise AssertionError(f"no id for {name}")


@pytest.fixture(scope="module")
def walk_data(django_db_setup, django_db_blocker, frozen_clock_for_module):
    """The records, the people in each role and their answers, for the whole module,
    in a transaction rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        users = {
            role: user_in_group_named(f"walker-{role}", group) for role, group in GROUPS.items()
        }
        records = make_records(users["sales"])
        answers = {role: fetch_admin_urls(users[role], role, records) for role in GROUPS}
        yield records, answers
        transaction.set_rollback(True)


@pytest.fixture
def records(walk_data, db):
    return walk_data[0]


@pytest.fixture
def answers(walk_data, db):
    return walk_data[1]


def make_records(salesperson):
    home_page = serve_as_site_root(HomePageFactory(parent=wagtail_root()))
    site_settings = SiteSettings.for_site(home_page.get_site())
    demo_page = DemoRequestPageFactory(parent=home_page)
    demo_page.save_revision()
    DemoRequestSubmission.objects.create(
        page=demo_page,
        form_data={"your_name": "Grace", "work_e_mail": "prospect@private.example"},
    )
    testimonial = TestimonialFactory(
        quote="Dusty keyboards everywhere, and nobody told us.", email="author@private.example"
    )
    testimonial.save_revision()
    advocate = AdvocateFactory(email="advocate@private.example")
    nps_response = NpsResponseFactory(
        comment="Support answered at midnight.", invitation__email="respondent@private.example"
    )
    product = ProductFactory(is_ours=True)
    product.save_revision()
    translate_object(product, Locale.objects.get_or_create(language_code="ja")[0], {})
    ReferenceRequestFactory(
        product=product,
        requested_by=user_in_group_named("another-salesperson", "Sales"),
        prospect_need="Forty agents leaving Zendesk.",
        status="approved",
        advocate=advocate,
        editor_note="Call Imogen on Tuesdays.",
    )
    return {
        "page": demo_page,
        "draft_page": StandardPageFactory(parent=home_page, live=False),
        "testimonials.testimonial": testimonial,
        "testimonials.customer": CustomerFactory(),
        "testimonials.customercontact": CustomerContactFactory(
            email="listed@private.example", products=[product]
        ),
        "testimonials.invitationcampaign": InvitationCampaignFactory(product=product),
        "testimonials.testimonialreply": TestimonialReplyFactory(),
        "testimonials.advocate": advocate,
        "testimonials.referencerequest": ReferenceRequestFactory(
            product=product, requested_by=salesperson
        ),
        "testimonials.npsinvitation": nps_response.invitation,
        "testimonials.npsresponse": nps_response,
        "testimonials.reconfirmationrequest": ReconfirmationRequest.objects.create(
            email="reconfirm@private.example", advocate=advocate
        ),
        "comparisons.product": product,
        "translation": Translation.objects.get(source__object_id=product.translation_key),
        "comparisons.criterion": CriterionFactory(),
        "comparisons.inaccuracyreport": InaccuracyReportFactory(
            explanation="Their changelog says otherwise.", email="reporter@private.example"
        ),
        "comparisons.factchange": FactChangeFactory(),
        # In the collection on which Wagtail gave its groups image permissions.
        "image": ImageFactory(collection=Collection.get_first_root_node()),
        "document": DocumentFactory(),
        "collection": Collection.get_first_root_node(),
        "workflow": Workflow.objects.first(),
        "task": Task.objects.first(),
        "site": Site.objects.get(is_default_site=True),
        "locale": Locale.objects.first(),
        "group": Group.objects.get(name="Editors"),
        "user": user_in_group_named("another-editor", "Editors"),
        "site_settings": site_settings,
    }


def user_in_group_named(username, group):
    return user_in_group(get_user_model(), username, Group.objects.get(name=group))


def fetch_admin_urls(user, role, records):
    """{URL name: (status, body)}: every admin URL for Sales, those that show records for
    the wider roles."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    answers = {}
    for name in admin_url_names():
        if role != "sales" and not SHOWS_RECORDS.search(name):
            continue
        response = client.get(url_of(name, records))
        answers[name] = (response.status_code, body_of(response))
    return answers


def body_of(response):
    if response.status_code != 200:
        return ""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def leaks(role, answers):
    return sorted(
        (what, name)
        for name, (_, body) in answers.items()
        for what, (text, readers) in SECRETS.items()
        if role not in readers and text in body
    )


def snippet_choosers_answering(answers):
    return {
        f"{match['app']}.{match['model']}"
        for name, (status, _) in answers.items()
        if (match := SNIPPET_URL.match(name))
        and name.startswith("wagtailsnippetchoosers_")
        and status == 200
    }


@pytest.mark.parametrize("role", ["sales", "moderator", "editor"])
def test_no_admin_answer_shows_what_lies_outside_the_role(role, answers):
    assert leaks(role, answers[role]) == []
    assert not [name for name, (status, _) in answers[role].items() if status >= 500]
    assert snippet_choosers_answering(answers[role]) == CHOOSERS[role]


def test_the_wider_roles_are_walked_through_every_view_that_shows_records(answers):
    walked = set(answers["editor"])

    assert {f"wagtailsnippetchoosers_testimonials_advocate:{view}" for view in CHOOSER} <= walked
    assert {
        "wagtailsnippets_testimonials_npsresponse:list",
        "wagtailsnippets_testimonials_npsresponse:list?export=csv",
        "wagtailsnippets_testimonials_npsresponse:inspect",
        "wagtailforms:list_submissions?export=csv",
        *SHOWN_BY_ID,
    } <= walked


def test_sales_reach_only_what_their_job_needs(answers):
    answering = {name for name, (status, _) in answers["sales"].items() if status == 200}

    assert answering == SALES_ANSWERS


def test_wagtail_views_that_show_any_record_by_id_refuse_sales(answers):
    """Refused as Wagtail refuses: back to the dashboard, "Sorry, you do not have
    permission"."""
    assert {name: answers["sales"][name][0] for name in SHOWN_BY_ID} == dict.fromkeys(
        SHOWN_BY_ID, 302
    )


def test_editors_still_choose_an_image_format_and_several_pages(answers):
    assert answers["editor"]["wagtailimages_chooser:select_format"][0] == 200
    assert answers["editor"]["wagtailadmin_choose_page_chosen_multiple"][0] == 200


def test_every_url_of_a_chooser_asks_for_the_same_permission(answers):
    """Choosing, searching, the chosen item and several chosen items: one answer."""
    answers = answers["moderator"]

    for label in CHOOSERS["editor"]:
        app, model = label.split(".")
        statuses = {
            answers[f"wagtailsnippetchoosers_{app}_{model}:{view}"][0] == 200 for view in CHOOSER
        }
        assert len(statuses) == 1, label


def test_every_snippet_chooser_asks_for_a_permission():
    """A snippet registered later gets a chooser that asks too, or this fails."""
    for model in get_snippet_models():
        assert isinstance(model.snippet_viewset.chooser_viewset, PermissionCheckedChooserViewSet)


def test_sales_choose_our_product_on_a_reference_request(records, sales_client):
    product = records["comparisons.product"]
    chooser = "wagtailsnippetchoosers_comparisons_product"

    listed = sales_client.get(reverse(f"{chooser}:choose"), {"q": product.name[:4]})
    chosen = sales_client.get(reverse(f"{chooser}:chosen", args=[product.pk]))

    assert product.name in listed.content.decode()
    assert chosen.json()["result"]["string"] == product.name


def test_sales_page_chooser_lists_no_pages(records, sales_client):
    draft = records["draft_page"]

    parent = draft.get_parent().pk
    browsed = sales_client.get(reverse("wagtailadmin_choose_page_child", args=[parent]))
    searched = sales_client.get(reverse("wagtailadmin_choose_page_search"), {"q": draft.title})

    assert draft.title not in browsed.content.decode()
    assert draft.title not in searched.content.decode()


def test_editors_still_choose_any_page(records, client, django_user_model):
    client.force_login(user_in_group(django_user_model, "e", Group.objects.get(name="Editors")))
    draft = records["draft_page"]

    browsed = client.get(reverse("wagtailadmin_choose_page_child", args=[draft.get_parent().pk]))

    assert draft.title in browsed.content.decode()


def test_the_admin_api_lists_sales_no_images_or_documents(records, sales_client):
    for endpoint in ("images", "documents"):
        listing = sales_client.get(reverse(f"wagtailadmin_api:{endpoint}:listing")).json()
        detail = sales_client.get(
            reverse(f"wagtailadmin_api:{endpoint}:detail", args=[records[endpoint[:-1]].pk])
        )

        assert listing["items"] == []
        assert detail.status_code == 404
