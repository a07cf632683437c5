"""The roles people work in, as groups with exactly the model permissions their job needs.

Editors (content): keep the product information honest and current. They add, change
and delete products (with their facts), criteria and customers; read and decide on
inaccuracy reports and read the corrections log; enter testimonials taken in interviews
and edit what editors may (excerpt, tags, verification), then submit them for
moderation; keep advocates, approve reference requests and choose the advocate; read
NPS answers and invitations and re-confirmation requests. They do not approve (publish),
reject, lock or delete testimonials: moderation decisions are the Moderators'.

Moderators (testimonials): decide what customers' testimonials become public. They view
and change testimonials (never the customer's words or rating, which nobody changes),
publish them (approve), reject them (which takes the same publish permission, see
testimonials/moderation.py), and lock and unlock them while deciding. They may read
advocates and customers, to see who wrote a testimonial and whether the author is still
a customer. A low rating is rejected only when a second moderator confirms.

Sales (made by 0003_sales_group, unchanged here; 0007 adds demo requests): ask for
customer references and follow their own requests, never a colleague's; nothing else
about advocates.

Wagtail made "Editors" and "Moderators" itself, with admin access, page permissions
(Editors add and edit pages; Moderators also publish them and review Wagtail's default
page workflow) and image and document permissions; those stay as Wagtail set them. This
migration only adds the model permissions above, idempotently; its reverse takes away
exactly those and leaves the groups.
"""

from django.db import migrations

ROLES = {
    "Editors": {
        ("comparisons", "product"): ["add", "change", "delete", "view"],
        ("comparisons", "fact"): ["add", "change", "delete", "view"],
        ("comparisons", "criterion"): ["add", "change", "delete", "view"],
        ("comparisons", "inaccuracyreport"): ["change", "view"],
        ("comparisons", "factchange"): ["view"],
        ("testimonials", "customer"): ["add", "change", "delete", "view"],
        ("testimonials", "testimonial"): ["add", "change", "view"],
        ("testimonials", "advocate"): ["add", "change", "view"],
        ("testimonials", "referencerequest"): ["change", "view"],
        ("testimonials", "npsresponse"): ["view"],
        ("testimonials", "npsinvitation"): ["view"],
        ("testimonials", "reconfirmationrequest"): ["view"],
    },
    "Moderators": {
        ("testimonials", "testimonial"): ["change", "view", "publish", "lock", "unlock"],
        ("testimonials", "advocate"): ["view"],
        ("testimonials", "customer"): ["view"],
    },
}


def role_permissions(apps, role):
    """The permission rows of a role, made now if Django has not made them yet (it does
    so only after all migrations have run), with the names it would give them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for (app_label, model_name), actions in ROLES[role].items():
        model = apps.get_model(app_label, model_name)
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model_name}",
                defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
            )
            yield permission


def grant_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(access_admin, *role_permissions(apps, role))


def revoke_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role in ROLES:
        group = Group.objects.filter(name=role).first()
        if group:
            group.permissions.remove(*role_permissions(apps, role))


class Migration(migrations.Migration):
    dependencies = [
        ("testimonials", "0004_integrity_fields"),
        ("comparisons", "0002_corrections"),
        # Wagtail's own "Editors" and "Moderators" groups and the admin permission.
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_roles, revoke_roles)]
