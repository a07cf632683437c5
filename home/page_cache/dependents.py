"""Which pages show a changed object: found through Wagtail's reference index, which
records every link from a page (its fields, inline panels and StreamFields) or a
snippet to another object."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex

# A snippet's own referrers are followed one step further: a Criterion is shown by the
# pages that show the Products whose Facts use it.
FOLLOW_DEPTH = 2


def pages_showing(*objects):
    """Live pages that show any of ``objects`` (pages, snippets or inline items)."""
    page_ids, seen, frontier = set(), set(), list(objects)
    for _ in range(FOLLOW_DEPTH):
        if not frontier:
            break
        references = ReferenceIndex.get_references_to_in_bulk(frontier).values_list(
            "base_content_type_id", "object_id"
        )
        frontier = []
        by_type = {}
        for content_type_id, object_id in set(references) - seen:
            seen.add((content_type_id, object_id))
            by_type.setdefault(content_type_id, []).append(object_id)
        for content_type_id, object_ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            if issubclass(model, Page):
                page_ids.update(int(pk) for pk in object_ids)
            else:
                frontier.extend(model._default_manager.filter(pk__in=object_ids))
    return Page.objects.filter(pk__in=page_ids).live()
