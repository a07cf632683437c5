"""The honesty checks of the page being edited, for the editor's checks side panel."""

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


@register.inclusion_tag("components/admin/honesty_checks.html")
def honesty_checks(page):
    """The problems found on ``page`` (the latest revision, as the edit view shows it),
    each with the anchor of the field to go to. Nothing for objects no check is about."""
    problems = run_checks(page)
    anchors = field_anchors(type(page)) if problems else {}
    found = [{"problem": p, "anchor": anchors.get(p.field, "")} for p in problems]
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
