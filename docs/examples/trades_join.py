"""Runs trades_join.sql against a Barkeep database with Python's own sqlite3 (no Barkeep code involved)."""
import pathlib
import sqlite3
import sys

db = sys.argv[1] if len(sys.argv) > 1 else "trades.db"
sql = (pathlib.Path(__file__).parent / "trades_join.sql").read_text()
with sqlite3.connect(db) as con:
    cur = con.execute(sql)
    print(",".join(d[0] for d in cur.description))
    for row in cur:
        print(",".join("" if v is None else str(v) for v in row))
