from django.contrib.auth.models import Group, Permission

import pytest

from tests.testimonials.advocate_factories import DemoRequestPageFactory, NpsSurveyPageFactory

EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("testimonials", "add_testimonial"),
    ("testimonials", "change_testimonial"),
    ("testimonials", "add_advocate"),
    ("testimonials", "change_advocate"),
    ("testimonials", "view_referencerequest"),
    ("testimonials", "change_referencerequest"),
    ("testimonials", "view_npsresponse"),
    ("comparisons", "change_product"),
    ("comparisons", "change_inaccuracyreport"),
]


def user_in_group(django_user_model, username, group):
    user = django_user_model.objects.create_user(username=username, password="unused-here")
    user.groups.add(group)
    return user


@pytest.fixture
def editor(db, django_user_model):
    """An editor: not a superuser, with the permissions an editors' group would have."""
    group, _ = Group.objects.get_or_create(name="Advocacy editors")
    for app_label, codename in EDITOR_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user_in_group(django_user_model, "editor", group)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def sales_user(db, django_user_model):
    """Someone in the "Sales" group the migrations create."""
    return user_in_group(django_user_model, "sales", Group.objects.get(name="Sales"))


@pytest.fixture
def sales_client(client, sales_user):
    client.force_login(sales_user)
    return client


@pytest.fixture
def nps_survey(home_page, submission_page):
    return NpsSurveyPageFactory(parent=home_page, share_page=submission_page)


@pytest.fixture
def demo_page(home_page):
    return DemoRequestPageFactory(parent=home_page)


@pytest.fixture
def no_demo_request_delay(settings):
    """Forms in tests are posted at once; people take longer."""
    settings.DEMO_REQUEST_MIN_SECONDS = 0
