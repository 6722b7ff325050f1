#!/usr/bin/python3
"""What a pandas user would write instead of `shopkeep recommend --all --method similar`: read the
store with pd.read_sql (counted orders before NOW, their lines with units left), build the binary
customer x product matrix, co-occurrence X^T X, cosine normalisation, pairs seen at least twice, and
the top-k neighbours of every product, written as NDJSON rows. End to end, like shopkeep's run.
Usage: item_similarity_pandas.py STORE NOW K OUT.ndjson   (Debian python3-pandas and python3-scipy)
Prints {"seconds", "read_seconds", "rows", ...} as JSON."""
import json
import sqlite3
import sys
import time

import numpy as np
import pandas as pd
import scipy.sparse as sp

store, now, k, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
start = time.perf_counter()
db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
orders = pd.read_sql("SELECT id AS order_id, customer_id FROM counted_orders WHERE ordered_at < ? AND customer_id IS NOT NULL",
                     db, params=(now,))
lines = pd.read_sql("SELECT order_id, product_id FROM order_lines WHERE product_id IS NOT NULL "
                    "AND coalesce(current_quantity, quantity, 1) > 0", db)
products = pd.read_sql("SELECT id AS product_id, title, handle FROM products", db).set_index("product_id")
read = time.perf_counter() - start
pairs = lines.merge(orders, on="order_id")[["customer_id", "product_id"]].drop_duplicates()
customers = pairs["customer_id"].astype("category")
items = pairs["product_id"].astype("category")
X = sp.csr_matrix((np.ones(len(pairs), dtype=np.float32), (customers.cat.codes, items.cat.codes)))
co = (X.T @ X).tocsr()
counts = np.asarray(X.sum(axis=0)).ravel()
co.setdiag(0)
co.data[co.data < 2] = 0  # pairs seen fewer than twice are noise, as in shopkeep
co.eliminate_zeros()
norm = sp.diags(1 / np.sqrt(counts))
cosine = (norm @ co @ norm).tocsr()
ids = items.cat.categories.to_numpy()
rows = 0
with open(out, "w") as f:
    for i in range(cosine.shape[0]):
        lo, hi = cosine.indptr[i], cosine.indptr[i + 1]
        if lo == hi:
            continue
        data, cols = cosine.data[lo:hi], cosine.indices[lo:hi]
        best = np.argsort(-data, kind="stable")[:k]
        for j in best:
            pid = int(ids[cols[j]])
            p = products.loc[pid] if pid in products.index else None
            f.write(json.dumps({"for_product_id": int(ids[i]), "product_id": pid,
                                "title": None if p is None else p["title"], "score": round(float(data[j]), 6)}) + "\n")
            rows += 1
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "read_seconds": read, "products": int(cosine.shape[0]),
                  "customers": int(X.shape[0]), "pairs": int(len(pairs)), "rows": rows}))
