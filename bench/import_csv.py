"""How fast the customer list imports: ``make bench-import`` (or
``.venv/bin/python -m bench.import_csv [--rows 10000]``).

In a fresh SQLite database of its own (bench/work/import.sqlite3), with the
development settings: a CSV of ``--rows`` customers, each with two of our products, is
read and previewed, then confirmed (all new); then the same file with every name
changed is previewed and confirmed again (all updated). Prints rows per second for
each step. What the admin's views add (signing the file into the form) is measured
too, as "sign" and "verify". Not part of the test suite."""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
DATABASE = WORK / "import.sqlite3"


def setup():
    WORK.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DATABASE}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "candor.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def customer_list(rows, name="Customer"):
    out = io.StringIO()
    out.write("name,email,company,products,customer_since,plan,language,region,lawful_basis\r\n")
    for n in range(rows):
        out.write(
            f"{name} {n},person{n}@example.com,Company {n % 500},Fernhill Desk; Fernhill Chat,"
            f"2024/{n % 12 + 1}/{n % 28 + 1},{'Team' if n % 2 else 'Business'},"
            f"{'ja' if n % 3 else 'en'},{'APAC' if n % 3 else 'EMEA'},contract\r\n"
        )
    return out.getvalue().encode("utf-8")


def timed(label, rows, function):
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    print(f"{label:<28} {seconds:7.2f} s  {rows / seconds:9,.0f} rows/s")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    rows = parser.parse_args().rows
    setup()

    from django.core import signing

    from wagtail.models import Locale

    from comparisons.models import Product
    from testimonials.imports.csv_files import read_table
    from testimonials.imports.customers import COLUMNS, CustomerListImport
    from testimonials.imports.views import SALT
    from testimonials.models import CustomerContact

    for name in ("Fernhill Desk", "Fernhill Chat"):
        Product.objects.create(
            name=name,
            vendor="Candor",
            is_ours=True,
            website="https://candor.example/",
            summary=f"{name}.",
            locale=Locale.get_default(),
        )

    print(f"Customer list import, {rows:,} rows, SQLite ({DATABASE.name})")
    for step, data in (("new", customer_list(rows)), ("updated", customer_list(rows, "Renamed"))):
        importer = CustomerListImport({})
        preview = timed(
            f"preview ({step})",
            rows,
            lambda d=data, i=importer: i.preview(read_table(d, COLUMNS)),
        )
        if preview.errors:
            raise SystemExit(f"The benchmark's file has errors: {preview.errors[:3]}")
        token = timed(
            "  sign into the form",
            rows,
            lambda d=data: signing.dumps({"text": d.decode()}, salt=SALT, compress=True),
        )
        timed("  verify on confirm", rows, lambda t=token: signing.loads(t, salt=SALT))
        print(f"  signed file: {len(token) / 1024:,.0f} KB for {len(data) / 1024:,.0f} KB")
        timed(f"confirm ({step})", rows, lambda p=preview, i=importer: i.apply(p))
    if CustomerContact.objects.count() != rows:
        raise SystemExit("The import did not store one row per customer.")


if __name__ == "__main__":
    main()
