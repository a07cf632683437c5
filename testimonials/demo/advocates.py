"""Demo advocate program: advocates with their activity, reference requests, an NPS
survey with answers across several months (promoters, passives and detractors), a
demo request page, and referral links with visits and a conversion. Every person and
company here is invented. Loaded with the rest of testimonials' part of the demo.

The demo asks nobody more than the fatigue limit allows, whatever the day it is loaded
(its dates count back from that day, and near a quarter's end more of them share one):
the approved reference goes to an advocate with room, as the admin would insist, and
an activity that would take its advocate past the limit is left out."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from comparisons.models import Product
from home.demo import add_child
from testimonials.models import (
    Advocate,
    AdvocateActivity,
    Customer,
    DemoRequestFormField,
    DemoRequestPage,
    DemoRequestSubmission,
    NpsInvitation,
    NpsResponse,
    NpsSurveyPage,
    ReconfirmationRequest,
    ReferenceRequest,
    ReferralVisitDay,
    Testimonial,
    TestimonialSubmissionPage,
)
from testimonials.program import program_settings

# Who asked for the demo's references: a salesperson nobody can log in as.
SALESPERSON = {"username": "demo-sales", "first_name": "Jonas", "last_name": "Berg"}

# name: (customer, role, type, recognition, referral code, months a customer as of)
ADVOCATES = {
    "Maya Okafor": ("Harbour Books", "Head of Support", "educator", "speaking", "maya", 20),
    "Samuel Adeyemi": (
        "Northfield Academy",
        "IT Lead",
        "validator",
        "public_credit",
        "northfield",
        14,
    ),
    "Elena Rossi": ("Copperleaf Software", "IT Administrator", "collaborator", "roadmap", "", 10),
    "Priya Raman": ("Lumen Clinics", "Operations Manager", "collaborator", "roadmap", "", 9),
    "Marta Kowalski": (
        "Copperleaf Software",
        "Support Team Lead",
        "status_seeker",
        "peers",
        "",
        16,
    ),
}

# Testimonials given long ago, so that the re-confirmation flow has work to show:
# product, rating, words, author, role, company, days ago.
OLD_TESTIMONIALS = [
    (
        "Fernhill Desk",
        4,
        "We run three brands from one Fernhill Desk account. Macros per brand took a while to set up, but now nobody picks the wrong signature.",
        "Marta Kowalski",
        "Support Team Lead",
        "Copperleaf Software",
        455,
    ),
    (
        "Fernhill Chat",
        3,
        "Chat works, but the mobile app drops notifications when the phone is locked. We keep a desktop open as a workaround.",
        "Henrik Lund",
        "Store Owner",
        "",
        410,
    ),
]

# advocate: [(kind, days ago, description, link)]
ACTIVITIES = {
    "Maya Okafor": [
        (
            "external_review",
            130,
            "Review on a software review site",
            "https://reviews.example/fernhill-desk/maya",
        ),
        ("event", 200, "Webinar: moving a bookshop's support off a shared inbox", ""),
    ],
    "Samuel Adeyemi": [("case_study", 80, "Interview for the Northfield Academy case study", "")],
    "Elena Rossi": [("event", 30, "Customer panel at the spring user meeting", "")],
}

# (product, industry, what the prospect needs, needed in days, decision, advocate, note)
REFERENCE_REQUESTS = [
    (
        "Fernhill Desk",
        "retail",
        "A bookshop chain of 12 stores moving off a shared inbox wants to hear how long the switch took.",
        10,
        "approved",
        "Maya Okafor",
        "{name} prefers video calls on Tuesday or Thursday afternoons.",
    ),
    (
        "Fernhill Desk",
        "education",
        "A school district needs to know how SSO and the audit log work for a small IT team.",
        21,
        "requested",
        None,
        "",
    ),
    (
        "Fernhill Chat",
        "healthcare",
        "A clinic group asks whether anyone uses chat for patient questions.",
        5,
        "declined",
        None,
        "We have no healthcare customer using chat for patients; we told the prospect so.",
    ),
]

# Scores of the NPS answers, newest first, about a week apart: promoters, passives
# and detractors mixed, as real answers are.
NPS_SCORES = [
    10,
    9,
    7,
    3,
    9,
    8,
    10,
    6,
    9,
    2,
    8,
    10,
    9,
    7,
    5,
    9,
    10,
    8,
    4,
    9,
    10,
    7,
    9,
    6,
    10,
    8,
    9,
    1,
    10,
    7,
    9,
    9,
    6,
    10,
]
NPS_COMMENTS = {
    3: "Setup was fine, but we still cannot route phone calls into tickets.",
    9: "The weekend support gap hurts our team in North America.",
    1: "Billing changed twice this year without warning.",
    0: "Simple, fast and honest about what it cannot do.",
    4: "Reporting is the best part.",
}
UNANSWERED_INVITATIONS = 2

# Referral visits per advocate: (days ago, visits).
REFERRAL_VISITS = {
    "Maya Okafor": [(3, 4), (9, 2), (24, 6), (40, 3), (70, 5), (100, 2), (130, 4)],
    "Samuel Adeyemi": [(6, 1), (35, 3), (65, 2), (150, 1)],
}


def load_advocate_program(home, today):
    customers = {customer.name: customer for customer in Customer.objects.all()}
    products = {product.name: product for product in Product.objects.ours()}
    demo_page = demo_request_page(home)
    advocates = load_advocates(customers, today, demo_page)
    load_old_testimonials(products, customers, advocates)
    link_testimonials(advocates)
    limit = program_settings().fatigue_limit
    load_reference_requests(products, advocates, today, limit)
    load_activities(advocates, today, limit)
    load_nps(home, customers, today)
    load_referrals(advocates, demo_page, today)
    load_reconfirmation_request(advocates)


def demo_request_page(home):
    return add_child(
        home,
        DemoRequestPage,
        slug="request-a-demo",
        title="Request a demo",
        intro="<p>Tell us what your team needs and we will show you how our products "
        "handle it, and where they do not.</p>",
        thank_you_text="<p>Thank you. Someone from our team replies within one working "
        "day to find a time.</p>",
        to_address="sales@fernhill.example",
        subject="Demo request",
        form_fields=[
            DemoRequestFormField(label="Your name", field_type="singleline", required=True),
            DemoRequestFormField(label="Work e-mail", field_type="email", required=True),
            DemoRequestFormField(label="Company", field_type="singleline", required=False),
            DemoRequestFormField(
                label="What would you like to see?", field_type="multiline", required=False
            ),
        ],
    )


def load_advocates(customers, today, demo_page):
    """The demo advocates by name."""
    return {
        name: Advocate.objects.create(
            name=name,
            email=f"{name.split()[0].lower()}@customer.example",
            role=role,
            customer=customers[company],
            advocate_type=kind,
            recognition=recognition,
            customer_as_of=today - datetime.timedelta(days=30 * months),
            referral_code=code or None,
            referral_page=demo_page if code else None,
        )
        for name, (company, role, kind, recognition, code, months) in ADVOCATES.items()
    }


def load_old_testimonials(products, customers, advocates):
    now = timezone.now()
    for product, rating, quote, name, role, company, days in OLD_TESTIMONIALS:
        testimonial = Testimonial.objects.create(
            product=products[product],
            author_name=name,
            quote=quote,
            rating=rating,
            author_role=role,
            author_company=company,
            customer=customers.get(company),
            advocate=advocates.get(name),
            email=f"{name.split()[0].lower()}@customer.example",
            consent_name=True,
            consent_company=bool(company),
            consent_given_at=now - datetime.timedelta(days=days),
            submitted_at=now - datetime.timedelta(days=days),
            verification=Testimonial.Verification.ACCOUNT,
            live=False,
        )
        testimonial.save_revision().publish()


def link_testimonials(advocates):
    """Each advocate's testimonials, from the rest of the demo too."""
    for name, advocate in advocates.items():
        Testimonial.objects.filter(
            author_name=name, customer=advocate.customer, advocate=None
        ).update(advocate=advocate)


