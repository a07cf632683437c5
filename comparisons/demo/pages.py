"""Demo pages of comparisons: the product pages of Fernhill Labs' own products, the
comparisons with competitors and the methodology page ("How we compare"). Every name and
web address here is invented."""

from decimal import Decimal

AUTHOR = "Maya Lindqvist, Product Marketing"
CORRECTIONS_EMAIL = "corrections@fernhill.example"


def point(title, detail=""):
    return {"title": title, "detail": detail}


def plan(
    name, price, includes, per="agent", period="month", billing="billed yearly", tax="excluded"
):
    """A plan of a price list in US dollars, before VAT as the demo's price lists say;
    ``price`` None for a plan priced on request."""
    return (
        "plan",
        {
            "name": name,
            "price": None if price is None else Decimal(price),
            "currency": "USD",
            "per": per,
            "period": period,
            "billing": billing,
            "tax": tax,
            "includes": includes,
        },
    )


def free_plan(name, limit, includes):
    return plan(name, 0, includes, per="", period="", billing=limit)


PRODUCT_PAGES = {
    "fernhill-desk": {
        "product": "Fernhill Desk",
        "summary": "<p>Fernhill Desk turns your support inbox into tickets that have an owner, a "
        "status and a history. It is built for teams that answer customers by email and want "
        "to be running the same afternoon.</p>",
        "pricing": [
            free_plan("Free", "up to 2 agents", "Shared inbox, ticket statuses, 1 mailbox."),
            plan("Team", 19, "Unlimited mailboxes, rules, reports."),
            plan("Business", 35, "SAML single sign-on, audit log, sandbox."),
            plan(
                "Enterprise",
                None,
                "Invoiced billing, a named contact, help moving from another helpdesk.",
                billing="for 50 agents or more",
            ),
        ],
        "pricing_note": "Monthly billing costs the same per month; prices exclude VAT.",
        "strengths": [
            point(
                "Running in an afternoon",
                "Connect a mailbox, invite agents, done. Our own test took 40 minutes.",
            ),
            point(
                "Priced for small teams",
                "The Team plan is the cheapest in our helpdesk comparison.",
            ),
            point("Data stays in the EU", "Every plan is hosted in Frankfurt."),
        ],
        "limitations": [
            point("No phone channel", "Calls cannot be answered or logged in Fernhill Desk."),
            point(
                "Short audit log",
                "Audit entries are kept for 90 days; Tidewell Desk keeps them for two years.",
            ),
            point(
                "Office-hours vendor support",
                "Our support team answers on weekdays, 08:00-18:00 CET.",
            ),
            point("Live chat costs extra", "Chat comes from Fernhill Chat, billed separately."),
        ],
        "ideal_for": [
            point("Teams of 2 to 50 agents who support customers by email"),
            point("Companies that need customer data kept in the EU"),
        ],
        "not_suitable_for": [
            (
                "You answer most customers by phone",
                "Fernhill Desk has no phone channel, and adding one through an integration loses call history.",
                "Tidewell Desk",
            ),
            (
                "You need your vendor on call around the clock",
                "Our support team works weekdays in European office hours.",
                "Tidewell Desk",
            ),
            (
                "You only need a chat widget on your website",
                "A full helpdesk is more than you need; our chat product is simpler and cheaper.",
                "Fernhill Chat",
            ),
        ],
    },
    "fernhill-chat": {
        "product": "Fernhill Chat",
        "summary": "<p>Fernhill Chat puts a chat widget on your website and gives your team one "
        "shared inbox to answer it. It is the quickest of our products to set up.</p>",
        "pricing": [
            free_plan("Free", "1 agent, 100 chats a month", "Widget, shared inbox, mobile app."),
            plan("Growth", 15, "Unlimited chats, canned replies, reports."),
        ],
        "pricing_note": "Prices exclude VAT.",
        "strengths": [
            point("Set up in minutes", "Paste one script tag; scored 5 of 5 in our setup test."),
            point("Lowest price for chat", "Cheapest per agent of the chat tools we compare."),
        ],
        "limitations": [
            point(
                "No single sign-on", "Agents sign in with email and password or a Google account."
            ),
            point(
                "Offline messages are emails, not tickets",
                "Without Fernhill Desk there is no ticket workflow.",
            ),
            point("30-day audit log", "Shorter than every competitor we compare."),
        ],
        "ideal_for": [
            point("Small online shops and SaaS teams answering pre-sales questions"),
        ],
        "not_suitable_for": [
            (
                "Your customers expect to call you",
                "Fernhill Chat has no phone channel.",
                "Bramblecall",
            ),
            (
                "Your security policy requires SAML single sign-on",
                "Fernhill Chat does not offer SAML on any plan.",
                "Quillory Support Suite",
            ),
            (
                "You need tickets with owners, statuses and SLAs",
                "Chat conversations have no ticket workflow.",
                "Fernhill Desk",
            ),
        ],
    },
    "fernhill-answers": {
        "product": "Fernhill Answers",
        "summary": "<p>Fernhill Answers is a public help centre: articles your customers can "
        "search before they write to you.</p>",
        "pricing": [
            plan("Standard", 9, "Unlimited articles and readers, custom domain.", per="editor"),
        ],
        "pricing_note": "Readers are free; you pay for people who write articles.",
        "strengths": [
            point(
                "Fast, searchable articles",
                "Pages load without scripts and rank well in search engines.",
            ),
            point("Single sign-on included", "SAML is on the only plan."),
        ],
        "limitations": [
            point("No community forum", "Customers cannot answer each other's questions."),
            point("No free plan", "A 30-day trial only."),
        ],
        "ideal_for": [
            point("Teams who want fewer repeat questions"),
        ],
        "not_suitable_for": [
            (
                "You want customers to help each other in a forum",
                "Fernhill Answers has articles only, no community.",
                "Quillory Support Suite",
            ),
            (
                "You have a dozen answers, not a library",
                "A help centre is overkill; internal articles in our helpdesk will do.",
                "Fernhill Desk",
            ),
        ],
    },
}

