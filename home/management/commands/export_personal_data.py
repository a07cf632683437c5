import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.personal_data import export_personal_data


class Command(BaseCommand):
    help = gettext_lazy(
        "Write, as JSON, everything Candor stores about the person with this e-mail "
        "address (matched whatever its case), to answer their request for a copy."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--output",
            metavar="FILE",
            help=gettext_lazy("Write to this file instead of the standard output."),
        )

    def handle(self, *args, email, output=None, **options):
        try:
            data = export_personal_data(email)
        except ValueError as error:
            raise CommandError(error) from error
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text + "\n")
            self.stderr.write(_("Written to %(file)s.") % {"file": output})
        else:
            self.stdout.write(text)
