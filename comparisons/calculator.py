"""The cost calculator on a comparison page: the reader's situation read from the query
string, the compared products' price facts, and the result for the page and for tools.

The arithmetic is comparisons.costs'; this module only loads what it needs, in a few
queries whatever the size of the comparison, and says it in words or in JSON."""

from dataclasses import dataclass

from django.http import JsonResponse
from django.utils import timezone

from comparisons.costs import ADDON, build_costs
from comparisons.forms import CostCalculatorForm
from comparisons.pricing import machine_price

SUPPORT = "support"  # Criterion.Kind.SUPPORT

JSON_OPTIONS = {"ensure_ascii": False}


@dataclass
class Calculation:
    """The form as asked and, when it was valid, a cost per compared product."""

    form: CostCalculatorForm
    situation: object = None
    costs: list | None = None

    @property
    def asked(self):
        return self.form.is_bound


def features_of(criteria):
    """The rows a reader may need: yes/partial/no criteria that are not themselves part
    of a price (monthly billing is one)."""
    return [
        criterion
        for criterion in criteria
        if criterion.kind == SUPPORT and not criterion.pricing_role
    ]


def calculate(request, columns, criteria, load_prices, freshness_limit_days, today=None):
    """The calculator as ``request`` asks it. ``columns`` and ``criteria`` are the
    page's, in its language; ``load_prices(situation)`` gives the price criteria (in
    the page's language) and the compared products' facts for them and for the
    needed features, each fact holding its criterion from those."""
    features = features_of(criteria)
    query = request.GET
    form = CostCalculatorForm(features, query if CostCalculatorForm.asked(query) else None)
    calculation = Calculation(form)
    if not form.is_bound or not form.is_valid():
        return calculation
    situation = calculation.situation = form.situation()
    price_criteria, facts = load_prices(situation)
    calculation.costs = build_costs(
        columns,
        situation,
        facts,
        price_criteria,
        freshness_limit_days,
        today or timezone.localdate(),
    )
    # Never confirmed as asked (home.page_cache.parameters), so never stored: a
    # reader's situations are too many to cache (100,000 seats × billing × features),
    # and the page around the results keeps its fragment caches.
    return calculation


def as_json(calculation):
    """The same computation for tools: amounts as strings in the currency's decimals,
    a reason code for each product that can't be priced, and every fact used."""
    situation = calculation.situation
    return {
        "situation": {
            "seats": situation.seats,
            "billing": situation.billing,
            "features": [criterion.pk for criterion in situation.features],
        },
        "products": [product_json(cost) for cost in calculation.costs],
    }


def product_json(cost):
    product = cost.column.product

    def amount(value):
        return None if value is None else machine_price(value, cost.currency)

    return {
        "product": product.pk,
        "name": str(product.name),
        "plan": cost.column.plan,
        "is_ours": product.is_ours,
        "currency": cost.currency or None,
        "monthly": amount(cost.monthly),
        "yearly": amount(cost.yearly),
        "reasons": cost.reasons,
        "charged_seats": cost.charged_seats,
        "minimum_seats": cost.minimum_seats or None,
        "billed_yearly_only": cost.billed_yearly_only,
        "is_cheapest": cost.is_cheapest,
        "not_comparable": cost.not_comparable,
        "features": [
            {
                "criterion": feature.criterion.pk,
                "need": feature.need,
                "monthly": amount(feature.per_month) if feature.per_month else None,
            }
            for feature in cost.features
        ],
        "prices": [
            {
                "role": price.role,
                "criterion": price.fact.criterion.pk,
                "value": str(price.fact.number) if price.fact.number is not None else None,
                "support": price.fact.support or None,
                "addon_price": amount(price.fact.addon_price) if price.role == ADDON else None,
                "addon_per_seat": price.fact.addon_per_seat if price.role == ADDON else None,
                "unit": price.fact.criterion.source_word("unit"),
                "source_url": price.fact.source_url,
                "verified_on": price.fact.verified_on.isoformat(),
                "is_stale": price.is_stale,
                "source_flag": price.fact.source_flag or None,
            }
            for price in cost.prices
        ],
    }


def cost_response(calculation):
    """The JSON route's answer: without a situation, what it may ask (the features
    with their ids and names in the page's language); 400 with each field's messages
    on a bad one."""
    if not calculation.asked:
        return JsonResponse(parameters_json(calculation.form), json_dumps_params=JSON_OPTIONS)
    if calculation.costs is None:
        errors = {"errors": calculation.form.field_errors()}
        return JsonResponse(errors, status=400, json_dumps_params=JSON_OPTIONS)
    return JsonResponse(as_json(calculation), json_dumps_params=JSON_OPTIONS)


def parameters_json(form):
    seats = form.fields["seats"]
    return {
        "parameters": {
            "seats": {"min": seats.min_value, "max": seats.max_value},
            "billing": [value for value, _label in form.fields["billing"].choices],
            "features": [
                {"id": criterion.pk, "name": str(criterion.name)}
                for criterion in form.criteria.values()
            ],
        }
    }
