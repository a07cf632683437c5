"""Images stored before Candor stripped every image and kept advocates' photos private
are brought in line (testimonials/photo_upgrade.py): advocates' photos stripped,
renamed and moved to the private storage, public again only where a live testimonial
whose author agreed shows them; every other image stripped and renamed where it is.
Nothing to undo: going back leaves the files as they are now."""

from django.db import migrations

from testimonials.photo_upgrade import protect_stored_images


class Migration(migrations.Migration):
    dependencies = [
        ("testimonials", "0007_sales_see_demo_requests"),
    ]

    operations = [
        migrations.RunPython(protect_stored_images, migrations.RunPython.noop),
    ]
