"""The periods the figures are read over: a month, a quarter, a year, or one of the programme's phases.

A period is named by a key the page's picker sends ("2026-12", "2026-Q4", "2026", "2017-2025") and runs
from its first day to the day after its last, in Cao Bằng's time. A period longer than two years is
counted by year, not by month: 120 bars of months would say less than ten of years.
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The programme "Hỗ trợ phụ nữ khởi nghiệp": its first phase, and the one the province runs now.
PHASES = [(2017, 2025), (2026, 2035)]
FIRST_YEAR = PHASES[0][0]
MONTH, YEAR = "month", "year"
KINDS = {
    "month": gettext_lazy("Months"),
    "quarter": gettext_lazy("Quarters"),
    "year": gettext_lazy("Years"),
    "phase": gettext_lazy("The programme's phases"),
}


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    start: datetime.date  # its first day
    end: datetime.date  # the day after its last

    @property
    def step(self):
        """How its figures are grouped: by month, or by year for a period longer than two years."""
        return YEAR if (self.end.year - self.start.year) * 12 + self.end.month - self.start.month > 24 else MONTH

    @property
    def bounds(self):
        """Its first and past-the-last instants, in Cao Bằng's time."""
        zone = local_zone()
        return tuple(datetime.datetime.combine(day, datetime.time(), tzinfo=zone) for day in (self.start, self.end))

    @property
    def last_day(self):
        return self.end - datetime.timedelta(days=1)

    def buckets(self):
        """The first day of each month (or year) it covers, in order."""
        day, days = self.start, []
        while day < self.end:
            days.append(day)
            day = day.replace(year=day.year + 1) if self.step == YEAR else add_months(day, 1)
        return days


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month(year, number):
    start = datetime.date(year, number, 1)
    return Period(
        f"{year}-{number:02d}", _("%(month)02d/%(year)d") % {"month": number, "year": year}, start, add_months(start, 1)
    )


def quarter(year, number):
    start = datetime.date(year, 3 * number - 2, 1)
    label = _("Quarter %(quarter)d/%(year)d") % {"quarter": number, "year": year}
    return Period(f"{year}-Q{number}", label, start, add_months(start, 3))


def year(number):
    return Period(
        str(number), _("Year %(year)d") % {"year": number}, datetime.date(number, 1, 1), datetime.date(number + 1, 1, 1)
    )


def phase(first, last):
    label = _("Programme %(first)d–%(last)d") % {"first": first, "last": last}
    return Period(f"{first}-{last}", label, datetime.date(first, 1, 1), datetime.date(last + 1, 1, 1))


def parse_period(key):
    """The period a key names, or None for a key that names none."""
    key = (key or "").strip()
    if found := re.fullmatch(r"(\d{4})-(\d{2})", key):
        number = int(found[2])
        return month(int(found[1]), number) if 1 <= number <= 12 and int(found[1]) >= FIRST_YEAR else None
    if found := re.fullmatch(r"(\d{4})-Q([1-4])", key):
        return quarter(int(found[1]), int(found[2])) if int(found[1]) >= FIRST_YEAR else None
    if found := re.fullmatch(r"(\d{4})", key):
        return year(int(found[1])) if FIRST_YEAR <= int(found[1]) <= PHASES[-1][1] else None
    if found := re.fullmatch(r"(\d{4})-(\d{4})", key):
        wanted = (int(found[1]), int(found[2]))
        return phase(*wanted) if wanted in PHASES else None
    return None


def default_period(today=None):
    today = today or timezone.localdate()
    return year(today.year)


def period_choices(today=None):
    """The picker's groups: the last 12 months, the last 8 quarters, every year of the programme so far, its phases."""
    today = today or timezone.localdate()
    this_month = datetime.date(today.year, today.month, 1)
    months = [add_months(this_month, -n) for n in range(12)]
    months = [month(day.year, day.month) for day in months if day.year >= FIRST_YEAR]
    this_quarter = (today.year, (today.month - 1) // 3 + 1)
    quarters = []
    for n in range(8):
        index = this_quarter[0] * 4 + this_quarter[1] - 1 - n
        if index // 4 >= FIRST_YEAR:
            quarters.append(quarter(index // 4, index % 4 + 1))
    years = [year(number) for number in range(today.year, FIRST_YEAR - 1, -1)]
    phases = [phase(*wanted) for wanted in PHASES]
    return [(KINDS["month"], months), (KINDS["quarter"], quarters), (KINDS["year"], years), (KINDS["phase"], phases)]
