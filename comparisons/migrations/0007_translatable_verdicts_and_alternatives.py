"""A comparison's verdicts and a product page's "not suitable for" items become
translatable with their page (wagtail-localize translates them segment by segment).
Each existing row takes its page's locale and a translation key of its own."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("comparedproduct", "notsuitablefor")


def in_their_pages_locale(apps, schema_editor):
    for model_name in MODELS:
        model = apps.get_model("comparisons", model_name)
        # Ids only: a historical page model cannot always be instantiated.
        for pk, locale_id in model.objects.values_list("pk", "page__locale_id"):
            model.objects.filter(pk=pk).update(locale_id=locale_id, translation_key=uuid.uuid4())


def fields(model_name, null):
    return [
        (migrations.AddField if null else migrations.AlterField)(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(null=True, editable=False)
            if null
            else models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        (migrations.AddField if null else migrations.AlterField)(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                null=null,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0006_translatable_products_criteria_facts"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        *(operation for name in MODELS for operation in fields(name, null=True)),
        migrations.RunPython(in_their_pages_locale, migrations.RunPython.noop),
        *(operation for name in MODELS for operation in fields(name, null=False)),
        *(
            migrations.AlterUniqueTogether(
                name=name, unique_together={("translation_key", "locale")}
            )
            for name in MODELS
        ),
    ]
