"""The customer list, imported from a CSV file: the people invitation campaigns reach.

Each row is a person, known by their e-mail address: a re-import updates them instead
of adding them twice, and never touches whether they unsubscribed (someone who did
stays unsubscribed, and the preview says so). Their products are named as our products
are named in English; their company is linked to the Customer of the same name when
there is one. The whole file is read in a few queries and written with bulk operations,
so a list of ten thousand takes seconds (bench/import_csv.py measures it)."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.search.backends import get_search_backends

from home.languages import default_language
from home.page_cache.signals import changed_in_bulk
from testimonials.choices import LawfulBasis
from testimonials.models import Customer, CustomerContact, StoppedAddress

from . import cells
from .csv_files import Column, parse_date
from .importers import NEW, UNCHANGED, UPDATED, Preview, RowResult

COLUMNS = [
    Column("name", ("full name", "氏名", "名前"), required=True),
    Column(
        "email",
        ("e-mail", "email address", "e-mail address", "メールアドレス", "メール"),
        required=True,
    ),
    Column("company", ("company name", "会社名", "会社")),
    Column("products", ("product", "製品")),
    Column("customer_since", ("customer since", "顧客開始日")),
    Column("plan", ("プラン",)),
    Column("language", ("言語",)),
    Column("region", ("地域",)),
    Column("lawful_basis", ("lawful basis", "basis", "法的根拠")),
]
HEADINGS = [
    gettext_lazy("Name"),
    gettext_lazy("E-mail"),
    gettext_lazy("Company"),
    gettext_lazy("Products"),
    gettext_lazy("Customer since"),
    gettext_lazy("Language"),
    gettext_lazy("Lawful basis"),
]
# How a list kept in Japanese names the lawful bases (APPI and GDPR translations).
BASIS_SPELLINGS = [
    ("同意", LawfulBasis.CONSENT),
    ("本人の同意", LawfulBasis.CONSENT),
    ("契約", LawfulBasis.CONTRACT),
    ("契約の履行", LawfulBasis.CONTRACT),
    ("正当な利益", LawfulBasis.LEGITIMATE_INTERESTS),
    ("正当な利益の追求", LawfulBasis.LEGITIMATE_INTERESTS),
]
PRODUCT_SEPARATORS = (";", "|")
# Fields an import sets; unsubscribed_at and created_at are never among them.
FIELDS = [
    "name",
    "company",
    "customer",
    "customer_since",
    "plan",
    "language",
    "region",
    "lawful_basis",
]
# The same, as stored on the row: a company compared by its id, not fetched.
COMPARED = [name if name != "customer" else "customer_id" for name in FIELDS]
LOOKUP_CHUNK = 5000


class CustomerListImport:
    kind = "customers"
    title = gettext_lazy("Import the customer list")
    columns = COLUMNS
    headings = HEADINGS

    def __init__(self, options):
        # From the upload form: what a row that leaves a column blank means.
        self.default_language = options.get("language") or default_language()
        self.default_basis = options.get("lawful_basis") or ""

    @staticmethod
    def may_import(user):
        return user.has_perms(
            ["testimonials.add_customercontact", "testimonials.change_customercontact"]
        )

    # Preview ---------------------------------------------------------------------------

    def preview(self, table):
        products = cells.our_products()
        languages = cells.language_lookup()
        bases = cells.choice_lookup(LawfulBasis.choices, *BASIS_SPELLINGS)
        emails = {row.code("email").lower() for row in table.rows}
        stored = stored_contacts(emails)
        customers = customers_named({row["company"] for row in table.rows})
        first_row_of = {}
        results = []
        for row in table.rows:
            result = RowResult(row.number, shown=[])
            contact, chosen = self.read_row(row, result, products, languages, bases, customers)
            email = contact.email
            if email and email in first_row_of:
                result.error(
                    "email",
                    _("This address is also on row %(row)s: give each person one row.")
                    % {"row": first_row_of[email]},
                )
            elif email:
                first_row_of[email] = row.number
            result.shown = [
                contact.name,
                contact.email,
                contact.company,
                "; ".join(product.name for product in chosen),
                contact.customer_since or "",
                contact.get_language_display(),
                contact.get_lawful_basis_display(),
            ]
            if not result.errors:
                compare_with_stored(result, contact, chosen, stored.get(email))
            results.append(result)
        return Preview(rows=results, ignored_columns=table.ignored)

    def read_row(self, row, result, products, languages, bases, customers):
        contact = CustomerContact(
            name=row["name"],
            email=row.code("email").lower(),
            company=row["company"],
            plan=row["plan"],
            region=row["region"],
        )
        if not contact.name:
            result.error("name", _("Give the person's name."))
        if not contact.email:
            result.error("email", _("Give the person's e-mail address."))
        else:
            try:
                validate_email(contact.email)
            except ValidationError:
                result.error(
                    "email", _("“%(value)s” is not an e-mail address.") % {"value": row["email"]}
                )
        for name, limit in (("name", 100), ("company", 120), ("plan", 60), ("region", 60)):
            if len(getattr(contact, name)) > limit:
                result.error(name, _("Longer than %(limit)s characters.") % {"limit": limit})
        contact.customer = customers.get(cells.key(contact.company)) if contact.company else None

        chosen = []
        for name in split_products(row["products"]):
            product = products.get(cells.key(name))
            if product is None:
                result.error(
                    "products", _("“%(name)s” is not one of our products.") % {"name": name}
                )
            elif product not in chosen:
                chosen.append(product)

        try:
            contact.customer_since = parse_date(row["customer_since"])
        except ValueError:
            result.error(
                "customer_since",
                _("“%(value)s” is not a date: write it as YYYY-MM-DD.")
                % {"value": row["customer_since"]},
            )

        language = row.code("language")
        contact.language = languages.get(cells.key(language)) if language else self.default_language
        if contact.language is None:
            result.error(
                "language",
                _("“%(value)s” is not a language of this site (English or Japanese).")
                % {"value": row["language"]},
            )
            contact.language = ""

        basis = row.code("lawful_basis")
        contact.lawful_basis = bases.get(cells.key(basis)) if basis else self.default_basis
        if contact.lawful_basis is None:
            result.error(
                "lawful_basis",
                _("“%(value)s” is not a lawful basis: consent, contract or legitimate interests.")
                % {"value": row["lawful_basis"]},
            )
            contact.lawful_basis = ""
        elif not contact.lawful_basis:
            result.error(
                "lawful_basis",
                _(
                    "Give the lawful basis for contacting them, or choose one for every row "
                    "on upload."
                ),
            )
        return contact, chosen

    # Confirm ---------------------------------------------------------------------------

    def apply(self, preview):
        """Store every new and updated row, in one transaction; the preview was made
        again from the file just now, so it reflects what is stored."""
        now = timezone.now()
        new = [row for row in preview.rows if row.outcome == NEW]
        updated = [row for row in preview.rows if row.outcome == UPDATED]
        with transaction.atomic():
            stopped = StoppedAddress.stopped_since([row.record.email for row in new])
            for row in new:
                row.record.created_at = row.record.updated_at = now
                # Erased after stopping invitations, listed again: still stopped.
                row.record.unsubscribed_at = stopped.get(row.record.email)
            created = CustomerContact.objects.bulk_create(
                [row.record for row in new], batch_size=500
            )
            for row in updated:
                row.record.updated_at = now
            # Only the fields that changed: Django builds each updated value of each
            # field as an expression, the slow part of a large update.
            by_change = defaultdict(list)
            for row in updated:
                by_change[row.extra["changed"]].append(row.record)
            for changed, records in by_change.items():
                CustomerContact.objects.bulk_update(
                    records, [*changed, "updated_at"], batch_size=500
                )
            Through = CustomerContact.products.through
            replaced = [row.record.pk for row in updated if row.extra["products_changed"]]
            for start in range(0, len(replaced), LOOKUP_CHUNK):
                Through.objects.filter(
                    customercontact_id__in=replaced[start : start + LOOKUP_CHUNK]
                ).delete()
            links = [
                Through(customercontact_id=row.record.pk, product_id=product.pk)
                for row in [*new, *(row for row in updated if row.extra["products_changed"])]
                for product in row.extra["products"]
            ]
            Through.objects.bulk_create(links, batch_size=1000)
            renamed = [row.record for row in updated if row.extra["searched_changed"]]
            index_in_bulk([*created, *renamed], replaced=renamed)
            # Written without signals: the reports counting the list are made stale.
            changed_in_bulk(
                CustomerContact, [*created, *renamed][:1] or [row.record for row in updated][:1]
            )
        return len(new), len(updated)


def index_in_bulk(contacts, replaced):
    """Index the contacts for the admin's search in a few queries. Wagtail's database
    backends update an entry already there one query at a time, so the entries of
    contacts whose searched words changed are deleted first (in one query) and made
    again with the new ones."""
    if not contacts:
        return
    content_type = ContentType.objects.get_for_model(CustomerContact)
    for backend in get_search_backends(with_auto_update=True):
        entries = getattr(backend.get_index_for_model(CustomerContact), "entries", None)
        if entries is not None and replaced:
            ids = [str(contact.pk) for contact in replaced]
            for start in range(0, len(ids), LOOKUP_CHUNK):
                entries.filter(
                    content_type_id=content_type.pk, object_id__in=ids[start : start + LOOKUP_CHUNK]
                ).delete()
        backend.add_bulk(CustomerContact, contacts)


def split_products(value):
    for separator in PRODUCT_SEPARATORS[1:]:
        value = value.replace(separator, PRODUCT_SEPARATORS[0])
    return [name.strip() for name in value.split(PRODUCT_SEPARATORS[0]) if name.strip()]


def stored_contacts(emails):
    """The stored contacts with these addresses, each with the ids of its products."""
    emails = sorted(email for email in emails if email)
    contacts = {}
    for start in range(0, len(emails), LOOKUP_CHUNK):
        chunk = emails[start : start + LOOKUP_CHUNK]
        for contact in CustomerContact.objects.filter(email__in=chunk):
            contact.product_ids = set()
            contacts[contact.email] = contact
    by_pk = {contact.pk: contact for contact in contacts.values()}
    Through = CustomerContact.products.through
    pks = sorted(by_pk)
    for start in range(0, len(pks), LOOKUP_CHUNK):
        pairs = Through.objects.filter(customercontact_id__in=pks[start : start + LOOKUP_CHUNK])
        for contact_id, product_id in pairs.values_list("customercontact_id", "product_id"):
            by_pk[contact_id].product_ids.add(product_id)
    return contacts


def customers_named(names):
    """Our customers (companies) by name, for the names a file gives."""
    keys = {cells.key(name) for name in names if name}
    if not keys:
        return {}
    return {
        cells.key(customer.name): customer
        for customer in Customer.objects.all()
        if cells.key(customer.name) in keys
    }


def compare_with_stored(result, contact, chosen, stored):
    result.extra = {"products": chosen, "products_changed": True}
    if stored is None:
        result.record, result.outcome = contact, NEW
        return
    if stored.is_unsubscribed:
        result.notes.append(_("Unsubscribed: stays unsubscribed, and is never invited."))
    changed = tuple(
        name
        for name, attname in zip(FIELDS, COMPARED, strict=True)
        if getattr(stored, attname) != getattr(contact, attname)
    )
    result.extra["changed"] = changed
    result.extra["searched_changed"] = bool({"name", "company", "language"} & set(changed))
    products_changed = stored.product_ids != {product.pk for product in chosen}
    for name in FIELDS:
        setattr(stored, name, getattr(contact, name))
    result.record = stored
    result.extra["products_changed"] = products_changed
    result.outcome = UPDATED if changed or products_changed else UNCHANGED
