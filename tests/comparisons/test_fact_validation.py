"""A fact that is wrong for its criterion, unsourced or dated in the future is
refused with a message that says what to fix, and nothing is stored."""

import datetime

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from comparisons.models import Criterion, Fact, Product
from tests.comparisons.factories import CriterionFactory, FactFactory, ProductFactory

pytestmark = pytest.mark.django_db

ADD_PRODUCT_URL = "/admin/snippets/comparisons/product/add/"


def errors_of(fact):
    with pytest.raises(ValidationError) as caught:
        fact.full_clean()
    return caught.value.message_dict


def fact(criterion, **values):
    defaults = {
        "product": ProductFactory(),
        "criterion": criterion,
        "plan": "Pro",
        "source_url": "https://vendor.example/pricing",
        "verified_on": timezone.localdate(),
    }
    return Fact(**(defaults | values))


def test_a_well_formed_fact_is_accepted():
    fact(CriterionFactory(kind=Criterion.Kind.SUPPORT), support="partial").full_clean()


def test_a_yes_no_criterion_needs_yes_partial_or_no():
    sso = CriterionFactory(name="SSO", kind=Criterion.Kind.SUPPORT)

    assert "fill in this field" in errors_of(fact(sso))["support"][0]
    assert "not a valid choice" in errors_of(fact(sso, support="maybe"))["support"][0]
    assert "Leave this empty" in errors_of(fact(sso, support="yes", number=3))["number"][0]


def test_a_number_criterion_needs_a_number_not_text():
    price = CriterionFactory(name="Price", kind=Criterion.Kind.NUMBER)

    errors = errors_of(fact(price, text="cheap"))

    assert "“Price” is a number with a unit criterion" in errors["number"][0]
    assert "Leave this empty" in errors["text"][0]


def test_a_rating_stays_between_zero_and_five():
    ease = CriterionFactory(kind=Criterion.Kind.RATING)

    assert errors_of(fact(ease, number=6))["number"] == ["A rating must be between 0 and 5."]
    fact(ease, number=5).full_clean()


def test_a_price_the_calculator_reads_is_never_negative():
    seat_price = CriterionFactory(
        kind=Criterion.Kind.NUMBER, unit="USD / seat / month", pricing_role="seat_monthly"
    )

    assert errors_of(fact(seat_price, number=-19))["number"] == ["A price can't be negative."]
    fact(seat_price, number=0).full_clean()  # a free plan


def test_a_minimum_number_of_seats_is_whole_and_at_least_one():
    minimum = CriterionFactory(
        kind=Criterion.Kind.NUMBER, unit="seats", pricing_role="minimum_seats"
    )
    refused = "A minimum number of seats is a whole number, 1 or more."

    for number in (-4, 0, "2.5"):
        assert errors_of(fact(minimum, number=number))["number"] == [refused]
    fact(minimum, number=5).full_clean()


def test_an_add_on_price_belongs_to_a_paid_add_on_and_is_never_negative():
    sso = CriterionFactory(kind=Criterion.Kind.SUPPORT)

    included = fact(sso, support="yes", addon_price=5)
    negative = fact(sso, support="yes", availability="paid_addon", addon_price=-5)

    assert errors_of(included)["addon_price"] == ["Only a paid add-on has an add-on price."]
    assert errors_of(negative)["addon_price"] == ["A price can't be negative."]
    fact(sso, support="yes", availability="paid_addon", addon_price=5).full_clean()


@pytest.fixture
def support_hours():
    return CriterionFactory(
        name="Vendor support hours",
        kind=Criterion.Kind.TEXT,
        ranked_values=["24/7", "Weekdays 08:00-18:00", "Business hours"],
    )


def test_a_ranked_text_criterion_takes_only_its_ranked_values(support_hours):
    errors = errors_of(fact(support_hours, text="Around the clock"))

    assert errors["text"] == [
        "“Vendor support hours” ranks its values: use one of “24/7”, "
        "“Weekdays 08:00-18:00”, “Business hours” (or add the value to the criterion's "
        "ranked values)."
    ]


def test_a_ranked_value_is_recognised_whatever_its_case_and_stored_as_listed(support_hours):
    entered = fact(support_hours, text="  weekdays 08:00-18:00 ")

    entered.full_clean()

    assert entered.text == "Weekdays 08:00-18:00"


def test_a_text_criterion_without_ranked_values_takes_any_short_text():
    notes = CriterionFactory(kind=Criterion.Kind.TEXT, direction=Criterion.Direction.UNRANKED)

    fact(notes, text="Around the clock").full_clean()


def test_the_admin_refuses_a_value_outside_the_ranking(admin_client, support_hours):
    response = admin_client.post(
        ADD_PRODUCT_URL, product_form(criterion=support_hours.pk, text="Around the clock")
    )

    assert response.status_code == 200
    assert "ranks its values: use one of “24/7”" in response.content.decode()
    assert not Product.objects.exists()


@pytest.mark.parametrize(
    "url", ["not a url", "ftp://vendor.example/pricing", "javascript:alert(1)", ""]
)
def test_the_source_must_be_a_web_address(url):
    criterion = CriterionFactory(kind=Criterion.Kind.SUPPORT)

    assert "source_url" in errors_of(fact(criterion, support="yes", source_url=url))


def test_verified_on_cannot_be_in_the_future(today):
    criterion = CriterionFactory(kind=Criterion.Kind.SUPPORT)
    tomorrow = today + datetime.timedelta(days=1)

    errors = errors_of(fact(criterion, support="yes", verified_on=tomorrow))

    assert "cannot be in the future" in errors["verified_on"][0]


