"""Did it work? Incidents before and after place-based work, by the WDD test.

Wheeler, A. P. & Ratcliffe, J. H. (2018) "A simple weighted displacement
difference test to evaluate place based crime interventions", Crime Science 7:11.

The rules, in words:

* Four zones. The treated zone T is where the work was done: the areas of the
  commitment or action, and a circle of `place_radius` metres around each of
  its places. The comparison zone Ct is an area the user picks, one expected
  to follow T's trend without getting the work. The displacement zone D is a
  ring `buffer` metres wide around T, where crime pushed out of T would turn up
  (or where the benefit spills over), and Cd, the ring of the same width around
  Ct, is its comparison, as the paper asks. Rings are drawn in SWEREF 99 TM
  (EPSG:3006), Sweden's metric projection, so 200 m is 200 m on the ground.
  The zones never overlap: T and Ct may not (ZoneError), D leaves out Ct, and
  Cd leaves out T and D. A width of 0 leaves displacement out (D = Cd = 0).
* Which incidents: those the user may see (incidents.access.visible_incidents),
  that count and fall in the period by the lägesbild's rule
  (lagesbild.counts.in_period: no summaries, by when the window starts, on
  Stockholm dates, both ends included), placed at a point or a named place
  (an event known only by its municipality has no position to test), and
  inside the zone; a point on a boundary belongs to the zone, as in
  geo.services, and to the first of T, Ct, D, Cd it touches.
* The two periods are equally long and the "before" period ends before the
  "after" period starts: the test compares counts, and counts grow with time.
* The test. With ΔX = X1 − X0 (after minus before) for each zone,

      WDD = (ΔT − ΔCt) + (ΔD − ΔCd)

  the treated zone's change beyond its comparison's (the local effect) plus
  the ring's change beyond its comparison's (displacement, or diffusion of
  benefits when negative). Negative means fewer incidents than the
  comparisons give reason to expect. Each count is taken as Poisson, so its
  variance is the count itself and

      Var(WDD) = T0 + T1 + Ct0 + Ct1 + D0 + D1 + Cd0 + Cd1,

  z = WDD / √Var, and p is two-sided from the normal distribution. The
  paper's example (the Philadelphia foot patrol experiment: T 207 → 110,
  Ct 308 → 318, D 178 → 157, Cd 150 → 140) gives WDD = −118, standard error
  √1568 ≈ 39.6, z = −2.98 and a 95 % interval from −196 to −40.
* The verdict. p below the lägesbild's level (ALPHA, 0.05) with WDD < 0 is
  a decrease larger than chance explains, with WDD > 0 an increase; anything
  else cannot be told apart from chance. Too few incidents: the normal
  approximation is poor for small counts, and with few incidents nothing
  could be shown anyway. The rule: there are too few when even the best
  outcome could not be told from chance. If all n incidents of the treated
  zone disappeared while an equally large comparison stayed the same, WDD
  would be −n with variance 3n, so z = −√(n/3), which reaches 1.96 only from
  n = 12 (MIN_TREATED). Fewer than that in the treated zone in both periods
  is too few, whatever the other zones show.

What the test cannot know: crime counts are often overdispersed (repeats, one
person's spree), which makes the Poisson standard error too small; the
comparison must share the treated zone's trend (parallel trends), which only
the user's choice of area can make likely; and a ring cut short by the
comparison area or the edge of what the user may see catches less
displacement.
"""

import math
from dataclasses import dataclass
from datetime import date
from functools import cache
from statistics import NormalDist
from typing import NamedTuple

import numpy as np
import shapely
from django.db.models import QuerySet, TextChoices
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pyproj import Transformer
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from trygg.geo.geometry import parse_polygon
from trygg.geo.models import Area, Place
from trygg.incidents.models import Incident
from trygg.lagesbild.counts import ALPHA, in_period
from trygg.promises.progress import Slice

METRIC = "EPSG:3006"  # SWEREF 99 TM
DEGREES = "EPSG:4326"  # WGS 84, as areas, places and incidents are stored
Z_CRITICAL = NormalDist().inv_cdf(1 - ALPHA / 2)
MIN_TREATED = math.ceil(3 * Z_CRITICAL**2)
# Incidents whose latitude and longitude say where it happened.
PLACED = (Incident.Precision.POINT, Incident.Precision.PLACE)


class ZoneError(ValueError):
    """Zones that cannot be compared; the message says why, for the person who chose them."""


class PeriodError(ValueError):
    """Periods that cannot be compared; the message says why."""


# --- the test ----------------------------------------------------------------------------