def has_room(advocate, day, limit):
    """Whether one more ask on ``day`` keeps the advocate within the limit."""
    return Advocate.objects.with_load(day).get(pk=advocate.pk).load < limit


def load_activities(advocates, today, limit):
    for name, activities in ACTIVITIES.items():
        advocate = advocates[name]
        for kind, days, description, link in activities:
            if not has_room(advocate, today - datetime.timedelta(days=days), limit):
                continue
            AdvocateActivity.objects.create(
                advocate=advocate,
                kind=kind,
                description=description,
                date=today - datetime.timedelta(days=days),
                link=link,
            )


def load_reference_requests(products, advocates, today, limit):
    salesperson = demo_salesperson()
    for product, industry, need, days, status, name, note in REFERENCE_REQUESTS:
        advocate = advocates.get(name)
        if advocate is not None and not has_room(advocate, today, limit):
            advocate = least_asked(advocates, today, limit)
        request = ReferenceRequest.objects.create(
            product=products[product],
            prospect_need=need,
            industry=industry,
            needed_by=today + datetime.timedelta(days=days),
            status=status,
            advocate=advocate,
            editor_note=note.format(name=advocate.name.split()[0]) if advocate else note,
            requested_by=salesperson,
            decided_at=timezone.now() if status != "requested" else None,
        )
        request.record_reference_call()


