"""Bar charts drawn on the server: the geometry, and what they say in words."""

from home.charts import PLOT_HEIGHT, TOP, BarChart, Series, nice_ceiling


def chart(series, **options):
    return BarChart(
        title="Chart", description="", categories=["Jan", "Feb", "Mar"], series=series, **options
    )


def test_stacked_bars_sit_on_each_other_and_fill_the_scale():
    stacked = chart(
        [Series("Five", [2, 0, 4], "green"), Series("One", [3, 1, 1], "red")], stacked=True
    )

    assert stacked.scale == (0, 5)
    january = [bar for bar in stacked.bars if bar.title.startswith("Jan")]
    assert [bar.height for bar in january] == [PLOT_HEIGHT * 2 / 5, PLOT_HEIGHT * 3 / 5]
    assert january[1].y + january[1].height == january[0].y, "one on top of the other"
    assert january[1].y == TOP, "the tallest stack reaches the top"
    assert "Feb, Five" not in [bar.title.rsplit(":", 1)[0] for bar in stacked.bars]


def test_negative_values_hang_below_the_baseline():
    nps = chart([Series("NPS", [40, None, -20], "blue")], value_range=(-100, 100))

    january, march = sorted(nps.bars, key=lambda bar: bar.title)
    assert nps.baseline == TOP + PLOT_HEIGHT / 2
    assert january.y + january.height == nps.baseline
    assert march.y == nps.baseline and march.height == PLOT_HEIGHT * 20 / 200
    assert [row["values"] for row in nps.rows] == [[40], ["–"], [-20]], "no answers: no score"


def test_an_empty_chart_has_no_bars_and_a_usable_scale():
    empty = chart([Series("Visits", [0, 0, 0], "blue"), Series("Requests", [0, 0, 0], "red")])

    assert empty.bars == [] and not empty.has_data
    assert empty.scale == (0, 1)
    assert [tick["label"] for tick in empty.ticks] == ["0", "1"]


def test_grouped_bars_stand_side_by_side():
    grouped = chart([Series("Visits", [10, 0, 0], "blue"), Series("Requests", [1, 0, 0], "red")])

    visits, requests = grouped.bars
    assert visits.x + visits.width == requests.x
    assert grouped.scale == (0, 10)


def test_scales_end_on_round_numbers():
    assert [nice_ceiling(value) for value in (0, 1, 3, 7, 11, 40, 101)] == [
        1,
        1,
        5,
        10,
        20,
        50,
        200,
    ]
