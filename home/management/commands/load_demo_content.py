"""Load the Fernhill Labs demo site, once.

`make run` runs this every time it starts, but only the first run loads anything.
The whole run is one transaction, so the demo is either all there or not at all,
and the demo home page is the first thing it creates. A later run finds content
(see ``already_loaded``) and creates, updates, re-saves and re-publishes nothing:
the site is its editors', authors' and erasure requests' by then. Looking demo
objects up again by their names or words would bring back what they deleted,
renamed, changed or erased. The one thing a later run applies is a ``--port``
given on the command line, to the default site: links in e-mails, the sitemap and
canonical URLs must point where the site is served."""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page, Site

from comparisons.demo import catalogue as demo
from comparisons.demo.corrections import load_corrections
from comparisons.models import (
    ComparedCriterion,
    ComparedProduct,
    ComparisonIndexPage,
    ComparisonPage,
    Criterion,
    Fact,
    FactChange,
    InaccuracyReport,
    NotSuitableFor,
    Product,
    ProductIndexPage,
    ProductPage,
)
from home.demo.translate import translate_demo_pages
from home.models import HomePage, SiteSettings, StandardPage
from testimonials.demo import customers as advocacy
from testimonials.demo.advocates import load_advocate_program
from testimonials.models import (
    Advocate,
    AdvocateActivity,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyQuote,
    Customer,
    NpsInvitation,
    NpsResponse,
    ReferenceRequest,
    ReferralVisitDay,
    Testimonial,
    TestimonialSubmissionPage,
    TestimonialWallPage,
)

# Most values were checked recently; a few are deliberately stale (see demo_content).
RECENT_DAYS = (12, 20, 35, 48, 60, 75)

# What the run reports having created, counted before and after it.
TALLIED = (
    Product,
    Criterion,
    Fact,
    FactChange,
    InaccuracyReport,
    Customer,
    Testimonial,
    Advocate,
    AdvocateActivity,
    ReferenceRequest,
    NpsInvitation,
    NpsResponse,
    ReferralVisitDay,
)

ALREADY_LOADED = "Demo content is already loaded: nothing was added or changed."