def least_asked(advocates, today, limit):
    """The demo advocate an editor would choose instead: the least asked, with room."""
    return (
        Advocate.objects.filter(pk__in=[advocate.pk for advocate in advocates.values()])
        .least_asked_first(today)
        .filter(load__lt=limit)
        .first()
    )


def demo_salesperson():
    """The demo's salesperson: made without a password, so nobody can log in as them;
    an account of that name made by someone else is used as it is."""
    user, created = get_user_model().objects.get_or_create(
        username=SALESPERSON["username"],
        defaults={key: value for key, value in SALESPERSON.items() if key != "username"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        # The role migrations made; a site that deleted the group gets a user without it.
        user.groups.add(*Group.objects.filter(name="Sales"))
    return user


def load_nps(home, customers, today):
    share_page = TestimonialSubmissionPage.objects.child_of(home).first()
    survey = add_child(
        home,
        NpsSurveyPage,
        slug="how-are-we-doing",
        title="How are we doing?",
        intro="<p>One question, and room to tell us why. It takes a minute.</p>",
        thank_you_text="<p>Thank you for your answer. We read every comment, the critical "
        "ones first.</p>",
        share_page=share_page,
    )
    companies = list(customers.values())
    now = timezone.now()
    count = len(NPS_SCORES) + UNANSWERED_INVITATIONS
    for number in range(count):
        answered_at = now - datetime.timedelta(days=7 * number + 2)
        invitation = NpsInvitation.objects.create(
            email=f"survey{number + 1}@customer.example",
            survey=survey,
            name=f"Survey respondent {number + 1}",
            customer=companies[number % len(companies)],
            created_at=answered_at - datetime.timedelta(days=1),
            sent_at=answered_at - datetime.timedelta(days=1),
        )
        if number < len(NPS_SCORES):
            NpsResponse.objects.create(
                invitation=invitation,
                score=NPS_SCORES[number],
                comment=NPS_COMMENTS.get(number, ""),
                answered_at=answered_at,
            )


def load_referrals(advocates, demo_page, today):
    for name, visits in REFERRAL_VISITS.items():
        for days, count in visits:
            ReferralVisitDay.objects.create(
                advocate=advocates[name], day=today - datetime.timedelta(days=days), visits=count
            )
    submission = DemoRequestSubmission.objects.create(
        page=demo_page,
        referred_by=advocates["Maya Okafor"],
        form_data={
            "your_name": "Iris Novak",
            "work_e_mail": "iris@prospect.example",
            "company": "Novak Books",
            "what_would_you_like_to_see": "How you route email from three shop addresses.",
        },
    )
    # The submission time is set on creation; the demo request came in last month.
    DemoRequestSubmission.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=24)
    )


def load_reconfirmation_request(advocates):
    """Marta was asked ten days ago and has not answered yet."""
    marta = advocates["Marta Kowalski"]
    asked = timezone.now() - datetime.timedelta(days=10)
    request = ReconfirmationRequest.objects.create(
        email=marta.email, advocate=marta, created_at=asked, sent_at=asked
    )
    request.testimonials.set(Testimonial.objects.public().filter(advocate=marta))
