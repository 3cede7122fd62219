"""Write synthetic incidents to a file, for benchmarking the importers.

    .venv/bin/python bench/generate_incidents.py --rows 1000000 --format csv \\
        --out /tmp/incidents-1m.csv
    .venv/bin/python bench/generate_incidents.py --rows 100000 --format polisen-json \\
        --out /tmp/polisen-100k.json

csv: semicolon-separated, one row per incident, with a mapping file beside it
(OUT.mapping.json) so that `trygg import csv OUT --mapping OUT.mapping.json`
reads it. polisen-json: the shape of the police's public events API (a JSON
array of {id, datetime, name, summary, url, type, location {name, gps}}), with
every row a police event; `trygg import polisen-events OUT` reads it.

Rows come from trygg.demo.incidents (the demo's places, seasons and rhythms)
and are written chunk by chunk as whole columns, never held in memory at once.
No database and no Django settings are needed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trygg.demo.incidents import (  # noqa: E402
    CATEGORIES,
    DEMO_CENTRES,
    LABELS,
    SOURCES,
    generate_columns,
    stockholm_offset,
)
from trygg.demo.seeds import MUNICIPALITIES  # noqa: E402

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
CSV_HEADER = "Id;Källa;Typ;Kategori;Från;Till;Lat;Lon;Precision;Kommun;Synlighet;Beskrivning\n"
CSV_MAPPING = {
    "source": "other",  # one file, one source: ids are unique across the whole file
    "id": "Id",
    "from": "Från",
    "to": "Till",
    "category": "Kategori",
    "category_map": {slug: slug for slug in CATEGORIES},
    "latitude": "Lat",
    "longitude": "Lon",
    "municipality": "Kommun",
    "text": "Beskrivning",
    "delimiter": ";",
    "date_format": "%Y-%m-%d %H:%M:%S",
}


def _local_strings(utc: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """ "YYYY-MM-DD HH:MM:SS" in Stockholm wall-clock time, for a whole column at once."""
    text = np.datetime_as_string((utc + offset).astype("datetime64[s]"), unit="s")
    return np.char.replace(text, "T", " ")


def _offset_strings(offset: np.ndarray) -> np.ndarray:
    return np.where(offset == 7200, "+02:00", "+01:00")


def _number_strings(values: np.ndarray, missing: np.ndarray) -> list[str]:
    text = np.char.mod("%.6f", values)
    return np.where(missing, "", text).tolist()


def csv_chunks(columns: Iterator[dict[str, np.ndarray]]) -> Iterator[str]:
    """CSV text, one string per chunk of rows."""
    yield CSV_HEADER
    sources = np.array(SOURCES, dtype=object)
    categories = np.array(CATEGORIES, dtype=object)
    labels = np.array([LABELS[slug] for slug in CATEGORIES], dtype=object)
    municipalities = np.array([centre.municipality for centre in DEMO_CENTRES], dtype=object)
    for chunk in columns:
        source = sources[chunk["source"]]
        police = chunk["source"] == SOURCES.index("police_event")
        kind = np.where(police, chunk["police_type"], labels[chunk["category"]])
        missing = chunk["municipality_only"]
        rows = zip(
            chunk["number"].tolist(),
            source.tolist(),
            kind.tolist(),
            categories[chunk["category"]].tolist(),
            _local_strings(chunk["utc_from"], chunk["utc_offset"]).tolist(),
            _local_strings(chunk["utc_to"], chunk["utc_offset_to"]).tolist(),
            _number_strings(chunk["latitude"], missing),
            _number_strings(chunk["longitude"], missing),
            np.where(missing, "municipality", "point").tolist(),
            municipalities[chunk["centre"]].tolist(),
            np.where(chunk["internal"], "internal", "shared").tolist(),
            chunk["text"].tolist(),
            strict=True,
        )
        yield "".join(f"bench-{row[0]};" + ";".join(map(str, row[1:])) + "\n" for row in rows)


def polisen_chunks(columns: Iterator[dict[str, np.ndarray]]) -> Iterator[str]:
    """A JSON array written piece by piece: the police's public events, one object a row.

    The event happened at utc_from ("name" says when, in Swedish, as the police
    write it); it was published between a quarter of an hour and a few hours
    later ("datetime", hour without a leading zero, with the UTC offset).
    """
    names = {code: name for code, (name, _) in MUNICIPALITIES.items()}
    centroids = {}
    for centre in DEMO_CENTRES:  # the heaviest centre of each municipality stands in for it
        best = centroids.get(centre.municipality)
        if best is None or centre.weight > best.weight:
            centroids[centre.municipality] = centre
    first = True
    yield "["
    rng = np.random.default_rng(0)
    for chunk in columns:
        size = len(chunk["number"])
        delay = (900 + rng.exponential(2 * 3600, size)).astype(np.int64)
        published = chunk["utc_from"] + delay
        published_offset = stockholm_offset(published)
        happened = (chunk["utc_from"] + chunk["utc_offset"]).astype("datetime64[s]")
        published_local = (published + published_offset).astype("datetime64[s]")
        happened_list = happened.tolist()
        published_list = published_local.tolist()
        offsets = _offset_strings(published_offset).tolist()
        parts = []
        for number, when, pub, offset, kind, text, centre in zip(
            chunk["number"].tolist(),
            happened_list,
            published_list,
            offsets,
            chunk["police_type"].tolist(),
            chunk["text"].tolist(),
            chunk["centre"].tolist(),
            strict=True,
        ):
            code = DEMO_CENTRES[centre].municipality
            place = names[code]
            month = MONTHS[when.month - 1]
            event = {
                "id": number,
                "datetime": f"{pub:%Y-%m-%d} {pub.hour}:{pub:%M:%S} {offset}",
                "name": f"{when.day:02d} {month} {when:%H.%M}, {kind}, {place}",
                "summary": text,
                "url": f"/aktuellt/handelser/{pub.year}/{MONTHS[pub.month - 1]}/{number}/",
                "type": kind,
                "location": {
                    "name": place,
                    "gps": f"{centroids[code].latitude:.6f},{centroids[code].longitude:.6f}",
                },
            }
            parts.append(("" if first else ",\n") + json.dumps(event, ensure_ascii=False))
            first = False
        yield "".join(parts)
    yield "\n]\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--format", choices=("csv", "polisen-json"), default="csv")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2023, 1, 1))
    parser.add_argument("--end", type=date.fromisoformat, default=date(2027, 1, 1))
    args = parser.parse_args(argv)

    shares = {"police_event": 1.0} if args.format == "polisen-json" else None
    columns = generate_columns(
        args.rows,
        seed=args.seed,
        start=args.start,
        end=args.end,
        centres=DEMO_CENTRES,
        source_shares=shares,
    )
    writer = csv_chunks if args.format == "csv" else polisen_chunks
    began = time.perf_counter()
    with args.out.open("w", encoding="utf-8", newline="") as out:
        for text in writer(columns):
            out.write(text)
    seconds = time.perf_counter() - began
    if args.format == "csv":
        mapping = args.out.with_name(args.out.name + ".mapping.json")
        mapping.write_text(json.dumps(CSV_MAPPING, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"mapping: {mapping}")
    size = args.out.stat().st_size / 1e6
    print(
        f"{args.rows:,} rows to {args.out} ({size:.0f} MB) in {seconds:.1f} s: "
        f"{args.rows / seconds:,.0f} rows/s"
    )


if __name__ == "__main__":
    main()