class PrePost(NamedTuple):
    """A zone's incident counts before and after."""

    before: int
    after: int

    @property
    def change(self) -> int:
        return self.after - self.before


NONE = PrePost(0, 0)


class Verdict(TextChoices):
    """What the test says, as a code and in words for people."""

    DECREASE = "decrease", gettext_lazy("The decrease is larger than chance explains.")
    INCREASE = "increase", gettext_lazy("The increase is larger than chance explains.")
    CHANCE = "chance", gettext_lazy("The change cannot be told apart from chance.")
    TOO_FEW = "too_few", gettext_lazy("Too few incidents to tell.")


@dataclass(frozen=True)
class Result:
    """The WDD, its parts and its test, for the four zones' counts."""

    treated: PrePost
    control: PrePost
    displacement: PrePost
    control_displacement: PrePost
    local: int  # ΔT − ΔCt
    local_variance: int
    displaced: int  # ΔD − ΔCd
    displaced_variance: int
    z: float
    p: float
    verdict: str

    @property
    def wdd(self) -> int:
        return self.local + self.displaced

    @property
    def size(self) -> int:
        """How many incidents fewer or more than expected, without the sign."""
        return abs(self.wdd)

    @property
    def variance(self) -> int:
        return self.local_variance + self.displaced_variance

    @property
    def standard_error(self) -> float:
        return math.sqrt(self.variance)

    @property
    def local_standard_error(self) -> float:
        return math.sqrt(self.local_variance)

    @property
    def displaced_standard_error(self) -> float:
        return math.sqrt(self.displaced_variance)

    @property
    def low(self) -> float:
        """The lower end of the 1 − ALPHA (95 %) confidence interval of the WDD."""
        return self.wdd - Z_CRITICAL * self.standard_error

    @property
    def high(self) -> float:
        return self.wdd + Z_CRITICAL * self.standard_error

    @property
    def label(self) -> str:
        return str(Verdict(self.verdict).label)


def wdd(
    treated: PrePost,
    control: PrePost,
    displacement: PrePost = NONE,
    control_displacement: PrePost = NONE,
) -> Result:
    """The weighted displacement difference test of Wheeler & Ratcliffe (2018).

    Counts are (before, after) pairs; leave the displacement pairs out to
    test the treated zone against its comparison alone, as the paper allows.
    """
    treated, control = PrePost(*treated), PrePost(*control)
    displacement, control_displacement = PrePost(*displacement), PrePost(*control_displacement)
    for pair in (treated, control, displacement, control_displacement):
        if min(pair) < 0:
            raise ValueError(f"counts cannot be negative, got {pair}")
    local = treated.change - control.change
    displaced = displacement.change - control_displacement.change
    local_variance = sum(treated) + sum(control)
    displaced_variance = sum(displacement) + sum(control_displacement)
    variance = local_variance + displaced_variance
    z = (local + displaced) / math.sqrt(variance) if variance else 0.0
    p = math.erfc(abs(z) / math.sqrt(2))  # two-sided: 2 · (1 − Φ(|z|))
    if max(treated) < MIN_TREATED:
        verdict = Verdict.TOO_FEW
    elif p < ALPHA:
        verdict = Verdict.DECREASE if z < 0 else Verdict.INCREASE
    else:
        verdict = Verdict.CHANCE
    return Result(
        treated=treated,
        control=control,
        displacement=displacement,
        control_displacement=control_displacement,
        local=local,
        local_variance=local_variance,
        displaced=displaced,
        displaced_variance=displaced_variance,
        z=z,
        p=p,
        verdict=verdict,
    )


# --- periods -----------------------------------------------------------------------------


def check_periods(before: Slice, after: Slice, today: date) -> None:
    """Refuse periods the test cannot compare, saying why (PeriodError)."""
    for period in (before, after):
        if period.end < period.start:
            raise PeriodError(_("The period cannot end before it starts."))
    if before.days != after.days:
        raise PeriodError(
            _(
                "The periods must be equally long: before is %(before)s days, "
                "after is %(after)s days."
            )
            % {"before": before.days, "after": after.days}
        )
    if before.end >= after.start:
        raise PeriodError(_("The period before must end before the period after starts."))
    if after.end >= today:
        raise PeriodError(_("The period after must have ended: choose an end date before today."))


# --- zones -------------------------------------------------------------------------------


@cache
def _transformer(source: str, target: str) -> Transformer:
    """One transformer per direction, built once: building one reads PROJ's database."""
    return Transformer.from_crs(source, target, always_xy=True)


