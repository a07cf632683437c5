"""Tests reach the workers a module at a time, in pytest-django's order."""

from types import SimpleNamespace

from tests.scheduling import LoadByModule, units


def test_a_module_is_one_unit_and_each_phase_of_it_another():
    collection = [
        "tests/a.py::test_db_1",
        "tests/a.py::test_db_2",
        "tests/b.py::test_db",
        "tests/a.py::test_transactional",  # pytest-django puts these after every other
        "tests/c.py::test_no_database",
    ]

    scopes = units(collection, spread=set())

    assert scopes == {
        "tests/a.py::test_db_1": "tests/a.py#0",
        "tests/a.py::test_db_2": "tests/a.py#0",
        "tests/b.py::test_db": "tests/b.py#0",
        "tests/a.py::test_transactional": "tests/a.py#1",
        "tests/c.py::test_no_database": "tests/c.py#0",
    }


def test_a_spread_module_is_handed_out_test_by_test():
    collection = ["tests/sweep.py::test_part[0]", "tests/sweep.py::test_part[1]"]

    assert units(collection, spread={"tests/sweep.py"}) == {test: test for test in collection}


class Worker:
    """What the scheduler sees of a pytest-xdist worker: it is sent tests to run."""

    shutting_down = False

    def __init__(self):
        self.sent = []

    def send_runtest_some(self, indices):
        self.sent.append(indices)

    def shutdown(self):
        pass


def test_units_are_handed_out_in_the_collections_order_not_largest_first():
    collection = [
        "tests/small.py::test_db",
        "tests/large.py::test_transactional_1",
        "tests/large.py::test_transactional_2",
        "tests/large.py::test_transactional_3",
    ]
    config = SimpleNamespace(
        option=SimpleNamespace(loadscopereorder=True), getvalue={"tx": ["1*popen"]}.get
    )
    scheduler, worker = LoadByModule(config), Worker()
    scheduler.add_node(worker)
    scheduler.add_node_collection(worker, collection)

    scheduler.schedule()

    assert worker.sent == [[0], [1, 2, 3]]
