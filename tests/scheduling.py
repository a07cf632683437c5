"""How pytest-xdist hands tests to workers: ``--dist load``, except that a module's
tests go to one worker together, so what a module builds once (the demo content, ten
times the data, app servers of its own) is built once per run, not by every worker
that happens to be handed one of its tests. (pytest-xdist's ``--dist loadfile`` keeps
a module together too, but runs its transactional tests with the others.)"""

from xdist.scheduler import LoadScopeScheduling

# Handed out test by test: long tests that share only a quick set-up, run side by side.
SPREAD_MODULES = frozenset({"tests/browser/test_accessibility.py"})


def units(collection, spread=SPREAD_MODULES):
    """The unit of work of each test id in ``collection``, in pytest-django's order
    (database tests, then transactional ones, then those without a database): a module
    whose tests fall in two of those phases is a unit in each, so no transactional test
    empties a worker's database before the tests that need what migrations put there."""
    scopes, previous, runs = {}, None, {}
    for test in collection:
        module = test.split("::", 1)[0]
        if module != previous:
            runs[module] = runs.get(module, -1) + 1
            previous = module
        scopes[test] = test if module in spread else f"{module}#{runs[module]}"
    return scopes


class LoadByModule(LoadScopeScheduling):
    scopes = None

    def __init__(self, config, log=None):
        super().__init__(config, log)
        # Units in the collection's order: by default pytest-xdist hands out the largest
        # first, which would run transactional tests before the database tests.
        config.option.loadscopereorder = False

    def _split_scope(self, nodeid):
        # The collection is known by the time the first test is placed.
        if self.scopes is None:
            self.scopes = units(self.collection)
        return self.scopes[nodeid]
