"""What product and comparison pages tell search engines about themselves (schema.org,
as JSON-LD), built from what the page shows, with home.seo's building blocks."""

from django.utils import timezone

from home.seo.structured_data import aggregate_rating, item_list, review


def product_page(page, context, url, publisher):
    product = page.product
    if product is None:
        return []
    node = {
        "@type": "Product",
        "@id": f"{url}#product",
        "name": product.name,
        "description": product.summary,
        "url": url,
        "brand": {"@type": "Brand", "name": product.vendor},
        "positiveNotes": item_list(block.value["title"] for block in page.strengths),
        "negativeNotes": item_list(block.value["title"] for block in page.limitations),
    }
    # The rating covers every published rating, as the page's rating summary does;
    # the reviews are the testimonials the page lists (the newest, whatever their
    # score), the same queryset the template renders, with a link to all the rest.
    ratings = context.get("ratings")
    if ratings and ratings["count"]:
        node["aggregateRating"] = aggregate_rating(ratings["average"], ratings["count"])
    reviews = [
        review(
            testimonial.display_text,
            testimonial.display_name,
            timezone.localdate(testimonial.submitted_at),
            testimonial.rating,
        )
        for testimonial in context.get("testimonials") or []
    ]
    if reviews:
        node["review"] = reviews
    return [node]


def comparison_page(page, context, url, publisher):
    """The page, by its named author, about the products in its table's column order.
    schema.org gives a list no publisher, so the page carries it."""
    columns = context.get("columns") or []
    return [
        {
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": page.title,
            "author": {"@type": "Person", "name": page.author_name},
            "dateModified": page.reviewed_on.isoformat(),
            "publisher": publisher,
            "mainEntity": {
                **item_list(column.product.name for column in columns),
                "name": page.title,
                "numberOfItems": len(columns),
            },
        }
    ]
