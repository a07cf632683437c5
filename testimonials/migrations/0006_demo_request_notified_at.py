"""When the sales team's e-mail about a demo request went out, so a failed one is retried
(send_demo_request_emails). Requests stored before this were e-mailed, or not, at the
time: they count as sent, so the first retry does not mail the sales team old requests."""

from django.db import migrations, models


def mark_existing_as_sent(apps, schema_editor):
    DemoRequestSubmission = apps.get_model("testimonials", "DemoRequestSubmission")
    DemoRequestSubmission.objects.filter(notified_at=None).update(
        notified_at=models.F("submit_time")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("testimonials", "0005_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="demorequestsubmission",
            name="notified_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(mark_existing_as_sent, migrations.RunPython.noop),
    ]
