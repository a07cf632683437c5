"""The large data set the benchmark serves: 20 products, 200 criteria with a fact for
every product, 5,000 testimonials, 200 case studies and 50 comparison pages, some of
them 8 products x 60 criteria, and the largest comparison in Japanese too. Generated,
deterministic (seeded), and loaded into an empty database in bulk: rows with
``bulk_create``, pages with treebeard's ``add_child`` as live pages (only the few
top-level pages get a revision). Every name and web address is invented.

``scale`` multiplies it (10: 200 products, 2,000 criteria, 44,000 facts, 50,000
testimonials, 500 comparison pages, 2,000 case studies), to show whether a page's cost
grows with the data; the largest comparison stays 8 x 60 and the images are shared. Each
copy is a market of its own, as a vendor in ten markets would have: its 20 products have
values for its 200 criteria, and its comparisons compare them on those. A product in one
market has no value for another's criteria: a product page lists about 220 facts at
every scale, not one per criterion of every market. Scale 1 is the
same data set, row for row, whatever the scale code does.

bench/run.py loads it after ``manage.py migrate`` into a database of its own; by hand,
with DATABASE_URL pointing at a new, migrated database::

    python manage.py shell --no-imports -c "from bench.data import main; main(scale=1)"
"""

import collections
import datetime
import io
import itertools
import random
import time
from decimal import Decimal

from django.core.files.images import ImageFile
from django.core.management import call_command, get_commands
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Page

from PIL import Image as PILImage

from comparisons.demo import japanese
from comparisons.demo import pages as demo_pages
from comparisons.demo.pages import free_plan, plan, point
from comparisons.models import (
    ComparedCriterion,
    ComparedProduct,
    ComparisonIndexPage,
    ComparisonPage,
    Criterion,
    Fact,
    NotSuitableFor,
    Product,
    ProductIndexPage,
    ProductPage,
)
from comparisons.table import ALL_PLANS
from home import sqlite_statistics
from home.bulk_indexing import indexes_paused
from home.demo import (
    COMPANY,
    HOME_JAPANESE,
    add_child,
    home_page,
    japanese_locale,
    translate,
    update_settings,
)
from home.models import HomePage, StandardPage
from home.page_cache.signals import purged_once
from testimonials import demo as testimonials_demo
from testimonials.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyQuote,
    CaseStudyTag,
    Customer,
    Testimonial,
    TestimonialSubmissionPage,
    TestimonialTag,
    TestimonialWallPage,
)

