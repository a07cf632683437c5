"""What the editor's checks side panel says about the page being edited: its honesty
checks, and what search results could not show (for page types that say so)."""

from django import template
from django.utils.translation import gettext_lazy as _

from home.honesty import Severity, run_checks

register = template.Library()


def field_anchors(model):
    """The id of each field's or inline's panel in the edit form, as Wagtail builds it
    from the panels' names (a heading renames it: "Criteria (rows)" gives
    ``panel-child-content-criteria_rows-section``)."""
    anchors = {}

    def walk(panel, prefix):
        children = getattr(panel, "children", None)
        if not children:
            return
        for child, name in zip(children, panel.child_identifiers, strict=True):
            child_prefix = f"{prefix}-child-{name}"
            field = getattr(child, "field_name", None) or getattr(child, "relation_name", None)
            if field:
                anchors.setdefault(field, f"{child_prefix}-section")
            walk(child, child_prefix)

    get_edit_handler = getattr(model, "get_edit_handler", None)
    if get_edit_handler:
        walk(get_edit_handler(), "panel")
    return anchors


def with_anchors(page, problems):
    """Each problem with the anchor of the field to go to."""
    anchors = field_anchors(type(page)) if problems else {}
    return [{"problem": p, "anchor": anchors.get(p.field, "")} for p in problems]


@register.inclusion_tag("components/admin/rich_result_checks.html")
def rich_result_checks(page):
    """What search results cannot show for ``page``, from its page type's
    ``rich_result_problems()``; nothing for a page type without one."""
    describe = getattr(page, "rich_result_problems", None)
    if describe is None:
        return {"shown": False}
    return {"shown": True, "items": with_anchors(page, describe())}


@register.inclusion_tag("components/admin/honesty_checks.html")
def honesty_checks(page):
    """The problems found on ``page`` (the latest revision, as the edit view shows it),
    each with the anchor of the field to go to. Nothing for objects no check is about."""
    found = with_anchors(page, run_checks(page))
    groups = [
        {
            "severity": severity,
            "heading": heading,
            "css_class": css_class,
            "items": [item for item in found if item["problem"].severity == severity],
        }
        for severity, heading, css_class in (
            (Severity.BLOCKS, _("Blocks publishing"), "help-critical"),
            (Severity.WARNING, _("Warnings"), "help-warning"),
        )
    ]
    return {"groups": [group for group in groups if group["items"]]}
