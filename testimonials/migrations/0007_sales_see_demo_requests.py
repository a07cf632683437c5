"""Sales see demo requests: they are sales leads. Who sees a demo request page's
submissions is decided by this model permission (testimonials/advocacy/demo_requests.py),
no longer by who may edit the page, so Editors and Moderators see none.

Idempotent; the reverse takes away exactly this permission and leaves the group."""

from django.db import migrations

GROUP_NAME = "Sales"
APP_LABEL, MODEL_NAME = "testimonials", "demorequestsubmission"
CODENAME = f"view_{MODEL_NAME}"


def see_demo_requests(apps):
    """The permission row, made now if Django has not made it yet (it does so only after
    all migrations have run), with the name it would give it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    model = apps.get_model(APP_LABEL, MODEL_NAME)
    content_type, _ = ContentType.objects.get_or_create(app_label=APP_LABEL, model=MODEL_NAME)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": f"Can view {model._meta.verbose_name_raw}"},
    )
    return permission


def grant(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(see_demo_requests(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).first()
    if group:
        group.permissions.remove(see_demo_requests(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("testimonials", "0006_demo_request_notified_at"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