class Command(BaseCommand):
    help = (
        "Create the Fernhill Labs demo site: products, facts, product and comparison pages. "
        "Only into a database without content: once loaded, it is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            help="The port the site is served on, so links in e-mails, the sitemap and "
            "canonical URLs point at it (make run passes its PORT).",
        )

    @transaction.atomic
    def handle(self, *args, port=None, **options):
        if already_loaded():
            apply_port(port)
            self.stdout.write(ALREADY_LOADED)
            return
        self.today = timezone.localdate()
        before = tally()
        home = self.home_page(port)
        products = self.products()
        criteria = self.criteria()
        self.facts(products, criteria)
        self.product_pages(home, products)
        self.comparison_pages(home, products, criteria)
        methodology = self.child(
            home,
            StandardPage,
            slug="how-we-compare",
            title="How we compare",
            intro=demo.METHODOLOGY_INTRO,
            body=demo.METHODOLOGY_BODY,
            show_in_menus=True,
        )
        testimonial_policy = self.child(
            home,
            StandardPage,
            slug="how-we-collect-testimonials",
            title="How we collect testimonials",
            intro=advocacy.POLICY_INTRO,
            body=advocacy.POLICY_BODY,
        )
        customers = self.customers()
        self.testimonials(products, customers)
        wall = self.advocacy_pages(home, products, customers)
        self.site_settings(home, methodology, testimonial_policy, wall)
        load_corrections(products, criteria)
        load_advocate_program(home)
        translate_demo_pages(home)

        created = created_since(before)
        call_command("rebuild_references_index", verbosity=0)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Demo content: created {', '.join(created)}."))

    def home_page(self, port=None):
        """The demo home page, made the default site's root (the default site is created
        if there is none). The plain "Welcome" page Wagtail's migrations create as its
        root is deleted. ``port`` is the one make run serves the site on."""
        root = Page.get_first_root_node()
        home = self.add(
            root,
            HomePage(
                title=demo.COMPANY,
                slug="fernhill-labs",
                honesty_promise=demo.HONESTY_PROMISE,
                intro=demo.HOME_INTRO,
            ),
        )
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            site = Site(hostname="localhost", is_default_site=True)
        previous_root = site.root_page if site.root_page_id else None
        site.root_page = home
        site.site_name = demo.COMPANY
        if port:
            site.port = port
        site.save()  # save(), not update(): it clears Wagtail's cache of site root paths
        if previous_root is not None and previous_root.content_type_id == (
            ContentType.objects.get_for_model(Page).pk
        ):
            previous_root.delete()
        return home

    def site_settings(self, home, methodology, testimonial_policy, wall):
        settings = SiteSettings.for_site(home.get_site())
        settings.company_name = demo.COMPANY
        settings.default_description = demo.DEFAULT_DESCRIPTION
        settings.methodology_page = methodology
        settings.testimonial_policy_page = testimonial_policy
        settings.testimonial_wall_page = wall
        settings.corrections_email = demo.CORRECTIONS_EMAIL
        settings.save()

    def products(self):
        products = {}
        for name, (vendor, is_ours, website, summary, _plan) in demo.PRODUCTS.items():
            products[name] = Product.objects.create(
                name=name, vendor=vendor, is_ours=is_ours, website=website, summary=summary
            )
        return products

    def criteria(self):
        criteria = {}
        for order, (name, (group, kind, direction, unit, help_text)) in enumerate(
            demo.CRITERIA.items()
        ):
            criteria[name] = Criterion.objects.create(
                name=name,
                group=group,
                kind=kind,
                direction=direction,
                unit=unit,
                help_text=help_text,
                sort_order=order,
            )
        return criteria

    def facts(self, products, criteria):
        for product_name, values in demo.FACTS.items():
            product = products[product_name]
            plan = demo.PRODUCTS[product_name][4]
            for number, (criterion_name, entry) in enumerate(values.items()):
                criterion = criteria[criterion_name]
                value, availability, note, age = self.unpack(entry, number)
                fact = Fact(
                    product=product,
                    criterion=criterion,
                    plan=plan,
                    support=value if criterion.kind == Criterion.Kind.SUPPORT else "",
                    text=value if criterion.kind == Criterion.Kind.TEXT else "",
                    number=Decimal(str(value))
                    if criterion.kind in {Criterion.Kind.NUMBER, Criterion.Kind.RATING}
                    else None,
                    availability=availability,
                    note=note,
                    source_url=product.website.rstrip("/") + demo.SOURCES[criterion.group],
                    verified_on=self.today - datetime.timedelta(days=age),
                )
                fact.full_clean()
                fact.save()

    @staticmethod
    def unpack(entry, number):
        """A fact is a bare value, or (value, availability, note[, age in days])."""
        if not isinstance(entry, tuple):
            entry = (entry,)
        value, availability, note, age = (entry + ("", "", None))[:4]
        return value, availability, note, age or RECENT_DAYS[number % len(RECENT_DAYS)]

    def product_pages(self, home, products):
        index = self.child(
            home,
            ProductIndexPage,
            slug="products",
            title="Products",
            intro="<p>What each of our products does well, where it falls short, and who "
            "should buy something else.</p>",
            show_in_menus=True,
        )
        for slug, spec in demo.PRODUCT_PAGES.items():
            self.child(
                index,
                ProductPage,
                slug=slug,
                title=spec["product"],
                product=products[spec["product"]],
                summary=spec["summary"],
                pricing=spec["pricing"],
                pricing_note=spec["pricing_note"],
                strengths=[("strength", item) for item in spec["strengths"]],
                limitations=[("limitation", item) for item in spec["limitations"]],
                ideal_for=[("audience", item) for item in spec["ideal_for"]],
                last_reviewed=self.today - datetime.timedelta(days=21),
                # Orderable items keep the order given here on every database.
                not_suitable_for=[
                    NotSuitableFor(
                        situation=situation,
                        reason=reason,
                        alternative=products[alt],
                        sort_order=order,
                    )
                    for order, (situation, reason, alt) in enumerate(spec["not_suitable_for"])
                ],
            )

    def comparison_pages(self, home, products, criteria):
        index = self.child(
            home,
            ComparisonIndexPage,
            slug="compare",
            title="Compare",
            intro="<p>Our products side by side with the alternatives. Every value has a "
            "source and a date, and rows competitors win are marked as clearly as ours.</p>",
            show_in_menus=True,
        )
        for slug, spec in demo.COMPARISON_PAGES.items():
            self.child(
                index,
                ComparisonPage,
                slug=slug,
                title=spec["title"],
                intro=spec["intro"],
                selection_note=spec["selection_note"],
                author_name=demo.AUTHOR,
                reviewed_on=self.today - datetime.timedelta(days=14),
                compared_products=[
                    ComparedProduct(
                        product=products[name],
                        plan=demo.PRODUCTS[name][4],
                        best_for=best_for,
                        sort_order=order,
                    )
                    for order, (name, best_for) in enumerate(spec["products"])
                ],
                compared_criteria=[
                    ComparedCriterion(criterion=criteria[name], sort_order=order)
                    for order, name in enumerate(spec["criteria"])
                ],
            )

    def customers(self):
        customers = {}
        for name, (industry, size, website) in advocacy.CUSTOMERS.items():
            customers[name] = Customer.objects.create(
                name=name, industry=industry, size=size, website=website
            )
        return customers

    def testimonials(self, products, customers):
        """Approved ones are published the way an editor would, so they carry a revision."""
        now = timezone.now()
        for product, rating, quote, name, role, company, extra in advocacy.TESTIMONIALS:
            testimonial = Testimonial.objects.create(
                product=products[product],
                author_name=name,
                quote=quote,
                rating=rating,
                excerpt=advocacy.EXCERPTS.get(quote, ""),
                author_role=role,
                author_company=company,
                customer=customers.get(company),
                email=f"{name.split()[0].lower()}@customer.example",
                consent_name=True,
                consent_company=bool(company),
                consent_given_at=now - datetime.timedelta(days=extra["days"]),
                relationship=extra.get("relationship", Testimonial.Relationship.CUSTOMER),
                incentive=extra.get("incentive", Testimonial.Incentive.NONE),
                incentive_detail=extra.get("incentive_detail", ""),
                source=Testimonial.Source.FORM,
                verification=extra.get("verification", ""),
                submitted_at=now - datetime.timedelta(days=extra["days"]),
                live=False,
            )
            testimonial.tags.add(*extra.get("tags", []))
            testimonial.save()
            state = extra.get("state", "approved")
            if state == "approved":
                testimonial.save_revision().publish()
            elif state == "rejected":
                testimonial.reject(extra["reason"])
            elif state == "withdrawn":
                testimonial.save_revision().publish()
                testimonial.withdraw()

    def advocacy_pages(self, home, products, customers):
        wall = self.child(
            home,
            TestimonialWallPage,
            slug="testimonials",
            title="What customers say",
            intro="<p>What customers tell us about our products, in their own words.</p>",
            show_in_menus=True,
        )
        index = self.child(
            home,
            CaseStudyIndexPage,
            slug="case-studies",
            title="Case studies",
            intro="<p>How customers use our products, in their words and their numbers, "
            "approved by them before publication.</p>",
            show_in_menus=True,
        )
        for slug, spec in advocacy.CASE_STUDIES.items():
            quotes = [
                Testimonial.objects.public()
                .filter(author_name=author, customer=customers[spec["customer"]])
                .first()
                for author in spec["quotes"]
            ]
            page = CaseStudyPage(
                slug=slug,
                title=spec["title"],
                customer=customers[spec["customer"]],
                summary=spec["summary"],
                challenge=spec["challenge"],
                solution=spec["solution"],
                results=[
                    (
                        "metric",
                        {
                            "label": label,
                            "before": before,
                            "after": after,
                            "unit": unit,
                            "note": note,
                        },
                    )
                    for label, before, after, unit, note in spec["results"]
                ],
                customer_approved_on=self.today
                - datetime.timedelta(days=spec["approved_days_ago"]),
                quotes=[
                    CaseStudyQuote(testimonial=quote, sort_order=order)
                    for order, quote in enumerate(q for q in quotes if q)
                ],
                products=[products[name] for name in spec["products"]],
            )
            page.tags.add(*spec["tags"])  # kept with the unsaved page, saved with it
            self.add(index, page)
        self.child(
            home,
            TestimonialSubmissionPage,
            slug="share-your-experience",
            title="Share your experience",
            intro="<p>Good or bad, tell us how our product works for you. We publish low "
            "ratings exactly like high ones.</p>",
            thank_you_text="<p>Thank you. An editor reads every testimonial within two "
            "working days. If it is approved, it appears on our site in your words, with "
            "your rating and the labels that apply to it.</p>",
            notify_emails="editors@fernhill.example",
            show_in_menus=True,
        )
        return wall

    def child(self, parent, model, slug, **fields):
        """A new page at ``slug`` under ``parent``, published."""
        return self.add(parent, model(slug=slug, **fields))

    @staticmethod
    def add(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


def already_loaded():
    """Whether the database has content already: the demo home page, which is the
    first thing a run creates (the run being one transaction, the rest came with
    it), or, should an editor have deleted or replaced that page, any product,
    criterion, customer or testimonial. The demo loads into a database without
    any; into one with them it would bring back what people deleted or changed."""
    return any(
        model.objects.exists() for model in (HomePage, Product, Criterion, Customer, Testimonial)
    )


def apply_port(port):
    """The one change a later run makes: links must point where the site is served."""
    site = Site.objects.filter(is_default_site=True).first()
    if port and site is not None and site.port != port:
        site.port = port
        site.save(update_fields=["port"])  # save() clears Wagtail's cache of site root paths


def tally():
    """How many of each demo object exist. Pages count whatever their type, except
    the plain "Welcome" page Wagtail's migrations create (the first run removes it)."""
    counts = {model: model.objects.count() for model in TALLIED}
    plain_page = ContentType.objects.get_for_model(Page)
    counts[Page] = Page.objects.exclude(content_type=plain_page).count()
    return counts


def created_since(before):
    """What this run added, e.g. ["3 facts", "1 page"]: the demo loader only adds,
    so a count that grew is what it created."""
    created = []
    for model, count in tally().items():
        added = count - before[model]
        if added > 0:
            meta = model._meta
            name = meta.verbose_name if added == 1 else meta.verbose_name_plural
            created.append(f"{added} {name}")
    return created