HELPDESK_CRITERIA = [
    "Starting price",
    "Free plan",
    "Monthly billing",
    "Email ticketing",
    "Live chat",
    "Phone channel",
    "Knowledge base",
    "SAML single sign-on",
    "Audit log retention",
    "EU data residency",
    "Vendor support hours",
    "Median first reply",
    "Setup effort (our test)",
]
CHAT_CRITERIA = [
    "Starting price",
    "Free plan",
    "Monthly billing",
    "Live chat",
    "Email ticketing",
    "Phone channel",
    "SAML single sign-on",
    "Audit log retention",
    "EU data residency",
    "SOC 2 Type II report",
    "Vendor support hours",
    "Median first reply",
    "Setup effort (our test)",
]

COMPARISON_PAGES = {
    "fernhill-desk-vs-tidewell-desk-vs-quillory": {
        "title": "Fernhill Desk vs Tidewell Desk vs Quillory Support Suite",
        "intro": "<p>Three helpdesks for teams that support customers by email, compared on "
        "price, channels, security and the vendor's own support.</p>",
        "selection_note": "We compare each vendor's mid-tier plan, the one most teams of 10 to 50 "
        "agents buy: our Team plan, Tidewell's Business plan and Quillory's Pro plan.",
        "products": [
            (
                "Fernhill Desk",
                "Small and mid-sized teams that support customers by email and want to start today.",
            ),
            (
                "Tidewell Desk",
                "Large teams that take phone calls and need 24/7 vendor support and long audit trails.",
            ),
            (
                "Quillory Support Suite",
                "Teams that want ticketing, chat and a community forum from one vendor.",
            ),
        ],
        "criteria": HELPDESK_CRITERIA,
    },
    "fernhill-chat-vs-quillory-vs-bramblecall": {
        "title": "Fernhill Chat vs Quillory Support Suite vs Bramblecall",
        "intro": "<p>Live chat for small teams: how our chat product compares with two "
        "suites that include chat.</p>",
        "selection_note": "We compare plans that include live chat for one team: our Growth plan, "
        "Quillory's Pro plan and Bramblecall's Standard plan.",
        "products": [
            (
                "Fernhill Chat",
                "Small teams that want website chat running in minutes at the lowest price.",
            ),
            (
                "Quillory Support Suite",
                "Teams that need SAML single sign-on and a ticket workflow behind chat.",
            ),
            ("Bramblecall", "Teams whose customers mostly call, with chat as a second channel."),
        ],
        "criteria": CHAT_CRITERIA,
    },
}

METHODOLOGY_INTRO = (
    "We make some of the products we compare. This page explains how we collect every value, "
    "so you can check our work and tell us when we are wrong."
)
METHODOLOGY_BODY = [
    ("heading", {"text": "We are one of the vendors", "anchor": "our-interest"}),
    (
        "paragraph",
        "<p>Fernhill Labs makes Fernhill Desk, Fernhill Chat and Fernhill Answers. "
        "Every comparison on this site includes at least one of our products and says so at "
        "the top. Read our comparisons knowing that, and check the sources.</p>",
    ),
    ("heading", {"text": "Where each value comes from", "anchor": "sources"}),
    (
        "paragraph",
        "<p>Each value links to the public page it comes from: a vendor's pricing "
        "page, documentation or security page. Where no public page exists, we use a trial "
        "account and say so in the note. Scores marked “our test” are our own measurements, "
        "taken by following the same written steps for every product.</p>",
    ),
    ("heading", {"text": "When values were collected", "anchor": "dates"}),
    (
        "paragraph",
        "<p>Every value shows the date someone last checked it against its source. "
        "Values older than 180 days are marked as stale, with their age, until they are checked "
        "again.</p>",
    ),
    ("heading", {"text": "How products and plans are chosen", "anchor": "selection"}),
    (
        "paragraph",
        "<p>We compare the products prospects most often ask us about, and the plan "
        "of each that a team of the same size would buy. The plans compared are listed next to "
        "every table. We never compare our top plan with a competitor's entry plan.</p>",
    ),
    ("heading", {"text": "How rows are marked", "anchor": "marking"}),
    (
        "paragraph",
        "<p>In rows where more or less is better, the best value is marked, whoever "
        "holds it. Each comparison lists where competitors are better before the table.</p>",
    ),
    ("heading", {"text": "Check or reuse our data", "anchor": "open-data"}),
    (
        "paragraph",
        "<p>Every comparison table can be downloaded as CSV and JSON, each value with its "
        "source, the date it was checked, its evidence and its corrections, free to reuse "
        'under the CC BY 4.0 licence. <a href="/data/">All our comparison data</a> is listed '
        "in one place.</p>",
    ),
    ("heading", {"text": "Report an error", "anchor": "report-an-error"}),
    (
        "paragraph",
        "<p>If a value is wrong or out of date, use “Report an inaccuracy” on the comparison, "
        "or write to "
        f'<a href="mailto:{CORRECTIONS_EMAIL}">{CORRECTIONS_EMAIL}</a>, with the product, the row '
        "and a link to your evidence. Competitors are welcome to do the same. We check every "
        "report within five working days. Every value we change is listed in the comparison's "
        "corrections log with what it said before and the reason.</p>",
    ),
]
