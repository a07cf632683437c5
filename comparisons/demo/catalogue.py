"""Demo catalogue: Fernhill Labs' products and three fictional competitors', the
criteria they are compared on and a fact for every product and criterion. Every name
and web address here is invented."""

from home.demo import COMPANY

# name: (vendor, is ours, website, summary, plan compared)
PRODUCTS = {
    "Fernhill Desk": (
        COMPANY,
        True,
        "https://fernhill.example/desk",
        "Email helpdesk for support teams of 2 to 50 agents.",
        "Team",
    ),
    "Fernhill Chat": (
        COMPANY,
        True,
        "https://fernhill.example/chat",
        "Live chat widget and shared inbox for small teams.",
        "Growth",
    ),
    "Fernhill Answers": (
        COMPANY,
        True,
        "https://fernhill.example/answers",
        "Public help centre and knowledge base.",
        "Standard",
    ),
    "Tidewell Desk": (
        "Tidewell Systems",
        False,
        "https://tidewell.example/desk",
        "Enterprise helpdesk with phone, chat and email in one queue.",
        "Business",
    ),
    "Quillory Support Suite": (
        "Quillory",
        False,
        "https://quillory.example/support",
        "All-in-one support suite with ticketing, chat and a community forum.",
        "Pro",
    ),
    "Bramblecall": (
        "Bramblecall Ltd",
        False,
        "https://bramblecall.example",
        "Phone-first contact centre with chat added on.",
        "Standard",
    ),
}

# Where our products run, for search engines (the rest run in a web browser).
RUNS_ON = {"Fernhill Desk": "Web, iOS, Android", "Fernhill Chat": "Web, iOS, Android"}

# name: (group, kind, direction, unit, help text)
CRITERIA = {
    "Starting price": (
        "Pricing",
        "number",
        "lower",
        "USD / agent / month",
        "List price of the compared plan, billed yearly, before tax.",
    ),
    "Free plan": (
        "Pricing",
        "support",
        "higher",
        "",
        "A plan that costs nothing, with no time limit.",
    ),
    "Monthly billing": (
        "Pricing",
        "support",
        "higher",
        "",
        "Pay month by month without an annual contract.",
    ),
    "Email ticketing": (
        "Channels",
        "support",
        "higher",
        "",
        "Customer emails become tickets with owners and statuses.",
    ),
    "Live chat": (
        "Channels",
        "support",
        "higher",
        "",
        "A chat widget for your website, answered by agents.",
    ),
    "Phone channel": (
        "Channels",
        "support",
        "higher",
        "",
        "Calls are answered and logged inside the product.",
    ),
    "Knowledge base": (
        "Channels",
        "support",
        "higher",
        "",
        "Public help articles customers can search.",
    ),
    "SAML single sign-on": (
        "Security",
        "support",
        "higher",
        "",
        "Agents sign in through your identity provider.",
    ),
    "Audit log retention": (
        "Security",
        "number",
        "higher",
        "days",
        "How long admin and agent actions stay in the audit log.",
    ),
    "EU data residency": (
        "Security",
        "support",
        "higher",
        "",
        "Customer data stored only in the European Union.",
    ),
    "SOC 2 Type II report": (
        "Security",
        "support",
        "higher",
        "",
        "A current audit report from a licensed auditor, shared under NDA.",
    ),
    "Vendor support hours": (
        "Vendor support",
        "text",
        "higher",
        "",
        "When the vendor's own support team answers you.",
    ),
    "Median first reply": (
        "Vendor support",
        "number",
        "lower",
        "hours",
        "Median time to the vendor's first reply to our test tickets, over 10 tickets.",
    ),
    "Setup effort (our test)": (
        "Vendor support",
        "rating",
        "higher",
        "",
        "Our score out of 5 for setting up a trial account, following the steps on "
        "the How we compare page. 5 is easiest.",
    ),
    # What the cost calculator reads (PRICING_ROLES); not rows of the demo comparisons.
    "Price per seat, billed monthly": (
        "Pricing",
        "number",
        "lower",
        "USD / seat / month",
        "List price of one seat on the compared plan, paid month by month, before tax.",
    ),
    "Price per seat, billed yearly": (
        "Pricing",
        "number",
        "lower",
        "USD / seat / month",
        "List price of one seat on the compared plan, per month, paid a year ahead, before tax.",
    ),
    "Account fee": (
        "Pricing",
        "number",
        "lower",
        "USD / month",
        "A fee for the whole account, whatever the number of seats.",
    ),
    "Minimum seats": (
        "Pricing",
        "number",
        "lower",
        "seats",
        "The fewest seats the compared plan is sold for.",
    ),
}

# What the cost calculator reads each criterion's facts as.
PRICING_ROLES = {
    "Monthly billing": "monthly_billing",
    "Price per seat, billed monthly": "seat_monthly",
    "Price per seat, billed yearly": "seat_yearly",
    "Account fee": "base_fee",
    "Minimum seats": "minimum_seats",
    # Pricing rows that are not features a reader chooses to pay for.
    "Free plan": "pricing_info",
}

# Paid add-ons' prices, per month in the product's price currency: (amount, per seat).
ADDON_PRICES = {
    ("Fernhill Desk", "Live chat"): (15, True),
    ("Quillory Support Suite", "SAML single sign-on"): (5, True),
}

