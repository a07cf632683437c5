"""Page forms as the admin posts them, for tests that act as an editor."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def points(block_name, *titles):
    return streamfield([(block_name, {"title": title, "detail": ""}) for title in titles])


def product_page_form(product, alternatives, slug="fernhill-desk", **overrides):
    data = {
        "title": "Fernhill Desk",
        "slug": slug,
        "product": product.pk,
        "summary": rich_text("<p>A helpdesk for small teams.</p>"),
        "pricing": streamfield(
            [("plan", {"name": "Pro", "price": "29", "currency": "USD", "per": "agent"})]
        ),
        "pricing_note": "",
        "strengths": points("strength", "Set up in an afternoon"),
        "limitations": points("limitation", "No phone channel"),
        "ideal_for": points("audience", "Teams of 2 to 20 agents"),
        "not_suitable_for": inline_formset(
            [
                {
                    "situation": "You answer most customers by phone",
                    "reason": "We have no phone channel.",
                    "alternative": alternative.pk,
                }
                for alternative in alternatives
            ]
        ),
        "last_reviewed": "2026-01-15",
    }
    data.update(overrides)
    return nested_form_data(data)


def pricing(*plans):
    """A pricing stream as posted: each plan's values as text, empty where None."""
    return streamfield(
        [
            (name, {key: "" if item is None else str(item) for key, item in value.items()})
            for name, value in plans
        ]
    )
