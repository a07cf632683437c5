from django.contrib.auth.models import Group

import pytest

from tests.comparisons.factories import ProductFactory
from tests.testimonials.advocate_fixtures import user_in_group
from tests.testimonials.factories import (
    CaseStudyIndexPageFactory,
    TestimonialSubmissionPageFactory,
    TestimonialWallPageFactory,
)


@pytest.fixture
def our_product(db):
    return ProductFactory(name="Fernhill Desk", is_ours=True)


@pytest.fixture
def submission_page(home_page):
    return TestimonialSubmissionPageFactory(parent=home_page)


@pytest.fixture
def wall_page(home_page, site_settings):
    wall = TestimonialWallPageFactory(parent=home_page)
    site_settings.testimonial_wall_page = wall
    site_settings.save()
    return wall


@pytest.fixture
def case_study_index(home_page):
    return CaseStudyIndexPageFactory(parent=home_page)


@pytest.fixture
def no_typing_delay(settings):
    """Forms in tests are posted at once; people take longer."""
    settings.TESTIMONIAL_MIN_SECONDS = 0


@pytest.fixture
def post(client, submission_page, no_typing_delay, django_capture_on_commit_callbacks):
    def send(data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(submission_page.url, data, **extra)

    return send


@pytest.fixture
def moderator(db, django_user_model):
    """A user in the Moderators group the migrations make, as people who moderate are."""
    return user_in_group(django_user_model, "mona", Group.objects.get(name="Moderators"))
