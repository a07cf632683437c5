"""The table of the shared store of limits (settings.DATABASE_LIMITS_CACHE), created
here so that every database Candor migrates has it, whichever cache is configured."""

from django.core.management import call_command
from django.db import migrations

TABLE = "candor_limits"


def create_table(apps, schema_editor):
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("home", "0004_advocate_program_settings")]

    operations = [migrations.RunPython(create_table, drop_table)]