def test_promises_of_future_features_are_refused():
    criterion = CriterionFactory(kind=Criterion.Kind.TEXT)

    errors = errors_of(fact(criterion, text="Coming soon"))

    assert "describe what is available today" in errors["text"][0]


def product_form(**fact_values):
    values = {
        "plan": "Pro",
        "support": "",
        "number": "",
        "text": "",
        "availability": "",
        "note": "",
        "source_url": "https://tidewell.example/pricing",
        "verified_on": timezone.localdate().isoformat(),
    } | fact_values
    return nested_form_data(
        {
            "name": "Tidewell Desk",
            "vendor": "Tidewell",
            "website": "https://tidewell.example",
            "summary": "A helpdesk for large teams.",
            "facts": inline_formset([values]),
        }
    )


@pytest.fixture
def price():
    return CriterionFactory(
        name="Starting price", kind=Criterion.Kind.NUMBER, unit="USD / agent / month"
    )


def test_editor_adds_a_product_with_its_facts_inline(admin_client, price):
    response = admin_client.post(ADD_PRODUCT_URL, product_form(criterion=price.pk, number="39"))

    assert response.status_code == 302
    product = Product.objects.get(name="Tidewell Desk")
    assert product.facts.get().display_value == "39 USD / agent / month"


@pytest.mark.parametrize(
    ("bad_values", "message"),
    [
        ({"number": "", "text": "cheap"}, "is a number with a unit criterion"),
        ({"number": "39", "source_url": "tidewell pricing"}, "Enter a valid URL"),
        (
            {"number": "39", "source_url": "ftp://tidewell.example/"},
            "starting with http:// or https://",
        ),
        (
            {"number": "39", "verified_on": datetime.timedelta(days=3)},
            "cannot be in the future",
        ),
    ],
)
def test_a_bad_fact_in_the_admin_is_explained_and_nothing_is_saved(
    admin_client, price, bad_values, message, today
):
    if isinstance(bad_values.get("verified_on"), datetime.timedelta):
        bad_values = bad_values | {"verified_on": (today + bad_values["verified_on"]).isoformat()}
    response = admin_client.post(ADD_PRODUCT_URL, product_form(criterion=price.pk, **bad_values))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Product.objects.exists()
    assert not Fact.objects.exists()


def test_two_facts_for_the_same_criterion_and_plan_are_refused(admin_client, price):
    data = product_form(criterion=price.pk, number="39")
    data.update(
        {
            "facts-TOTAL_FORMS": "2",
            **{k.replace("facts-0-", "facts-1-"): v for k, v in data.items() if "facts-0-" in k},
        }
    )
    data["facts-1-plan"] = "pro"

    response = admin_client.post(ADD_PRODUCT_URL, data)

    assert response.status_code == 200
    assert "already has a fact for this criterion and plan" in response.content.decode()
    assert not Product.objects.exists()


def facts_form(facts, product=None):
    """The product form as the admin posts it, with ``facts`` ({criterion: number}):
    those ``product`` has already, by their ids, and new ones."""
    product = product or Product()
    form_class = Product.snippet_viewset.get_edit_handler().get_form_class()
    existing = {fact.criterion_id: fact.pk for fact in product.facts.all()} if product.pk else {}
    rows = [
        {
            "id": existing.get(criterion.pk, ""),
            "criterion": criterion.pk,
            "plan": "Pro",
            "support": "",
            "number": number,
            "text": "",
            "availability": "",
            "note": "",
            "source_url": "https://tidewell.example/pricing",
            "verified_on": timezone.localdate().isoformat(),
        }
        for criterion, number in facts.items()
    ]
    data = nested_form_data(
        {
            "name": "Tidewell Desk",
            "vendor": "Tidewell",
            "website": "https://tidewell.example",
            "summary": "A helpdesk for large teams.",
            "facts": inline_formset(rows, initial=len(existing)),
        }
    )
    return form_class(data, instance=product)


def test_checking_30_facts_costs_the_queries_of_checking_3(today):
    criteria = [CriterionFactory(kind=Criterion.Kind.NUMBER, unit="USD") for _ in range(30)]
    few, many = ProductFactory(), ProductFactory()
    for product, measured in ((few, criteria[:3]), (many, criteria)):
        for criterion in measured:
            FactFactory(product=product, criterion=criterion, plan="Pro", number=9)
    facts_form(dict.fromkeys(criteria[:3], "9"), few).is_valid()  # warms what a process keeps
    checking_few = facts_form(dict.fromkeys(criteria[:3], "10"), few)
    checking_many = facts_form(dict.fromkeys(criteria, "10"), many)

    with CaptureQueriesContext(connection) as few_queries:
        checking_few.is_valid()
    with CaptureQueriesContext(connection) as many_queries:
        checking_many.is_valid()

    assert len(many_queries) == len(few_queries)
    rows = checking_many.formsets["facts"].forms
    assert [form.cleaned_data["criterion"] for form in rows] == criteria
    # A changed value takes a reason, found on every row.
    assert all("change_reason" in form.errors for form in rows)


def test_a_criterion_in_another_language_is_refused_among_the_facts():
    criteria = [CriterionFactory(kind=Criterion.Kind.NUMBER, unit="USD") for _ in range(3)]
    japanese = criteria[1].copy_for_translation(Locale.objects.get_or_create(language_code="ja")[0])
    japanese.save()

    form = facts_form({criteria[0]: "9", japanese: "9", criteria[2]: "9"})

    assert not form.is_valid()
    errors = [form.errors for form in form.formsets["facts"].forms]
    assert not errors[0] and not errors[2]
    assert "Select a valid choice" in str(errors[1]["criterion"])
