from wagtail.coreutils import get_dummy_request
from wagtail.test.utils import WagtailPageTestCase


class PageTestCase(WagtailPageTestCase):
    """Wagtail's page test case, logged in as a superuser.

    Wagtail builds its dummy request once per class and caches the site's root
    paths on it; tests here move the site root, so each test gets a fresh one."""

    def login(self, user=None, **credentials):
        """Logged in without a password check: django-axes guards the real login form
        and needs the request that Django's test client does not pass."""
        user = user or self.create_test_user()
        self.client.force_login(user)
        return user

    def setUp(self):
        super().setUp()
        self.dummy_request = get_dummy_request()
        self.login()
