"""The table of the page cache where there is no Redis (settings.CACHES["pages"]),
created here so that every database Candor migrates has it, whichever cache is
configured."""

from django.core.management import call_command
from django.db import migrations

TABLE = "candor_page_cache"


def create_table(apps, schema_editor):
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("home", "0005_limits_cache_table")]

    operations = [migrations.RunPython(create_table, drop_table)]
