from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.personal_data import clean_email, erase_personal_data, export_personal_data


class Command(BaseCommand):
    help = gettext_lazy(
        "Erase or anonymise everything Candor stores about the person with this e-mail "
        "address (matched whatever its case), to answer their request for erasure."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--yes",
            action="store_true",
            help=gettext_lazy("Do not ask for confirmation."),
        )

    def handle(self, *args, email, yes=False, **options):
        try:
            email = clean_email(email)
        except ValueError as error:
            raise CommandError(error) from error
        found = export_personal_data(email)["data"]
        for name, records in found.items():
            self.stdout.write(
                _("%(source)s: %(count)d found") % {"source": name, "count": len(records)}
            )
        if not yes and not self.confirmed(email):
            raise CommandError(_("Nothing was erased."))
        erased = erase_personal_data(email)
        for name, count in erased.items():
            self.stdout.write(_("%(source)s: %(count)d erased") % {"source": name, "count": count})
        self.stdout.write(self.style.SUCCESS(_("Done.")))

    def confirmed(self, email):
        prompt = _(
            "Erase everything stored about %(email)s? This cannot be undone. "
            "Type “yes” to continue: "
        ) % {"email": email}
        try:
            return input(prompt).strip().lower() == "yes"
        except EOFError:
            return False
