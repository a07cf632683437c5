"""Editors translate products, criteria and pages with wagtail-localize: they get its
"submit translation" permission (the rest of what they do is in 0005_roles). The
reverse takes away exactly that."""

from django.db import migrations


def permission(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    submit = permission(apps)
    editors = Group.objects.filter(name="Editors").first()
    if submit and editors:
        editors.permissions.add(submit)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    submit = permission(apps)
    editors = Group.objects.filter(name="Editors").first()
    if submit and editors:
        editors.permissions.remove(submit)


class Migration(migrations.Migration):
    dependencies = [
        ("testimonials", "0010_products_in_source_language"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
