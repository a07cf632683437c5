"""Bar charts drawn on the server as SVG, with their text alternatives: a title, a
one-sentence description and the full data as a table for screen readers. No script,
so they work under the admin's content security policy and in any browser. Charts
count by calendar month, so the month arithmetic lives here too."""

import calendar
import datetime
import math
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format

# Styles for the figure around each chart (legend, scaling), for panels' Media.
CHART_CSS = {"all": ["css/dashboard.css"]}

# Plot margins inside the SVG's coordinate space.
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 10, 26
PLOT_HEIGHT = 150
SLOT_WIDTH = 40

CHART_MONTHS = 12


@dataclass(frozen=True)
class Series:
    label: str
    values: list  # one number (or None: no data) per category
    colour: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass
class BarChart:
    title: str
    description: str
    categories: list
    series: list
    stacked: bool = False
    value_range: tuple = None  # (lowest, highest) to fix the scale, e.g. NPS
    unit: str = ""
    name: str = "chart"  # unique on the page: the ids of its title and description
    category_names: list = None  # in full, for the data table (e.g. "March 2026")

    @property
    def has_data(self):
        return any(value for series in self.series for value in series.values if value)

    @property
    def width(self):
        return LEFT + RIGHT + SLOT_WIDTH * len(self.categories)

    @property
    def height(self):
        return TOP + PLOT_HEIGHT + BOTTOM

    @property
    def plot_left(self):
        return LEFT

    @property
    def plot_right(self):
        return self.width - RIGHT

    @property
    def label_y(self):
        return self.height - 8

    @property
    def scale(self):
        if self.value_range:
            return self.value_range
        if self.stacked:
            totals = [
                sum(series.values[i] or 0 for series in self.series)
                for i in range(len(self.categories))
            ]
            return 0, nice_ceiling(max(totals, default=0))
        values = [value for series in self.series for value in series.values if value is not None]
        lowest, highest = min(values + [0]), max(values + [0])
        return -nice_ceiling(-lowest) if lowest < 0 else 0, nice_ceiling(highest)

    def y_of(self, value):
        lowest, highest = self.scale
        return TOP + (highest - value) / (highest - lowest) * PLOT_HEIGHT

    @property
    def baseline(self):
        return self.y_of(0)

    @property
    def ticks(self):
        lowest, highest = self.scale
        values = {lowest, 0, highest}
        if lowest == 0 and highest > 1:
            values.add(highest / 2)
        return [
            {"y": round(self.y_of(value), 1), "label": f"{value:g}{self.unit}"}
            for value in sorted(values)
        ]

    @property
    def bars(self):
        bars = []
        count = len(self.series)
        for position, category in enumerate(self.categories):
            slot = LEFT + position * SLOT_WIDTH
            stacked_top = 0
            for number, series in enumerate(self.series):
                value = series.values[position]
                if not value:
                    continue
                if self.stacked:
                    x, width = slot + 6, SLOT_WIDTH - 12
                    top, bottom = stacked_top + value, stacked_top
                    stacked_top = top
                else:
                    width = (SLOT_WIDTH - 8) / count
                    x = slot + 4 + number * width
                    top, bottom = max(value, 0), min(value, 0)
                y = self.y_of(top)
                bars.append(
                    Bar(
                        x=round(x, 1),
                        y=round(y, 1),
                        width=round(width, 1),
                        height=round(self.y_of(bottom) - y, 1),
                        colour=series.colour,
                        title=f"{category}, {series.label}: {value:g}{self.unit}",
                    )
                )
        return bars

    @property
    def labels(self):
        return [
            {"x": LEFT + position * SLOT_WIDTH + SLOT_WIDTH / 2, "text": category}
            for position, category in enumerate(self.categories)
        ]

    @property
    def rows(self):
        """The data table: one row per category, one cell per series."""
        return [
            {
                "category": (self.category_names or self.categories)[position],
                "values": [
                    "–" if series.values[position] is None else series.values[position]
                    for series in self.series
                ],
            }
            for position in range(len(self.categories))
        ]


def nice_ceiling(value):
    """The smallest of 1, 2, 5, 10, 20, 50… that is at least ``value`` (1 for 0)."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def months_before(day, months):
    """The same day ``months`` months earlier, or the month's last day if it is
    shorter (31 March less one month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_months(today, count):
    """The first days of the ``count`` months up to and including today's, oldest first."""
    first = today.replace(day=1)
    return [months_before(first, back) for back in range(count - 1, -1, -1)]


def month_key(value):
    """(year, month) of a date or datetime, to match database months to chart months."""
    return (value.year, value.month)


def chart_months(today=None):
    """The first days of the months the charts show, oldest first, with their labels."""
    months = last_months(today or timezone.localdate(), CHART_MONTHS)
    return (
        months,
        [date_format(month, "M") for month in months],
        [date_format(month, "YEAR_MONTH_FORMAT") for month in months],
    )
