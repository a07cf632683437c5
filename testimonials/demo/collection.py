"""Demo review collection: a customer list of 40 people (English and Japanese, several
plans, regions and lawful bases), one launched invitation campaign per product of ours
with what became of each invitation (sent, answered, one bounced, one customer who
unsubscribed), the invited testimonials that answered them (published, low ratings
too), reviews imported from G2 and Capterra, a testimonial that followed the NPS
survey, and our public replies, one to a low rating, in English and Japanese. Enough
for each product's report on how its reviews were collected to say something,
including that not every customer of Fernhill Chat was invited. Every person and
company here is invented. Loaded with the rest of testimonials' part of the demo."""

import datetime

from django.utils import timezone

from testimonials.models import (
    CustomerContact,
    Invitation,
    InvitationCampaign,
    NpsInvitation,
    Testimonial,
    TestimonialReply,
)

DESK, CHAT, HELP_CENTRE = "Fernhill Desk", "Fernhill Chat", "Fernhill Answers"

# name, company, language, region
PEOPLE = [
    ("Alice Moreau", "Harbour Books", "en", "Europe"),
    ("Ben Carter", "Saltmarsh Outfitters", "en", "Europe"),
    ("Chloe Adams", "Northfield Academy", "en", "Europe"),
    ("Daniel Price", "Lumen Clinics", "en", "North America"),
    ("Emma Lindqvist", "Copperleaf Software", "en", "Europe"),
    ("Felix Novak", "Brightwater Legal", "en", "Europe"),
    ("Grace Kim", "Oakline Logistics", "en", "North America"),
    ("Hugo Silva", "Tidepool Games", "en", "Europe"),
    ("Isla Murray", "Kestrel Travel", "en", "Europe"),
    ("Jack Thompson", "Meadowlark Foods", "en", "North America"),
    ("Kira Patel", "Bluebell Dental", "en", "Europe"),
    ("Liam O'Connor", "Granite Insurance", "en", "Europe"),
    ("Mia Fischer", "Rowan Architects", "en", "Europe"),
    ("Noah Brooks", "Silverpine Energy", "en", "North America"),
    ("Olivia Grant", "Willow Pet Care", "en", "North America"),
    ("Paul Dubois", "Harbour Books", "en", "Europe"),
    ("Quinn Harper", "Ember Fitness", "en", "North America"),
    ("Rosa Jimenez", "Lumen Clinics", "en", "North America"),
    ("Sam Whitfield", "Northfield Academy", "en", "Europe"),
    ("Tara Byrne", "Copperleaf Software", "en", "Europe"),
    ("伊藤 大輔", "さくら書店", "ja", "Japan"),
    ("渡辺 彩", "みなと物流", "ja", "Japan"),
    ("山本 翔太", "青葉クリニック", "ja", "Japan"),
    ("中村 由美", "ひかりソフト", "ja", "Japan"),
    ("小林 直樹", "さくら書店", "ja", "Japan"),
    ("加藤 恵", "つばさ旅行", "ja", "Japan"),
    ("吉田 拓也", "みどり食品", "ja", "Japan"),
    ("山田 花子", "青葉クリニック", "ja", "Japan"),
    ("佐々木 亮", "ひかりソフト", "ja", "Japan"),
    ("松本 さくら", "こもれび保育園", "ja", "Japan"),
    ("井上 誠", "みなと物流", "ja", "Japan"),
    ("木村 真理", "つばさ旅行", "ja", "Japan"),
    ("林 健一", "みどり食品", "ja", "Japan"),
    ("清水 香織", "こもれび保育園", "ja", "Japan"),
    ("森 隆", "さくら書店", "ja", "Japan"),
    ("池田 優子", "青葉クリニック", "ja", "Japan"),
    ("橋本 翼", "ひかりソフト", "ja", "Japan"),
    ("阿部 千尋", "つばさ旅行", "ja", "Japan"),
    ("石川 悠", "みどり食品", "ja", "Japan"),
    ("前田 結衣", "こもれび保育園", "ja", "Japan"),
]
PLANS = ("Starter", "Team", "Business")
BASES = ("contract", "contract", "legitimate_interests", "consent")
BOUNCED, UNSUBSCRIBED = "Hugo Silva", "Ben Carter"

# Campaign per product: name, days ago launched, segment (neutral facts only).
CAMPAIGNS = {
    DESK: ("Fernhill Desk: every customer, autumn", 75, {}),
    # Chat's customers on the Starter plan were left for a later campaign, so its
    # report says that not every customer was invited.
    CHAT: ("Fernhill Chat: Team and Business plans", 40, {"plans": ["Team", "Business"]}),
    HELP_CENTRE: ("Fernhill Answers: every customer", 12, {}),
}

