"""Editors translate products, criteria and pages with wagtail-localize: they hold its
"submit translation" permission. wagtail-localize's own migration gives it to
Wagtail's Editors and Moderators groups; in Candor, Moderators decide on testimonials
and translate nothing, so theirs is taken away (the rest of each role is in
0005_roles). The reverse gives back exactly what this took or gave."""

from django.db import migrations


def permission(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()


def group(apps, name):
    return apps.get_model("auth", "Group").objects.filter(name=name).first()


def grant(apps, schema_editor):
    submit = permission(apps)
    if submit is None:
        return
    if editors := group(apps, "Editors"):
        editors.permissions.add(submit)
    if moderators := group(apps, "Moderators"):
        moderators.permissions.remove(submit)


def revoke(apps, schema_editor):
    submit = permission(apps)
    if submit is None:
        return
    if moderators := group(apps, "Moderators"):
        moderators.permissions.add(submit)


class Migration(migrations.Migration):
    dependencies = [
        ("testimonials", "0010_products_in_source_language"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