SEED = 20240601
PRODUCT_COUNT = 20
OUR_PRODUCTS = ["Fernhill Desk", "Fernhill Chat", "Fernhill Answers", "Fernhill Voice"]
CRITERIA_GROUPS = {
    "Pricing": (
        ["Starting price", "Annual discount", "Free plan", "Monthly billing", "Free trial"],
        ["for agents", "for light users", "for admins", "for the API"],
    ),
    "Channels": (
        ["Email ticketing", "Live chat", "Phone channel", "Social messaging", "SMS"],
        ["inbound", "outbound", "on mobile", "in the widget"],
    ),
    "Automation": (
        ["Routing rules", "Macros", "SLA timers", "Auto-replies", "Chat bot"],
        ["by team", "by language", "by customer tier", "by channel"],
    ),
    "Reporting": (
        [
            "First-reply report",
            "Satisfaction survey",
            "Custom dashboard",
            "Data export",
            "Agent report",
        ],
        ["daily", "in real time", "by team", "scheduled"],
    ),
    "Security": (
        [
            "SAML single sign-on",
            "Two-factor login",
            "IP allow-list",
            "Audit log",
            "Field encryption",
        ],
        ["for agents", "for admins", "for customers", "through the API"],
    ),
    "Compliance": (
        [
            "EU data residency",
            "SOC 2 Type II report",
            "HIPAA agreement",
            "ISO 27001 certificate",
            "Data deletion",
        ],
        ["on request", "self-service", "for all plans", "with audit trail"],
    ),
    "Integrations": (
        ["CRM sync", "Slack app", "Webhooks", "Public REST API", "E-commerce plugin"],
        ["two-way", "read-only", "with custom fields", "with rate limits stated"],
    ),
    "Administration": (
        ["Custom roles", "Agent groups", "Sandbox account", "Bulk edit", "Multi-brand"],
        ["per team", "per brand", "per region", "per workspace"],
    ),
    "Vendor support": (
        ["Support hours", "First reply", "Onboarding help", "Status page", "Account manager"],
        ["by email", "by phone", "in chat", "for the compared plan"],
    ),
    "Performance": (
        ["Uptime commitment", "Page load", "Search speed", "Attachment size", "Mailbox limit"],
        ["measured", "stated", "in our test", "under load"],
    ),
}
NUMBER_UNITS = [
    ("USD / agent / month", "lower"),
    ("days", "higher"),
    ("hours", "lower"),
    ("GB", "higher"),
    ("seconds", "lower"),
    ("%", "higher"),
]
TEXT_VALUES = [
    "Weekdays 08:00-18:00 CET",
    "24/7",
    "US business hours",
    "Email only",
    "Community forum",
    "Named contact",
    "Self-service",
    "On request",
]
NOTES = [
    "Up to 3 seats",
    "Through a partner",
    "Only on yearly contracts",
    "Limited to 1,000 a month",
    "Configured by the vendor",
    "Export as CSV only",
]
COMPARISON_COUNT = 50
LARGE_COMPARISONS = 5  # 8 products x 60 criteria each
TESTIMONIAL_COUNT = 5000
CASE_STUDY_COUNT = 200
CUSTOMER_COUNT = 150
PHOTO_COUNT = 200
STALE_SHARE = 0.12
# How often each kind of testimonial occurs, by stored value: a choice added later is
# simply never drawn rather than breaking the loader.
RELATIONSHIPS = {"customer": 92, "employee": 4, "partner": 3, "other": 1}
INCENTIVES = {"none": 85, "discount": 8, "gift": 5, "payment": 2}
SOURCES = {"form": 55, "interview": 10, "import": 10, "invited": 15, "after_nps": 10}
VERIFICATIONS = {"": 40, "customer_list": 25, "account": 15, "invoice": 10, "call": 5, "other": 5}
TAGS = ["onboarding", "security", "reporting", "migration", "pricing", "results", "education"]

FIRST_NAMES = [
    "Maya", "Tom", "Priya", "Jonas", "Elena", "Grace", "Samuel", "Lena", "Ravi", "Aiko",
    "Daniel", "Sofia", "Ben", "Hana", "Oliver", "Amara", "Lucas", "Ines", "Kofi", "Mei",
    "Noah", "Yara", "Felix", "Zanele", "Omar", "Clara", "Mateo", "Sana", "Erik", "Leila",
]  # fmt: skip
LAST_NAMES = [
    "Okafor", "Brennan", "Raman", "Weber", "Rossi", "Liu", "Adeyemi", "Fischer", "Patel",
    "Tanaka", "Moreau", "Marin", "Carter", "Kim", "Grant", "Nilsen", "Costa", "Haddad",
    "Mensah", "Novak", "Silva", "Dubois", "Ivanova", "Berg", "Quinn", "Sato", "Ortega",
]  # fmt: skip
ROLES = [
    "Head of Support", "Support Lead", "Operations Manager", "Founder", "IT Administrator",
    "Support Manager", "Customer Success", "Support Agent", "CTO", "E-commerce Manager",
]  # fmt: skip
COMPANY_WORDS = (
    ["Harbour", "Northfield", "Lumen", "Copperleaf", "Saltmarsh", "Brightline", "Oakridge",
     "Riverbend", "Stonegate", "Bluewater", "Foxglove", "Hollowell", "Ironwood", "Larkspur",
     "Meadowlark"],
    ["Books", "Academy", "Clinics", "Software", "Outfitters", "Logistics", "Credit Union",
     "Foods", "Studios", "Energy"],
)  # fmt: skip
COMPETITOR_WORDS = (
    ["Tidewell", "Quillory", "Bramble", "Orchard", "Kestrel", "Marlow", "Pinecrest", "Sable",
     "Harrow", "Juniper", "Wren", "Alder", "Thistle", "Moorland", "Copse", "Ember"],
    ["Desk", "Support Suite", "Helpdesk", "Care", "Service Cloud"],
)  # fmt: skip
PRAISE = [
    "We were up and running in an afternoon.",
    "Our first-reply time dropped by half in the first month.",
    "The team answers our questions the same day.",
    "Routing rules saved us hours every week.",
    "Pricing was exactly what the website said.",
    "Agents picked it up without any training.",
    "Reports finally show us where tickets get stuck.",
]
CRITICISM = [
    "There is no phone channel, so we pay for a second tool.",
    "The audit log only keeps 90 days, and compliance wanted a year.",
    "Vendor support only answers on European weekdays.",
    "Single sign-on needs the Business plan, which we learned after buying.",
    "Exports are CSV only and lose the custom fields.",
    "The mobile app is slow on older phones.",
    "Setting up the chat bot took far longer than promised.",
]
NEUTRAL = [
    "It does what we need for a team of our size.",
    "We compared three tools before choosing it.",
    "Migration from our old helpdesk took two weeks.",
    "We mostly use email and live chat.",
]