# Who answered: name, product, rating, words, role, days after the invitation.
ANSWERS = [
    (
        "Alice Moreau",
        DESK,
        5,
        "The invitation asked for an honest review, so here it is: we answer twice as many emails with the same team as a year ago.",
        "Support Lead",
        3,
    ),
    (
        "Mia Fischer",
        DESK,
        2,
        "Fine for email, but we still have no phone channel and the mobile app is slow to load long threads. We have asked for both for a year.",
        "Office Manager",
        5,
    ),
    (
        "Grace Kim",
        DESK,
        4,
        "Routing rules took an afternoon to set up and have not needed touching since. Reports could go deeper.",
        "Operations Manager",
        2,
    ),
    (
        "Kira Patel",
        DESK,
        3,
        "It does what we need, no more. Pricing went up this year and the new tier is hard to justify for a team of four.",
        "Practice Manager",
        9,
    ),
    (
        "伊藤 大輔",
        DESK,
        4,
        "問い合わせの担当者が一目で分かるようになり、対応漏れがなくなりました。日本語の検索精度はもう少し改善してほしいです。",
        "店長",
        4,
    ),
    (
        "山本 翔太",
        DESK,
        1,
        "予約システムとの連携ができず、結局手作業で転記しています。サポートの回答も英語のみで、導入を後悔しています。",
        "事務長",
        6,
    ),
    (
        "Chloe Adams",
        HELP_CENTRE,
        4,
        "Our help centre went live in a week and the search finds articles even when parents misspell things. Theming is limited.",
        "IT Coordinator",
        2,
    ),
    (
        "Liam O'Connor",
        CHAT,
        5,
        "Chat widgets on three sites, one inbox. Customers get answers in minutes instead of hours.",
        "Head of Customer Success",
        1,
    ),
    (
        "Tara Byrne",
        CHAT,
        3,
        "Good chat, weak analytics. We export to a spreadsheet every week to see response times by hour.",
        "Service Desk Lead",
        4,
    ),
    (
        "中村 由美",
        CHAT,
        4,
        "チャットの自動応答で夜間の問い合わせにも対応できるようになりました。管理画面の日本語訳に少し不自然な箇所があります。",
        "カスタマーサクセス",
        2,
    ),
]

# platform, product, rating, words, author, role, days ago first posted, address
IMPORTED = [
    (
        "g2",
        DESK,
        4,
        "Easy to roll out to a small team, and the shared inbox finally ended the 'who is answering this?' question. Reporting is basic.",
        "Verified user in Retail",
        "Customer Service Manager",
        140,
        "https://reviews.example/g2/fernhill-desk/3412",
    ),
    (
        "capterra",
        DESK,
        3,
        "Good value until you need phone support. Their team is responsive, but the roadmap moves slowly.",
        "Marco R.",
        "Owner",
        210,
        "https://reviews.example/capterra/fernhill-desk/887",
    ),
    (
        "g2",
        CHAT,
        5,
        "The best chat widget we tried for a small online shop: quick to install, and customers actually use it.",
        "Verified user in E-commerce",
        "Founder",
        95,
        "https://reviews.example/g2/fernhill-chat/5120",
    ),
]

AFTER_NPS = (
    DESK,
    3,
    "I gave you a middling score in the survey. Setup was easy, but the monthly price keeps going up while the reports stay the same.",
    "Support Coordinator",
)

# Whose testimonial we answered, in the language they wrote in.
REPLIES = {
    "Mia Fischer": (
        "Thank you for saying this plainly. A phone channel is not on our plan for the next "
        "six months, and our product page says so under “Not suitable for”; the slow "
        "threads in the mobile app are fixed in version 4.2, released this month.",
        "Hannah Weiss",
        "Head of Product, Fernhill Desk",
    ),
    "山本 翔太": (
        "率直なご意見をありがとうございます。予約システムとの連携は現在提供しておらず、製品ページの"
        "「向いていない方」にもその旨を記載しています。日本語でのサポートは平日 9 時から 18 時まで"
        "承っておりますので、転記の手間を減らす方法をご案内させてください。",
        "田中 浩二",
        "カスタマーサポート部長",
    ),
}


def load_review_collection(products, today):
    """Everything above, for the products of ours in ``products`` (by name)."""
    now = timezone.now()
    contacts = load_contacts(products, today)
    invitations = {}
    for product_name, (name, days, segment) in CAMPAIGNS.items():
        invitations.update(launch(products[product_name], name, days, segment, contacts, now))
    answered = load_answers(products, contacts, invitations)
    load_imported(products, now)
    load_after_nps(products, now)
    load_replies(answered, now)


