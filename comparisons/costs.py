"""What each compared product would cost a reader, on the reader's assumptions.

The reader gives a number of seats, a billing period and the features they need; every
product is priced on the same assumptions from its dated price facts (see
``Criterion.PricingRole``). Where a price is not published, or a feature cannot be had
on the compared plan, the product gets a reason instead of an amount: nothing here
guesses. Kept free of queries and templates, like table.py, so the arithmetic can be
read and tested on its own."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from comparisons.pricing import Period, decimals_of
from comparisons.table import cell_anchor, find_fact, index_facts, name_columns

MONTHLY = "monthly"
YEARLY = "yearly"
MONTHS = Decimal(12)

# Roles, as Criterion.PricingRole stores them (the model imports this module's peers,
# not the other way round).
SEAT_MONTHLY = "seat_monthly"
SEAT_YEARLY = "seat_yearly"
BASE_FEE = "base_fee"
MINIMUM_SEATS = "minimum_seats"
MONTHLY_BILLING = "monthly_billing"
# A needed feature's paid add-on: its fact holds the price.
ADDON = "addon"
# A needed feature's fact, included or not: the cost rests on it too.
FEATURE = "feature"


class Reason:
    """Why a product's cost is not given: codes for tools, words in the template."""

    NO_PRICE = "no_price"  # no seat price published: "contact sales"
    NO_YEARLY_PRICE = "no_yearly_price"
    MIXED_CURRENCIES = "mixed_currencies"
    ADDON_ON_REQUEST = "addon_on_request"
    HIGHER_PLAN = "higher_plan"
    NOT_OFFERED = "not_offered"
    NOT_RECORDED = "not_recorded"


class Need:
    """What a needed feature means for a product's cost."""

    INCLUDED = "included"
    PARTIAL = "partial"
    ADDON = "addon"
    ADDON_ON_REQUEST = Reason.ADDON_ON_REQUEST
    HIGHER_PLAN = Reason.HIGHER_PLAN
    NOT_OFFERED = Reason.NOT_OFFERED
    NOT_RECORDED = Reason.NOT_RECORDED


@dataclass
class Situation:
    """The reader's assumptions: ``features`` are criteria they need."""

    seats: int
    billing: str = MONTHLY
    features: list = field(default_factory=list)


@dataclass
class PriceUsed:
    """One fact the cost was computed from, with what a reader needs to check it;
    ``anchor`` names its evidence page under the comparison."""

    role: str
    fact: object
    is_stale: bool = False
    age_in_days: int = 0
    anchor: str = ""

    @property
    def is_flagged(self):
        return bool(self.fact.source_flag)


@dataclass
class FeatureCost:
    criterion: object
    need: str
    fact: object = None
    per_month: Decimal = Decimal(0)


@dataclass
class Cost:
    column: object
    seats: int = 0
    currency: str = ""
    monthly: Decimal | None = None
    yearly: Decimal | None = None
    reasons: list = field(default_factory=list)
    charged_seats: int = 0
    minimum_seats: int = 0
    # What the total is made of, per month, in the currency's smallest unit.
    seat_per_month: Decimal | None = None
    # Set when the price a month is not a whole amount in the currency.
    seat_per_year: Decimal | None = None
    fee_per_month: Decimal | None = None
    billed_yearly_only: bool = False
    prices: list = field(default_factory=list)
    features: list = field(default_factory=list)
    is_cheapest: bool = False
    not_comparable: bool = False

    @property
    def is_computed(self):
        return self.monthly is not None

    @property
    def seat_word(self):
        """What the plan's seat price is counted per ("agent", "seat"…), as its
        criterion's unit says; "seat" when it does not say."""
        for price in self.prices:
            if price.role in {SEAT_MONTHLY, SEAT_YEARLY}:
                return price.fact.criterion.price_basis[1] or "seat"
        return "seat"

    @property
    def raised_to_minimum(self):
        """Charged for more seats than asked, because of the plan's minimum."""
        return self.charged_seats > self.seats


def per_month(fact):
    """A price fact's amount for one month, whatever period its unit states."""
    basis = fact.criterion.price_basis
    amount = fact.number
    return amount / MONTHS if basis and basis[2] == Period.YEAR else amount


def currency_of(fact):
    return fact.criterion.price_basis[0]


def money(amount, currency):
    step = Decimal(1).scaleb(-decimals_of(currency))
    return amount.quantize(step, rounding=ROUND_HALF_UP)