class DatabaseNotEmpty(Exception):
    pass


def check_empty():
    """The data set goes into a freshly migrated database, never over real content."""
    found = [
        (Product.objects.count(), "product", "products"),
        (Criterion.objects.count(), "criterion", "criteria"),
        (Testimonial.objects.count(), "testimonial", "testimonials"),
        (HomePage.objects.count(), "home page", "home pages"),
    ]
    found = [(count, one, many) for count, one, many in found if count]
    if found:
        listed = ", ".join(f"{count} {one if count == 1 else many}" for count, one, many in found)
        raise DatabaseNotEmpty(
            f"This database already has content ({listed}). The benchmark data set fills an "
            "empty, freshly migrated database only: point DATABASE_URL at a new database, run "
            "`manage.py migrate`, then load it again."
        )


class BenchData:
    """Builds the data set; ``load()`` returns what it created, counted."""

    def __init__(self, log=print, seed=SEED, scale=1):
        self.log = log
        self.random = random.Random(seed)
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.scale = scale
        self.product_count = PRODUCT_COUNT * scale
        self.customer_count = CUSTOMER_COUNT * scale
        self.started = time.monotonic()

    def load(self):
        check_empty()
        self.started = time.monotonic()
        # The page cache is purged and the indexes built once at the end: the purges
        # and the indexes' updates after every save (70 for a comparison page, one per
        # row it compares) would only cost time.
        with purged_once(), indexes_paused(), transaction.atomic():
            self.images = self.make_images()
            home = self.home()
            self.products = self.make_products()
            self.criteria = self.make_criteria()
            self.facts = self.make_facts()
            self.customers = self.make_customers()
            self.testimonials = self.make_testimonials()
            methodology, policy, wall = self.top_level_pages(home)
            self.product_pages(home)
            self.comparison_pages(home)
            self.case_studies(home)
            self.describe_site(home, methodology, policy, wall)
            self.step("the largest comparison in Japanese")
            translate_largest_comparison(home)
        self.recount()
        counts = {
            "products": len(self.products),
            "criteria": len(self.criteria),
            "facts": Fact.objects.count(),
            "testimonials": Testimonial.objects.count(),
            "approved testimonials": Testimonial.objects.public().count(),
            "customers": Customer.objects.count(),
            "case studies": CaseStudyPage.objects.live().count(),
            "comparison pages": ComparisonPage.objects.live().count(),
            "live pages": Page.objects.live().count() - 1,
            "images": get_image_model().objects.count(),
            "seconds": round(time.monotonic() - self.started, 1),
        }
        return counts

    def step(self, name):
        self.log(f"  {time.monotonic() - self.started:6.1f} s  {name}…")

    def recount(self):
        """What bulk loading leaves behind: indexes and counters filled by signals that
        ``bulk_create`` does not send."""
        self.step("search index")
        call_command("update_index", verbosity=0)
        self.step("reference index")
        call_command("rebuild_references_index", verbosity=0)
        if "recount_testimonials" in get_commands():
            self.step("testimonial tallies")
            call_command("recount_testimonials", verbosity=0)
        self.step("done")

    # Helpers ----------------------------------------------------------------------

    def home(self):
        self.step("home page and site")
        return home_page()

    def child(self, parent, model, slug, **fields):
        """A top-level page, published with a revision as an editor would."""
        return add_child(parent, model, slug, **fields)

    def add_live(self, parent, page):
        """A live, routable page without a revision: fast enough for hundreds."""
        published = self.now - datetime.timedelta(days=self.random.randint(1, 400))
        page.live = True
        page.first_published_at = page.last_published_at = published
        parent.add_child(instance=page)
        return page

    def describe_site(self, home, methodology, policy, wall):
        """Who publishes the site, its policy pages and what search engines show for
        pages without a description of their own."""
        update_settings(
            home,
            company_name=COMPANY,
            methodology_page=methodology,
            testimonial_policy_page=policy,
            testimonial_wall_page=wall,
            corrections_email=demo_pages.CORRECTIONS_EMAIL,
            default_description=f"{COMPANY} compares its support software with the "
            "alternatives: every value sourced and dated, with the cases where a competitor "
            "is the better choice.",
        )

    def days_ago(self, low, high):
        return self.today - datetime.timedelta(days=self.random.randint(low, high))

    # Images -----------------------------------------------------------------------

    def make_images(self):
        self.step(f"{PRODUCT_COUNT + CUSTOMER_COUNT // 2 + PHOTO_COUNT} images")
        Image = get_image_model()

        def image(title, name, size, fmt):
            colour = tuple(self.random.randint(40, 220) for _ in range(3))
            picture = PILImage.new("RGB", size, colour)
            buffer = io.BytesIO()
            picture.save(buffer, fmt)
            item = Image(title=title, file=ImageFile(buffer, name=name))
            item.save()
            return item

        return {
            "logos": [
                image(f"Logo {n}", f"logo-{n}.png", (320, 160), "PNG")
                for n in range(PRODUCT_COUNT + CUSTOMER_COUNT // 2)
            ],
            "photos": [
                image(f"Portrait {n}", f"portrait-{n}.jpg", (400, 400), "JPEG")
                for n in range(PHOTO_COUNT)
            ],
        }

    # Snippets and facts -----------------------------------------------------------

    def make_products(self):
        self.step(f"{self.product_count} products")
        prefixes, suffixes = COMPETITOR_WORDS
        ours = [numbered(name, copy) for copy in range(self.scale) for name in OUR_PRODUCTS]
        names = list(ours)
        copy = 0
        while len(names) < self.product_count:
            for prefix in prefixes:
                if len(names) == self.product_count:
                    break
                names.append(numbered(f"{prefix} {self.random.choice(suffixes)}", copy))
            copy += 1
        logos = self.images["logos"][:PRODUCT_COUNT]
        products = [
            Product(
                name=name,
                vendor=COMPANY if name in ours else f"{name.split()[0]} Ltd",
                is_ours=name in ours,
                website=f"https://{slugify(name)}.example",
                summary=f"{name}: support software for teams of {self.random.randint(2, 50)} "
                f"to {self.random.randint(60, 500)} agents.",
                logo=logos[n % len(logos)],
            )
            for n, name in enumerate(names)
        ]
        # Ours were named copy by copy; the competitors are shared out evenly.
        competitors = [product for product in products if not product.is_ours]
        for product in products:
            product.market = (
                ours.index(product.name) // len(OUR_PRODUCTS)
                if product.is_ours
                else competitors.index(product) * self.scale // len(competitors)
            )
        return Product.objects.bulk_create(products)

    def make_criteria(self):
        self.step(f"{200 * self.scale} criteria in 10 groups")
        kinds = (
            [Criterion.Kind.SUPPORT] * 12
            + [Criterion.Kind.NUMBER] * 4
            + [Criterion.Kind.RATING] * 2
            + [Criterion.Kind.TEXT] * 2
        )
        criteria = []
        for copy in range(self.scale):
            for group, (subjects, qualifiers) in CRITERIA_GROUPS.items():
                names = [
                    f"{subject} {qualifier}" for subject in subjects for qualifier in qualifiers
                ]
                for order, (name, kind) in enumerate(zip(names, kinds, strict=True)):
                    unit, direction = "", Criterion.Direction.HIGHER
                    if kind == Criterion.Kind.NUMBER:
                        unit, direction = self.random.choice(NUMBER_UNITS)
                    elif kind == Criterion.Kind.TEXT:
                        direction = Criterion.Direction.UNRANKED
                    criterion = Criterion(
                        name=numbered(name, copy),
                        group=group,
                        sort_order=copy * len(names) + order,
                        kind=kind,
                        unit=unit,
                        direction=direction,
                        help_text=f"{name}, as the vendor documents it for the compared plan.",
                    )
                    criterion.market = copy
                    criteria.append(criterion)
        self.random.shuffle(criteria)
        return Criterion.objects.bulk_create(criteria)

    def fact_value(self, criterion):
        kind = criterion.kind
        if kind == Criterion.Kind.SUPPORT:
            return {"support": self.random.choice(["yes", "yes", "yes", "partial", "no"])}
        if kind == Criterion.Kind.NUMBER:
            return {"number": Decimal(self.random.randint(1, 400))}
        if kind == Criterion.Kind.RATING:
            return {"number": Decimal(self.random.randint(2, 10)) / 2}
        return {"text": self.random.choice(TEXT_VALUES)}

    def make_facts(self):
        """One fact per product and criterion for every plan, and a "Pro" plan value
        for about one criterion in ten; some verified longer ago than the limit."""
        markets = {}
        for criterion in self.criteria:
            markets.setdefault(criterion.market, []).append(criterion)
        self.markets = markets
        per_market = len(self.criteria) // self.scale
        self.step(f"{len(self.products) * per_market} facts and their Pro-plan values")
        count = 0
        for product in self.products:
            facts = []  # a product's at a time
            for criterion in markets[product.market]:
                plans = [ALL_PLANS] + (["Pro"] if self.random.random() < 0.1 else [])
                for plan_name in plans:
                    stale = self.random.random() < STALE_SHARE
                    availability = self.random.choice(
                        ["", "", "", "", "", "paid_addon", "higher_plan", "beta"]
                    )
                    facts.append(
                        Fact(
                            product=product,
                            criterion=criterion,
                            plan=plan_name,
                            availability=availability,
                            note=self.random.choice(NOTES) if self.random.random() < 0.15 else "",
                            source_url=f"{product.website}/{slugify(criterion.group)}",
                            verified_on=self.days_ago(200, 700) if stale else self.days_ago(3, 170),
                            **self.fact_value(criterion),
                        )
                    )
            Fact.objects.bulk_create(facts, batch_size=1000)
            count += len(facts)
        return count

    def make_customers(self):
        self.step(f"{self.customer_count} customers")
        first, second = COMPANY_WORDS
        names = [f"{a} {b}" for a in first for b in second]
        self.random.shuffle(names)
        names = [numbered(name, copy) for copy in range(self.scale) for name in names]
        logos = self.images["logos"][PRODUCT_COUNT:]
        customers = [
            Customer(
                name=name,
                industry=self.random.choice(Customer.Industry.values),
                size=self.random.choice(Customer.Size.values),
                website=f"https://{slugify(name)}.example",
                logo=logos[n] if n < len(logos) else None,
            )
            for n, name in enumerate(names[: self.customer_count])
        ]
        return Customer.objects.bulk_create(customers)

    # Testimonials -----------------------------------------------------------------

    def quote_for(self, rating):
        if rating is None:
            pools = [NEUTRAL, PRAISE, CRITICISM]
        elif rating >= 4:
            pools = [PRAISE, PRAISE, NEUTRAL] + ([CRITICISM] if rating == 4 else [])
        elif rating == 3:
            pools = [PRAISE, NEUTRAL, CRITICISM]
        else:
            pools = [CRITICISM, NEUTRAL, CRITICISM]
        sentences = []
        for pool in pools:
            sentence = self.random.choice(pool)
            if sentence not in sentences:
                sentences.append(sentence)
        return sentences

    def make_testimonials(self):
        """Mostly approved, every rating from 1 to 5 (a few unrated), some with an
        excerpt, photo, incentive or tags; some pending, rejected or withdrawn. Each
        customer gets approved testimonials to quote in case studies."""
        self.step(f"{TESTIMONIAL_COUNT * self.scale} testimonials")
        ours = [product for product in self.products if product.is_ours]
        Status = Testimonial.Status
        statuses = [Status.APPROVED] * 86 + [Status.PENDING] * 6 + [Status.REJECTED] * 5
        statuses += [Status.WITHDRAWN] * 3
        ratings = [5] * 40 + [4] * 30 + [3] * 13 + [2] * 8 + [1] * 5 + [None] * 4
        testimonials = []
        for n in range(TESTIMONIAL_COUNT * self.scale):
            # The first ones, approved, are the customers' own: case studies quote them.
            customer = (
                self.customers[n % self.customer_count] if n < 3 * self.customer_count else None
            )
            status = Status.APPROVED if customer else self.random.choice(statuses)
            rating = self.random.choice(ratings)
            sentences = self.quote_for(rating)
            quote = " ".join(sentences)
            excerpt = ""
            if len(sentences) >= 3 and self.random.random() < 0.3:
                excerpt = f"{sentences[0]} … {sentences[-1]}"
            submitted = self.now - datetime.timedelta(minutes=self.random.randint(60, 1100 * 1440))
            moderated = submitted + datetime.timedelta(hours=self.random.randint(2, 72))
            live = status == Status.APPROVED
            relationship = self.weighted(RELATIONSHIPS)
            incentive = self.weighted(INCENTIVES)
            company = customer.name if customer else self.random.choice(["", "Acme Retail"])
            name = f"{self.random.choice(FIRST_NAMES)} {self.random.choice(LAST_NAMES)}"
            testimonials.append(
                Testimonial(
                    product=self.random.choice(ours),
                    quote=quote,
                    excerpt=excerpt,
                    rating=rating,
                    author_name=name,
                    author_role=self.random.choice(ROLES),
                    author_company=company,
                    customer=customer,
                    email=f"author{n}@customer.example",
                    consent_name=self.random.random() < 0.85,
                    consent_company=bool(company),
                    consent_given_at=submitted,
                    relationship=relationship,
                    incentive=incentive,
                    incentive_detail={
                        "discount": "20% off one year",
                        "gift": "a branded mug",
                        "payment": "USD 50 voucher",
                    }.get(incentive, ""),
                    source=self.weighted(SOURCES),
                    verification=self.weighted(VERIFICATIONS),
                    status=status,
                    rejection_reason=(
                        self.random.choice(Testimonial.RejectionReason.values)
                        if status == Status.REJECTED
                        else ""
                    ),
                    live=live,
                    has_unpublished_changes=False,
                    first_published_at=moderated if status != Status.PENDING else None,
                    last_published_at=moderated if status != Status.PENDING else None,
                    submitted_at=submitted,
                    moderated_at=moderated if status != Status.PENDING else None,
                    withdrawn_at=moderated + datetime.timedelta(days=30)
                    if status == Status.WITHDRAWN
                    else None,
                )
            )
        self.give_photos(testimonials)
        testimonials = Testimonial.objects.bulk_create(testimonials, batch_size=500)
        self.tag(TestimonialTag, testimonials, share=0.3)
        return testimonials

    def give_photos(self, testimonials):
        """The photos (shared) on every fifth live testimonial in the wall's order, newest
        first, and on each product's third newest public one: every page of the wall
        shows four or more, and every product page's newest six one or more, at every
        scale, so each asks the same queries at 1x as at 10x. (Not each product's
        newest: at 10x that crowds the wall's first page with photos.)"""
        photos = itertools.cycle(self.images["photos"])
        # The wall's and a product page's order: newest first, the later saved first of
        # two alike.
        live = [item for item in enumerate(testimonials) if item[1].live]
        live.sort(key=lambda item: (item[1].submitted_at, item[0]), reverse=True)
        by_product = collections.defaultdict(list)
        for _n, testimonial in live:
            if testimonial.status == Testimonial.Status.APPROVED:
                by_product[testimonial.product_id].append(testimonial)
        third_newest = [listed[2] for listed in by_product.values() if len(listed) > 2]
        for testimonial in [item for _n, item in live[::5]] + third_newest:
            testimonial.photo = next(photos)
            testimonial.consent_photo = True

    def weighted(self, weights):
        """One of the choices named in ``weights`` ({value: weight}), drawn by weight."""
        return self.random.choices(list(weights), weights=list(weights.values()))[0]

    def tag(self, through, items, share):
        from taggit.models import Tag

        tags = {tag.name: tag for tag in Tag.objects.filter(name__in=TAGS)}
        missing = [Tag(name=name, slug=slugify(name)) for name in TAGS if name not in tags]
        for tag in Tag.objects.bulk_create(missing):
            tags[tag.name] = tag
        rows = [
            through(tag=tags[name], content_object=item)
            for item in items
            if self.random.random() < share
            for name in self.random.sample(TAGS, self.random.randint(1, 2))
        ]
        through.objects.bulk_create(rows, batch_size=1000)

    # Pages ------------------------------------------------------------------------

    def top_level_pages(self, home):
        self.step("index, wall, submission and policy pages")
        methodology = self.child(
            home,
            StandardPage,
            slug="how-we-compare",
            title="How we compare",
            intro=demo_pages.METHODOLOGY_INTRO,
            body=demo_pages.METHODOLOGY_BODY,
            show_in_menus=True,
        )
        policy = self.child(
            home,
            StandardPage,
            slug="how-we-collect-testimonials",
            title="How we collect testimonials",
            intro=testimonials_demo.POLICY_INTRO,
            body=testimonials_demo.POLICY_BODY,
        )
        wall = self.child(
            home,
            TestimonialWallPage,
            slug="testimonials",
            title="What customers say",
            intro="<p>Every approved testimonial, newest first, whatever its rating.</p>",
            show_in_menus=True,
        )
        self.child(
            home,
            TestimonialSubmissionPage,
            slug="share-your-experience",
            title="Share your experience",
            intro="<p>Good or bad, tell us how our product works for you.</p>",
            thank_you_text="<p>Thank you. An editor reads every testimonial within two "
            "working days.</p>",
            notify_emails="editors@fernhill.example",
            show_in_menus=True,
        )
        return methodology, policy, wall

    def product_pages(self, home):
        self.step(f"{sum(product.is_ours for product in self.products)} product pages")
        index = self.child(
            home,
            ProductIndexPage,
            slug="products",
            title="Products",
            intro="<p>What each of our products does well, where it falls short, and who "
            "should buy something else.</p>",
            show_in_menus=True,
        )
        ours = [product for product in self.products if product.is_ours]
        competitors = [product for product in self.products if not product.is_ours]
        for position, product in enumerate(ours):
            our_alternative = ours[(position + 1) % len(ours)]
            self.child(
                index,
                ProductPage,
                slug=slugify(product.name),
                title=product.name,
                product=product,
                summary=f"<p>{product.summary} Built for teams that answer customers by "
                "email and want to be running the same afternoon.</p>",
                pricing=[
                    free_plan("Free", "up to 2 agents", "Shared inbox, 1 mailbox."),
                    plan("Team", 19, "Rules, reports."),
                    plan("Pro", 35, "SSO, audit log."),
                ],
                pricing_note="Prices exclude tax. Minimum 2 agents on paid plans.",
                strengths=[("strength", point(text)) for text in PRAISE[:4]],
                limitations=[("limitation", point(text)) for text in CRITICISM[:4]],
                ideal_for=[
                    ("audience", point("Teams of 2 to 50 agents", "Who answer by email.")),
                    ("audience", point("Teams starting today", "Setup takes an afternoon.")),
                ],
                last_reviewed=self.days_ago(5, 60),
                not_suitable_for=[
                    NotSuitableFor(
                        situation=situation,
                        reason=f"{product.name} does not cover this on any plan.",
                        alternative=alternative,
                    )
                    for situation, alternative in zip(
                        CRITICISM[:5],
                        self.random.sample(competitors, 4) + [our_alternative],
                        strict=True,
                    )
                ],
            )

    def comparison_pages(self, home):
        """Five of the largest kind (8 products x 60 criteria); the others between 2 x 10
        and 6 x 45. Each compares at least one of our products."""
        self.step(f"{COMPARISON_COUNT * self.scale} comparison pages")
        index = self.child(
            home,
            ComparisonIndexPage,
            slug="compare",
            title="Compare",
            intro="<p>Our products side by side with the alternatives.</p>",
            show_in_menus=True,
        )
        ours = [product for product in self.products if product.is_ours]
        others = [product for product in self.products if not product.is_ours]
        for n in range(COMPARISON_COUNT * self.scale):
            large = n < LARGE_COMPARISONS
            product_count = 8 if large else self.random.randint(2, 6)
            criterion_count = 60 if large else self.random.randint(10, 45)
            products = [ours[n % len(ours)]]
            market = products[0].market
            pool = [p for p in self.products if p.market == market and p not in products]
            rivals = [p for p in others if p.market == market]
            products += self.random.sample(pool if large else rivals, product_count - 1)
            criteria = self.random.sample(self.markets[market], criterion_count)
            title = " vs ".join(product.name for product in products[:3])
            if product_count > 3:
                title += f" and {product_count - 3} more"
            self.add_live(
                index,
                ComparisonPage(
                    title=title,
                    search_description=f"{title}: {criterion_count} criteria compared, each "
                    "value with its source and the date it was last checked.",
                    slug=f"comparison-{n + 1}-{slugify(products[0].name)}",
                    intro=f"<p>{product_count} products compared on {criterion_count} "
                    "criteria, each value with its source and the date it was checked.</p>",
                    selection_note="Each vendor's mid-tier plan, the one most teams of 10 "
                    "to 50 agents buy.",
                    author_name=demo_pages.AUTHOR,
                    reviewed_on=self.days_ago(3, 90),
                    compared_products=[
                        ComparedProduct(
                            product=product,
                            plan="Pro" if position % 2 else ALL_PLANS,
                            best_for=f"Teams that value {self.random.choice(PRAISE).lower()}",
                        )
                        for position, product in enumerate(products)
                    ],
                    compared_criteria=[
                        ComparedCriterion(criterion=criterion) for criterion in criteria
                    ],
                ),
            )

    def case_studies(self, home):
        self.step(f"{CASE_STUDY_COUNT * self.scale} case studies")
        index = self.child(
            home,
            CaseStudyIndexPage,
            slug="case-studies",
            title="Case studies",
            intro="<p>How customers use our products, in their words and numbers.</p>",
            show_in_menus=True,
        )
        quotable = {}
        for testimonial in self.testimonials:
            if testimonial.customer_id and testimonial.status == Testimonial.Status.APPROVED:
                quotable.setdefault(testimonial.customer_id, []).append(testimonial)
        ours = [product for product in self.products if product.is_ours]
        pages = []
        for n in range(CASE_STUDY_COUNT * self.scale):
            customer = self.customers[n % self.customer_count]
            quotes = self.random.sample(quotable[customer.pk], 2)
            metrics = [
                ("Median first reply", 20, 4, "hours"),
                ("Tickets per agent per day", 35, 52, ""),
                ("Satisfaction score", 3.9, 4.6, "/ 5"),
                ("Backlog older than a week", 140, 12, "tickets"),
            ]
            page = self.add_live(
                index,
                CaseStudyPage(
                    title=f"How {customer.name} cut reply times ({n + 1})",
                    search_description=f"How {customer.name} answers customers faster with "
                    "fewer people, in their own words and numbers.",
                    slug=f"{slugify(customer.name)}-{n + 1}",
                    customer=customer,
                    summary=f"{customer.name} answers customers faster with fewer people.",
                    challenge="<p>Emails arrived in three shared inboxes and nobody knew "
                    "who owned which conversation.</p><ul><li>No owners</li><li>No "
                    "history</li></ul>",
                    solution="<p>One helpdesk with routing rules by product and language, "
                    "and a help centre for the questions asked every day.</p>",
                    results=[
                        (
                            "metric",
                            {
                                "label": label,
                                "before": Decimal(str(before)),
                                "after": Decimal(str(after)),
                                "unit": unit,
                                "note": "Measured over the three months before and after.",
                            },
                        )
                        for label, before, after, unit in self.random.sample(metrics, 3)
                    ],
                    customer_approved_on=self.days_ago(10, 700),
                    quotes=[
                        CaseStudyQuote(testimonial=quote, sort_order=order)
                        for order, quote in enumerate(quotes)
                    ],
                    products=self.random.sample(ours, self.random.randint(1, 2)),
                ),
            )
            pages.append(page)
        self.tag(CaseStudyTag, pages, share=0.8)


def numbered(name, copy):
    """The name of a record in the ``copy``-th copy of the data set (the first keeps
    its own): names are unique, and scale 1 is unchanged."""
    return name if copy == 0 else f"{name} {copy + 1}"


def translate_largest_comparison(home):
    """The first comparison (8 x 60) in Japanese, at /ja/compare/…, as an editor makes
    it: the home and index pages translated first. Its products and criteria keep their
    English records: translating them through wagtail-localize, which saves each
    product's facts again, took over a minute, too slow for a loader."""
    locale = japanese_locale()
    translate(home, locale, HOME_JAPANESE)
    index = ComparisonIndexPage.objects.child_of(home).get()
    translate(index, locale, japanese.COMPARISON_INDEX)
    page = ComparisonPage.objects.child_of(index).order_by("path").first()
    return translate(page, locale, {"title": f"{page.title} の比較"})


def main(scale=1):
    """Load the data set, ``scale`` times over, saying what it does, into an empty
    database (refuses otherwise)."""
    try:
        check_empty()
    except DatabaseNotEmpty as error:
        raise SystemExit(str(error)) from error
    print(f"Loading the benchmark data set (scale {scale}):", flush=True)
    counts = BenchData(log=lambda line: print(line, flush=True), scale=scale).load()
    sqlite_statistics.gather()  # as the site gathers them after a bulk load
    seconds = counts.pop("seconds")
    summary = ", ".join(f"{count} {name}" for name, count in counts.items())
    print(f"Benchmark data ready in {seconds} s: {summary}.")
