"""Products, criteria and facts become translatable (Wagtail's TranslatableMixin).

Every existing row is in the site's default language, with a translation key of its own
(Wagtail's BootstrapTranslatableModel), and remembers the digest of its words, which
translations are compared with to tell whether they are outdated. Names are unique per
language rather than overall."""

import hashlib
import uuid

import django.db.models.deletion
from django.db import migrations, models
from wagtail.models import BootstrapTranslatableModel

import comparisons.localized

WORDS = {
    "criterion": ("name", "group", "help_text", "unit"),
    "product": ("summary",),
    "fact": ("text", "note"),
}


def remember_wording(apps, schema_editor):
    for model_name, names in WORDS.items():
        model = apps.get_model("comparisons", model_name)
        for obj in model.objects.all():
            joined = "\x1f".join(str(getattr(obj, name) or "") for name in names)
            obj.wording = hashlib.sha256(joined.encode()).hexdigest()
            obj.save(update_fields=["wording"])


def translatable_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name=model_name,
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
        migrations.AddField(
            model_name=model_name,
            name="wording",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
    ]


def required(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name=model_name,
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
            name=model_name, unique_together={("translation_key", "locale")}
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0005_plan_prices_and_search_details"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        *translatable_fields("criterion"),
        *translatable_fields("product"),
        *translatable_fields("fact"),
        BootstrapTranslatableModel("comparisons.Criterion"),
        BootstrapTranslatableModel("comparisons.Product"),
        BootstrapTranslatableModel("comparisons.Fact"),
        migrations.RunPython(remember_wording, migrations.RunPython.noop),
        *required("criterion"),
        *required("product"),
        *required("fact"),
        migrations.AlterField(
            model_name="criterion", name="name", field=models.CharField(max_length=120)
        ),
        migrations.AlterField(
            model_name="product", name="name", field=models.CharField(max_length=120)
        ),
        migrations.AddConstraint(
            model_name="criterion",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="one_criterion_name_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="product",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="one_product_name_per_locale"
            ),
        ),
        migrations.AlterField(
            model_name="fact",
            name="criterion",
            field=models.ForeignKey(
                limit_choices_to=comparisons.localized.in_source_locale,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="facts",
                to="comparisons.criterion",
            ),
        ),
        migrations.AlterField(
            model_name="comparedcriterion",
            name="criterion",
            field=models.ForeignKey(
                limit_choices_to=comparisons.localized.in_source_locale,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="comparisons.criterion",
            ),
        ),
        migrations.AlterField(
            model_name="comparedproduct",
            name="product",
            field=models.ForeignKey(
                limit_choices_to=comparisons.localized.in_source_locale,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="comparisons.product",
            ),
        ),
        migrations.AlterField(
            model_name="notsuitablefor",
            name="alternative",
            field=models.ForeignKey(
                help_text="What we recommend instead, a competitor's product included.",
                limit_choices_to=comparisons.localized.in_source_locale,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="comparisons.product",
            ),
        ),
        migrations.AlterField(
            model_name="productpage",
            name="product",
            field=models.ForeignKey(
                help_text="One of our products. Its facts appear on this page.",
                limit_choices_to=comparisons.localized.ours_in_source_locale,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="pages",
                to="comparisons.product",
            ),
        ),
    ]