def _reproject(geometry: BaseGeometry, source: str, target: str) -> BaseGeometry:
    transformer = _transformer(source, target)
    return shapely.transform(geometry, lambda xy: np.column_stack(transformer.transform(*xy.T)))


def in_metres(geometry: BaseGeometry) -> BaseGeometry:
    """A WGS 84 (longitude, latitude) geometry in SWEREF 99 TM metres."""
    return _reproject(geometry, DEGREES, METRIC)


def treated_zone(areas: list[Area], places: list[Place], place_radius: float) -> BaseGeometry:
    """Where the work was done, in metres: the areas' boundaries and circles around the places.

    Areas without a drawn boundary cannot be measured and are left out.
    """
    shapes = [in_metres(parse_polygon(area.geometry)) for area in areas if area.geometry]
    shapes += [
        in_metres(Point(place.longitude, place.latitude)).buffer(place_radius) for place in places
    ]
    return unary_union(shapes)


@dataclass(frozen=True)
class Zones:
    """The four zones, in SWEREF 99 TM metres, never overlapping."""

    treated: BaseGeometry
    control: BaseGeometry
    displacement: BaseGeometry
    control_displacement: BaseGeometry

    def in_order(self) -> list[BaseGeometry]:
        """The order in which a point is placed: the first zone that has it keeps it."""
        return [self.treated, self.control, self.displacement, self.control_displacement]

    def bounds_in_degrees(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) around all zones, for a cheap first cut in the database.

        Padded by 0.001° (about 60–110 m): a straight edge in metres bends a
        little in degrees.
        """
        outline = _reproject(unary_union(self.in_order()), METRIC, DEGREES)
        west, south, east, north = outline.bounds
        pad = 0.001
        return west - pad, south - pad, east + pad, north + pad


def zones(treated: BaseGeometry, control: BaseGeometry, buffer: float) -> Zones:
    """The treated zone, its comparison, and the rings `buffer` metres wide around each."""
    if treated.is_empty:
        raise ZoneError(_("The work is not tied to an area with a boundary or to a place."))
    if control.is_empty:
        raise ZoneError(_("The comparison area has no boundary."))
    if treated.intersection(control).area > 0:
        raise ZoneError(
            _(
                "The comparison area overlaps the area where the work was done. "
                "Choose an area that does not."
            )
        )
    if buffer < 0:
        raise ZoneError(_("The buffer width cannot be negative."))
    empty = shapely.Polygon()
    displacement = (
        treated.buffer(buffer).difference(treated).difference(control) if buffer else empty
    )
    control_displacement = (
        control.buffer(buffer).difference(control).difference(treated).difference(displacement)
        if buffer
        else empty
    )
    return Zones(treated, control, displacement, control_displacement)


# --- counting ----------------------------------------------------------------------------


def _zone_counts(incidents: QuerySet[Incident], where: Zones, period: Slice) -> list[int]:
    """How many of the period's placed incidents fall in each zone, in Zones.in_order()."""
    west, south, east, north = where.bounds_in_degrees()
    rows = list(
        in_period(incidents, period.start, period.end)
        .filter(
            precision__in=PLACED,
            latitude__range=(south, north),
            longitude__range=(west, east),
        )
        .order_by()
        .values_list("longitude", "latitude")
    )
    if not rows:
        return [0] * len(where.in_order())
    longitudes, latitudes = np.array(rows, dtype=float).T
    x, y = _transformer(DEGREES, METRIC).transform(longitudes, latitudes)
    unplaced = np.ones(len(rows), dtype=bool)
    counts = []
    for shape in where.in_order():
        inside = unplaced & shapely.intersects_xy(shape, x, y)
        counts.append(int(inside.sum()))
        unplaced &= ~inside
    return counts


def measure(incidents: QuerySet[Incident], where: Zones, before: Slice, after: Slice) -> Result:
    """Count the incidents of each zone in both periods and test the change.

    `incidents` is what the user may see (visible_incidents), narrowed by the
    caller if it likes (a category); the period rule is the lägesbild's.
    """
    counts_before = _zone_counts(incidents, where, before)
    counts_after = _zone_counts(incidents, where, after)
    pairs = [PrePost(b, a) for b, a in zip(counts_before, counts_after, strict=True)]
    return wdd(*pairs)


def unplaced(incidents: QuerySet[Incident], period: Slice) -> int:
    """How many of the period's incidents have no position, and so are in no zone."""
    return (
        in_period(incidents, period.start, period.end)
        .exclude(precision__in=PLACED, latitude__isnull=False, longitude__isnull=False)
        .count()
    )
