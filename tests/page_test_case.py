from wagtail.coreutils import get_dummy_request
from wagtail.test.utils import WagtailPageTestCase


class PageTestCase(WagtailPageTestCase):
    """Wagtail's page test case, logged in as a superuser.

    Wagtail builds its dummy request once per class and caches the site's root
    paths on it; tests here move the site root, so each test gets a fresh one."""

    def setUp(self):
        super().setUp()
        self.dummy_request = get_dummy_request()
        self.login()
