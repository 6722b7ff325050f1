#!/usr/bin/python3
"""A canonical dump of a shopkeep store's data, so two stores can be compared row for row (kill and
load tests): every table's rows as sorted JSON lines, duplicates kept (a doubled row shows).

  store_dump.py DB [--table T ...] [--skip-table T ...] [--skip-column C ...] [--integrity]

--table dumps only the tables named (default every table);
--skip-table leaves a table out, --skip-column a column (in every table, or TABLE.COLUMN in one):
callers name what legitimately differs between two runs and why. A `raw` column is compared as
the JSON value it holds, not as text. --integrity only runs
PRAGMA integrity_check and prints its answer ("ok"). The store is opened read-only, so a store left
by a killed process is looked at as it is (its WAL recovered in memory, not checkpointed); only a hot
rollback journal (a kill while the store was being created) is rolled back, as any next open would."""
import argparse
import json
import sqlite3
import sys


def open_read_only(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError as e:
        if "readonly" not in str(e):
            raise
    # A hot rollback journal (a kill while the store was being created, before it was switched to
    # WAL) can only be rolled back by a writer: open it as the next command would.
    db.close()
    return sqlite3.connect(path, timeout=30)


def integrity(db):
    return "\n".join(row[0] for row in db.execute("PRAGMA integrity_check"))


def canonical_json(text):
    """A `raw` column compared as the JSON it holds: one object read by two paths (a bulk file, a
    page of the API) comes as the same value in another key order and spacing."""
    try:
        return json.dumps(json.loads(text), sort_keys=True)
    except ValueError:
        return text


def dump(db, only_tables, skip_tables, skip_columns):
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for table in tables:
        if table in skip_tables or (only_tables and table not in only_tables):
            continue
        cursor = db.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cursor.description]
        keep = [i for i, n in enumerate(names) if n not in skip_columns and f"{table}.{n}" not in skip_columns]
        lines = []
        for row in cursor:
            values = {names[i]: row[i] for i in keep}
            if isinstance(values.get("raw"), str):
                values["raw"] = canonical_json(values["raw"])
            lines.append(json.dumps(values, sort_keys=True, default=repr))
        lines.sort()
        for line in lines:
            print(f"{table}\t{line}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("db")
    p.add_argument("--table", action="append", default=[])
    p.add_argument("--skip-table", action="append", default=[])
    p.add_argument("--skip-column", action="append", default=[])
    p.add_argument("--integrity", action="store_true")
    args = p.parse_args()
    db = open_read_only(args.db)
    if args.integrity:
        print(integrity(db))
        return
    dump(db, set(args.table), set(args.skip_table), set(args.skip_column))


if __name__ == "__main__":
    sys.exit(main())