def load_contacts(products, today):
    """Everyone is a Desk customer except every fourth, who has Chat alone; every third
    has both; every fifth has Answers as well."""
    contacts = {}
    for n, (name, company, language, region) in enumerate(PEOPLE):
        ascii_name = name.split()[0].lower() if language == "en" else f"kokyaku{n}"
        contact = CustomerContact.objects.create(
            name=name,
            email=f"{ascii_name}.{n}@customer.example",
            company=company,
            customer_since=today - datetime.timedelta(days=90 + 37 * n),
            plan=PLANS[n % len(PLANS)],
            language=language,
            region=region,
            lawful_basis=BASES[n % len(BASES)],
        )
        owned = [CHAT] if n % 4 == 3 else [DESK, CHAT] if n % 3 == 0 else [DESK]
        owned += [HELP_CENTRE] if n % 5 == 2 else []
        contact.products.set([products[product] for product in owned])
        contacts[name] = contact
    return contacts


def launch(product, name, days, segment, contacts, now):
    """Launched ``days`` ago: every customer of the segment invited at once (the
    campaigns are launched oldest first)."""
    launched_at = now - datetime.timedelta(days=days)
    campaign = InvitationCampaign.objects.create(
        name=name,
        product=product,
        segment=segment,
        created_at=launched_at - datetime.timedelta(days=2),
        launched_at=launched_at,
    )
    invitations = {}
    for contact in campaign.contacts().order_by("pk"):
        if contact.is_unsubscribed:
            continue  # asked us not to write to them: never sent anything again
        invitations[(contact.name, product.pk)] = Invitation.objects.create(
            campaign=campaign,
            contact=contact,
            product=product,
            language=contact.language,
            created_at=launched_at,
            sent_at=launched_at,
            reminded_at=launched_at + datetime.timedelta(days=campaign.reminder_after_days),
            bounced_at=launched_at if contact.name == BOUNCED else None,
        )
        if contact.name == UNSUBSCRIBED:
            contact.unsubscribed_at = launched_at + datetime.timedelta(days=1)
            contact.save()
    return invitations


def publish(testimonial):
    testimonial.save_revision().publish()
    return testimonial


def load_answers(products, contacts, invitations):
    answered = {}
    for name, product_name, rating, quote, role, days in ANSWERS:
        contact, product = contacts[name], products[product_name]
        invitation = invitations[(name, product.pk)]
        at = invitation.sent_at + datetime.timedelta(days=days)
        invitation.answered_at = at
        invitation.reminded_at = None if days < 7 else invitation.reminded_at
        invitation.save()
        answered[name] = publish(
            Testimonial.objects.create(
                product=product,
                quote=quote,
                rating=rating,
                language=contact.language,
                author_name=name,
                author_role=role,
                author_company=contact.company,
                email=contact.email,
                consent_name=True,
                consent_company=True,
                consent_given_at=at,
                source=Testimonial.Source.INVITED,
                invitation=invitation,
                verification=Testimonial.Verification.CUSTOMER_LIST,
                submitted_at=at,
                live=False,
            )
        )
    return answered


def load_imported(products, now):
    for platform, product_name, rating, quote, author, role, days, url in IMPORTED:
        posted = now - datetime.timedelta(days=days)
        publish(
            Testimonial.objects.create(
                product=products[product_name],
                quote=quote,
                rating=rating,
                author_name=author,
                author_role=role,
                consent_name=True,
                consent_given_at=posted,
                source=Testimonial.Source.IMPORT,
                platform=platform,
                original_url=url,
                original_posted_on=posted.date(),
                import_basis=Testimonial.ImportBasis.PLATFORM_LICENCE,
                # As the import dates them: on the wall, when they were written.
                submitted_at=posted,
                live=False,
            )
        )


def load_after_nps(products, now):
    """After a middling score in the survey: the survey asks everyone who answered to
    share their experience, whatever their score."""
    product, rating, quote, role = AFTER_NPS
    survey = NpsInvitation.objects.filter(response__score__lte=8).order_by("pk").first()
    at = now - datetime.timedelta(days=15)
    return publish(
        Testimonial.objects.create(
            product=products[product],
            quote=quote,
            rating=rating,
            author_name=survey.name,
            author_role=role,
            email=survey.email,
            consent_given_at=at,
            source=Testimonial.Source.AFTER_NPS,
            nps_invitation=survey,
            submitted_at=at,
            live=False,
        )
    )


def load_replies(answered, now):
    for name, (text, replier, role) in REPLIES.items():
        testimonial = answered[name]
        TestimonialReply.objects.create(
            testimonial=testimonial,
            text=text,
            replier_name=replier,
            replier_role=role,
            created_at=testimonial.submitted_at + datetime.timedelta(days=2),
        )
