"""Testimonials' part of the demo site: customers and their testimonials, case studies,
the testimonial wall, the submission page and the policy page on how testimonials are
collected, then the advocate program (see advocates), and the Japanese versions of
those pages (see japanese). Registered with home.demo, which runs it after comparisons' part: it quotes
comparisons' products."""

import datetime

from django.utils import timezone

from wagtail.models import Page

from comparisons.models import Product
from home.demo import (
    add_child,
    add_page,
    japanese_locale,
    register,
    translate,
    translate_child,
    update_settings,
)
from home.models import StandardPage
from testimonials.author_edits import withdraw
from testimonials.demo import japanese
from testimonials.demo.advocates import load_advocate_program
from testimonials.demo.collection import load_review_collection
from testimonials.demo.customers import (
    CASE_STUDIES,
    CUSTOMERS,
    EXCERPTS,
    JAPANESE_TESTIMONIALS,
    TESTIMONIALS,
)
from testimonials.models import (
    Advocate,
    AdvocateActivity,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyQuote,
    Customer,
    CustomerContact,
    Invitation,
    InvitationCampaign,
    NpsInvitation,
    NpsResponse,
    ReferenceRequest,
    ReferralVisitDay,
    Testimonial,
    TestimonialReply,
    TestimonialSubmissionPage,
    TestimonialWallPage,
)
from testimonials.tallies import counting_once

POLICY_INTRO = "How we collect, check and publish what customers say about our products."
POLICY_BODY = [
    ("heading", {"text": "Everyone can write, every rating is published", "anchor": "publishing"}),
    (
        "paragraph",
        "<p>Anyone can send us a testimonial with the form on this site. An editor reads each one. We publish low ratings exactly like high ones: the only reasons we reject a testimonial are spam, not being a customer, personal data, being off-topic, duplicates and missing consent. Each product page shows how many testimonials we received, published, rejected (and why) and how many were withdrawn.</p>",
    ),
    ("heading", {"text": "Exactly in your words", "anchor": "words"}),
    (
        "paragraph",
        "<p>We never edit what customers write. Where a testimonial is shortened, it is marked “excerpt” and links to the full original.</p>",
    ),
    ("heading", {"text": "Verification and disclosure", "anchor": "labels"}),
    (
        "paragraph",
        "<p>A testimonial is marked verified only when we matched its author to a customer account, an invoice or a call, and the label says which. When we gave anything for a testimonial (a discount, a gift, a payment) the label says so next to the quote. Employees and partners are labelled as such.</p>",
    ),
    ("heading", {"text": "Withdrawing", "anchor": "withdrawing"}),
    (
        "paragraph",
        "<p>Every author receives a private link to withdraw their testimonial at any time. It disappears from the site at once, including from case studies.</p>",
    ),
]


def load(site):
    policy = add_child(
        site.home,
        StandardPage,
        slug="how-we-collect-testimonials",
        title="How we collect testimonials",
        intro=POLICY_INTRO,
        body=POLICY_BODY,
    )
    products = {product.name: product for product in Product.objects.in_source_language()}
    # Each product's figures counted once, when its testimonials are all there.
    with counting_once():
        customers = load_customers()
        load_testimonials(products, customers)
        wall = load_pages(site, products, customers)
        update_settings(site.home, testimonial_policy_page=policy, testimonial_wall_page=wall)
        load_advocate_program(site.home, site.today)
        load_review_collection(products, site.today)


def load_customers():
    customers = {}
    for name, (industry, size, website) in CUSTOMERS.items():
        customers[name] = Customer.objects.create(
            name=name, industry=industry, size=size, website=website
        )
    return customers


def load_testimonials(products, customers):
    """Approved ones are published the way an editor would, so they carry a revision."""
    now = timezone.now()
    for product, rating, quote, name, role, company, extra in [
        *TESTIMONIALS,
        *((*spec[:-1], {**spec[-1], "language": "ja"}) for spec in JAPANESE_TESTIMONIALS),
    ]:
        testimonial = Testimonial.objects.create(
            product=products[product],
            author_name=name,
            quote=quote,
            rating=rating,
            excerpt=EXCERPTS.get(quote, ""),
            author_role=role,
            author_company=company,
            customer=customers.get(company),
            email=extra.get("email", f"{name.split()[0].lower()}@customer.example"),
            language=extra.get("language", "en"),
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
            withdraw(testimonial)


def load_pages(site, products, customers):
    """The wall, the case studies and the submission page; returns the wall."""
    wall = add_child(
        site.home,
        TestimonialWallPage,
        slug="testimonials",
        title="What customers say",
        intro="<p>What customers tell us about our products, in their own words.</p>",
        show_in_menus=True,
    )
    index = add_child(
        site.home,
        CaseStudyIndexPage,
        slug="case-studies",
        title="Case studies",
        intro="<p>How customers use our products, in their words and their numbers, "
        "approved by them before publication.</p>",
        show_in_menus=True,
    )
    for slug, spec in CASE_STUDIES.items():
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
                    {"label": label, "before": before, "after": after, "unit": unit, "note": note},
                )
                for label, before, after, unit, note in spec["results"]
            ],
            customer_approved_on=site.today - datetime.timedelta(days=spec["approved_days_ago"]),
            quotes=[
                CaseStudyQuote(testimonial=quote, sort_order=order)
                for order, quote in enumerate(q for q in quotes if q)
            ],
            products=[products[name] for name in spec["products"]],
        )
        page.tags.add(*spec["tags"])  # kept with the unsaved page, saved with it
        add_page(index, page)
    add_child(
        site.home,
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


def translate_pages(site):
    """Japanese versions of every public page type: the policy page, the wall, the
    case studies (the index and one case study), the submission form, the NPS survey
    (inviting to the Japanese form) and the demo request form."""
    locale = japanese_locale()
    home = site.home
    translate_child(home, "how-we-collect-testimonials", locale, japanese.POLICY)
    translate_child(home, "testimonials", locale, japanese.WALL)
    translate_child(home, "share-your-experience", locale, japanese.SUBMISSION)
    index = Page.objects.child_of(home).filter(slug="case-studies").first()
    if index is not None:
        translate(index.specific, locale, japanese.CASE_STUDY_INDEX)
        for slug, text in japanese.CASE_STUDIES.items():
            translate_child(
                index, slug, locale, lambda page, text=text: japanese.case_study_text(page, text)
            )
    translate_child(home, "how-are-we-doing", locale, survey_text)
    translate_child(
        home,
        "request-a-demo",
        locale,
        lambda page: {**japanese.DEMO_REQUEST, "form_fields": japanese.relabel(page)},
    )


def survey_text(page):
    """The survey invites to the submission form in the survey's own language."""
    share_page = page.share_page and page.share_page.get_translation_or_none(japanese_locale())
    return {**japanese.NPS_SURVEY, "share_page": share_page or page.share_page}


register(
    "testimonials",
    load,
    translate=translate_pages,
    after=["comparisons"],
    evidence=[Customer, Testimonial],
    counted=[
        Customer,
        Testimonial,
        Advocate,
        AdvocateActivity,
        ReferenceRequest,
        NpsInvitation,
        NpsResponse,
        ReferralVisitDay,
        CustomerContact,
        InvitationCampaign,
        Invitation,
        TestimonialReply,
    ],
)