class Pricer:
    """Prices one compared product (a table column) from indexed facts."""

    def __init__(self, indexed, price_criteria, freshness_limit_days, today):
        self.indexed = indexed
        self.price_criteria = price_criteria
        self.freshness_limit_days = freshness_limit_days
        self.today = today

    def fact(self, column, criterion):
        return find_fact(self.indexed, column.product, criterion, column.plan)

    def find(self, column, role):
        """The fact for ``role`` of the first criterion with one for the product."""
        for criterion in self.price_criteria:
            if criterion.pricing_role != role:
                continue
            fact = self.fact(column, criterion)
            if fact is not None and (fact.number is not None or role == MONTHLY_BILLING):
                fact.criterion = criterion
                return fact
        return None

    def use(self, cost, role, fact=None):
        """The fact for ``role``, noted among the prices the cost is computed from."""
        fact = fact or self.find(cost.column, role)
        if fact is not None:
            age = fact.age_in_days(self.today)
            stale = age > self.freshness_limit_days
            anchor = cell_anchor(fact.criterion, cost.column)
            cost.prices.append(PriceUsed(role, fact, stale, age, anchor))
        return fact

    def seat_price(self, cost, situation):
        """The seat price the reader's billing period is charged at, or None with the
        reason. Annual-only plans asked for monthly billing are priced billed yearly."""
        column = cost.column
        monthly, yearly = self.find(column, SEAT_MONTHLY), self.find(column, SEAT_YEARLY)
        if situation.billing == YEARLY:
            if yearly is None:
                cost.reasons.append(Reason.NO_YEARLY_PRICE if monthly else Reason.NO_PRICE)
                return None
            return self.use(cost, SEAT_YEARLY)
        billing = self.use(cost, MONTHLY_BILLING)
        annual_only = (billing is not None and billing.support == "no") or monthly is None
        if annual_only and yearly is not None:
            cost.billed_yearly_only = True
            return self.use(cost, SEAT_YEARLY)
        if monthly is None:
            cost.reasons.append(Reason.NO_PRICE)
            return None
        return self.use(cost, SEAT_MONTHLY)

    def feature(self, cost, criterion, seats):
        fact = self.fact(cost.column, criterion)
        if fact is None:
            return FeatureCost(criterion, Need.NOT_RECORDED)
        if fact.support == "no":
            return FeatureCost(criterion, Need.NOT_OFFERED, fact)
        if fact.availability == "higher_plan":
            return FeatureCost(criterion, Need.HIGHER_PLAN, fact)
        if fact.availability == "paid_addon":
            if fact.addon_price is None:
                return FeatureCost(criterion, Need.ADDON_ON_REQUEST, fact)
            amount = fact.addon_price * (seats if fact.addon_per_seat else 1)
            return FeatureCost(criterion, Need.ADDON, fact, amount)
        need = Need.PARTIAL if fact.support == "partial" else Need.INCLUDED
        return FeatureCost(criterion, need, fact)

    def cost(self, column, situation):
        cost = Cost(column, seats=situation.seats)
        seat = self.seat_price(cost, situation)
        minimum = self.use(cost, MINIMUM_SEATS)
        base = self.use(cost, BASE_FEE)
        cost.minimum_seats = int(minimum.number.to_integral_value()) if minimum else 0
        cost.charged_seats = max(situation.seats, cost.minimum_seats)
        for criterion in situation.features:
            found = self.feature(cost, criterion, cost.charged_seats)
            cost.features.append(found)
            if found.fact is not None:
                found.fact.criterion = criterion
                self.use(cost, ADDON if found.need == Need.ADDON else FEATURE, found.fact)
            if found.need not in {Need.INCLUDED, Need.PARTIAL, Need.ADDON}:
                cost.reasons.append(found.need)
        if seat is None:
            return cost
        cost.currency = currency_of(seat)
        if base is not None and currency_of(base) != cost.currency:
            cost.reasons.append(Reason.MIXED_CURRENCIES)
        if cost.reasons:
            return cost
        cost.seat_per_month = money(per_month(seat), cost.currency)
        if cost.seat_per_month != per_month(seat):
            # ¥1,000 a year is no whole number of yen a month: the breakdown states the
            # price a year, so that it adds up to the total.
            cost.seat_per_year = money(per_month(seat) * MONTHS, cost.currency)
        if base is not None and base.number:
            cost.fee_per_month = money(per_month(base), cost.currency)
        total = per_month(seat) * cost.charged_seats
        total += per_month(base) if base is not None else 0
        total += sum(feature.per_month for feature in cost.features)
        cost.monthly = money(total, cost.currency)
        cost.yearly = money(total * MONTHS, cost.currency)
        return cost


def mark_cheapest(costs):
    """Among products priced in the most common currency, the cheapest, whoever makes
    it; products in another currency are not ranked against them."""
    computed = [cost for cost in costs if cost.is_computed]
    currencies = Counter(cost.currency for cost in computed)
    if not currencies:
        return
    # A tie between currencies goes to the one listed first on the page.
    currency = max(currencies, key=lambda code: (currencies[code], -order(computed, code)))
    same = [cost for cost in computed if cost.currency == currency]
    for cost in computed:
        cost.not_comparable = cost.currency != currency
    lowest = min(cost.monthly for cost in same)
    if len(same) < 2 or all(cost.monthly == lowest for cost in same):
        return
    for cost in same:
        cost.is_cheapest = cost.monthly == lowest


def order(costs, currency):
    return next(i for i, cost in enumerate(costs) if cost.currency == currency)


def build_costs(columns, situation, facts, price_criteria, freshness_limit_days, today):
    """A ``Cost`` per column. ``facts``: the compared products' facts for the price
    criteria and the needed features; ``price_criteria``: the criteria with a pricing
    role, in the order to prefer them."""
    name_columns(columns)
    pricer = Pricer(index_facts(facts), price_criteria, freshness_limit_days, today)
    costs = [pricer.cost(column, situation) for column in columns]
    mark_cheapest(costs)
    return costs
