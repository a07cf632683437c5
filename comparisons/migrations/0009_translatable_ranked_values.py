"""A short-text criterion's ranked values become translatable with their criterion.
Each takes its criterion's locale; in a translation made before, each value takes the
translation key of the original's value in the same place, so it reads as its
translation; the others get keys of their own."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def keyed_like_their_originals(apps, schema_editor):
    Criterion = apps.get_model("comparisons", "Criterion")
    RankedValue = apps.get_model("comparisons", "RankedValue")
    originals = {}
    # Originals (in the site's language) first, then their translations.
    criteria = Criterion.objects.select_related("locale").order_by("pk")
    for criterion in sorted(criteria, key=lambda c: c.locale.language_code != settings.LANGUAGE_CODE):
        values = list(RankedValue.objects.filter(criterion=criterion).order_by("sort_order", "pk"))
        original = originals.setdefault(criterion.translation_key, values)
        for position, value in enumerate(values):
            value.locale_id = criterion.locale_id
            if original is values or position >= len(original):
                value.translation_key = uuid.uuid4()
            else:
                value.translation_key = original[position].translation_key
            value.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0008_plan_tax"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="rankedvalue",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="rankedvalue",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(keyed_like_their_originals, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="rankedvalue",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="rankedvalue",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="rankedvalue", unique_together={("translation_key", "locale")}
        ),
    ]
