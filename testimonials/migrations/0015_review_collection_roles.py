"""Who works with review collection (the rest of each role is in 0005_roles):

Editors keep the customer list (import, correct, erase), run invitation campaigns and
read their invitations, import reviews from other sites (as testimonials, which they
already add), and write our public replies. Moderators read the campaigns and their
invitations, to see where a testimonial came from; they neither invite nor reply, and
the customer list (names and addresses) is not theirs to read. Sales
get nothing here: the customer list is not a sales tool.

Idempotent; the reverse takes away exactly these and leaves the groups."""

from django.db import migrations

ROLES = {
    "Editors": {
        "customercontact": ["add", "change", "delete", "view"],
        "invitationcampaign": ["add", "change", "delete", "view"],
        "invitation": ["view"],
        "testimonialreply": ["add", "change", "view"],
    },
    "Moderators": {
        "invitationcampaign": ["view"],
        "invitation": ["view"],
    },
}


def permissions(apps, role):
    """The permission rows of a role, made now if Django has not made them yet (it does
    so only after all migrations have run), with the names it would give them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model_name, actions in ROLES[role].items():
        model = apps.get_model("testimonials", model_name)
        content_type, _ = ContentType.objects.get_or_create(
            app_label="testimonials", model=model_name
        )
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model_name}",
                defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
            )
            yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*permissions(apps, role))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role in ROLES:
        group = Group.objects.filter(name=role).first()
        if group:
            group.permissions.remove(*permissions(apps, role))


class Migration(migrations.Migration):
    dependencies = [
        ("testimonials", "0014_review_collection"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
