"""The Sales role: people who may ask for customer references in the admin and follow
their requests, and nothing else (editors approve them and choose the advocate)."""

from django.db import migrations

GROUP_NAME = "Sales"

# (app label, model, codename, name) of each permission the group gets.
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("testimonials", "referencerequest", "add_referencerequest", "Can add reference request"),
    ("testimonials", "referencerequest", "view_referencerequest", "Can view reference request"),
]


def create_sales_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, model, codename, name in PERMISSIONS:
        # Django creates model permissions after all migrations have run; make
        # them now (the same rows it would create) so the group can hold them.
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def remove_sales_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("testimonials", "0002_advocate_program"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # These give every group with admin access the right to choose any document
        # or image: run them first, so Sales gets only what is listed above.
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_sales_group, remove_sales_group)]