# Short-text criteria ranked by hand: every value a product has, best first. Readers
# see the order next to the row.
RANKED_VALUES = {
    "Vendor support hours": [
        "24/7",
        "24/7 by phone",
        "24 hours, weekdays",
        "Weekdays 08:00-18:00 CET",
    ],
}

SOURCES = {
    "Pricing": "/pricing",
    "Channels": "/features",
    "Security": "/security",
    "Vendor support": "/support",
}

# Per product, per criterion: the value, then optional (availability, note).
# Values older than the 180-day freshness limit are marked with STALE days.
FACTS = {
    "Fernhill Desk": {
        "Starting price": 19,
        "Free plan": ("yes", "", "Up to 2 agents"),
        "Monthly billing": "yes",
        "Email ticketing": "yes",
        "Live chat": ("yes", "paid_addon", "Through Fernhill Chat"),
        "Phone channel": "no",
        "Knowledge base": ("partial", "", "Internal articles for agents only"),
        "SAML single sign-on": ("yes", "higher_plan", "Business plan"),
        "Audit log retention": 90,
        "EU data residency": "yes",
        "SOC 2 Type II report": "yes",
        "Vendor support hours": "Weekdays 08:00-18:00 CET",
        "Median first reply": 2,
        "Setup effort (our test)": 4.5,
        "Price per seat, billed monthly": 19,
        "Price per seat, billed yearly": 19,
        "Account fee": 0,
        "Minimum seats": 1,
    },
    "Fernhill Chat": {
        "Starting price": 15,
        "Free plan": ("yes", "", "1 agent, 100 chats a month"),
        "Monthly billing": "yes",
        "Email ticketing": ("partial", "", "Offline messages arrive as emails, not tickets"),
        "Live chat": "yes",
        "Phone channel": "no",
        "Knowledge base": "no",
        "SAML single sign-on": "no",
        "Audit log retention": 30,
        "EU data residency": "yes",
        "SOC 2 Type II report": "yes",
        "Vendor support hours": "Weekdays 08:00-18:00 CET",
        "Median first reply": 2,
        "Setup effort (our test)": 5,
        "Price per seat, billed monthly": 18,
        "Price per seat, billed yearly": 15,
        "Account fee": 0,
        "Minimum seats": 1,
    },
    "Fernhill Answers": {
        "Starting price": 9,
        "Free plan": "no",
        "Monthly billing": "yes",
        "Email ticketing": "no",
        "Live chat": "no",
        "Phone channel": "no",
        "Knowledge base": "yes",
        "SAML single sign-on": "yes",
        "Audit log retention": 90,
        "EU data residency": "yes",
        "SOC 2 Type II report": "yes",
        "Vendor support hours": "Weekdays 08:00-18:00 CET",
        "Median first reply": 4,
        "Setup effort (our test)": 4.5,
        "Price per seat, billed monthly": 11,
        "Price per seat, billed yearly": 9,
        "Account fee": 0,
        "Minimum seats": 1,
    },
    "Tidewell Desk": {
        "Starting price": (49, "", "", 250),
        "Free plan": "no",
        "Monthly billing": ("no", "", "Annual contract only"),
        "Email ticketing": "yes",
        "Live chat": "yes",
        "Phone channel": "yes",
        "Knowledge base": "yes",
        "SAML single sign-on": "yes",
        "Audit log retention": (730, "", "", 210),
        "EU data residency": "yes",
        "SOC 2 Type II report": "yes",
        "Vendor support hours": "24/7",
        "Median first reply": 1.5,
        "Setup effort (our test)": 2.5,
        # Sold on annual contracts only: no monthly price is published.
        "Price per seat, billed yearly": (49, "", "", 250),
        "Account fee": 0,
        "Minimum seats": (5, "", "Business plan from 5 agents"),
    },
    "Quillory Support Suite": {
        "Starting price": 29,
        "Free plan": ("yes", "", "1 agent"),
        "Monthly billing": "yes",
        "Email ticketing": "yes",
        "Live chat": "yes",
        "Phone channel": ("partial", "", "Callback requests only"),
        "Knowledge base": "yes",
        "SAML single sign-on": ("yes", "paid_addon", "Security add-on, 5 USD / agent"),
        "Audit log retention": (365, "", "", 400),
        "EU data residency": "no",
        "SOC 2 Type II report": "yes",
        "Vendor support hours": "24 hours, weekdays",
        "Median first reply": 6,
        "Setup effort (our test)": 3.5,
        "Price per seat, billed monthly": 35,
        "Price per seat, billed yearly": 29,
        "Account fee": 0,
        "Minimum seats": 1,
    },
    "Bramblecall": {
        "Starting price": (39, "", "A “from” price: the quote depends on call volume"),
        "Free plan": "no",
        "Monthly billing": ("partial", "", "Monthly costs 10% more"),
        "Email ticketing": "yes",
        "Live chat": ("yes", "beta", ""),
        "Phone channel": ("yes", "", "", 300),
        "Knowledge base": "no",
        "SAML single sign-on": "partial",
        "Audit log retention": 180,
        "EU data residency": ("partial", "", "EU hosting for call recordings only"),
        "SOC 2 Type II report": "no",
        "Vendor support hours": "24/7 by phone",
        "Median first reply": 0.5,
        "Setup effort (our test)": 3,
        # The Standard plan is quoted: no price per seat or account fee is published.
        "Minimum seats": (10, "", "Standard plan from 10 agents"),
    },
}
