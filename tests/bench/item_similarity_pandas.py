#!/usr/bin/python3
"""Reference item-to-item similarity with pandas/scipy: customer x product binary matrix,
co-occurrence X^T X, cosine normalisation, top-k neighbours per product. Reads the
customer_id,product_id pairs CSV; prints the time of the computation (not of reading the CSV)."""
import json
import sys
import time

import numpy as np
import pandas as pd
import scipy.sparse as sp

k = int(sys.argv[2]) if len(sys.argv) > 2 else 10
pairs = pd.read_csv(sys.argv[1]).drop_duplicates()
start = time.perf_counter()
customers = pairs["customer_id"].astype("category")
products = pairs["product_id"].astype("category")
X = sp.csr_matrix((np.ones(len(pairs), dtype=np.float32), (customers.cat.codes, products.cat.codes)))
co = (X.T @ X).tocsr()
counts = np.asarray(X.sum(axis=0)).ravel()
co.setdiag(0)
co.eliminate_zeros()
norm = sp.diags(1 / np.sqrt(counts))
cosine = (norm @ co @ norm).tocsr()
top = {}
for i in range(cosine.shape[0]):
    row = cosine.getrow(i)
    if row.nnz:
        best = np.argsort(-row.data)[:k]
        top[i] = list(zip(row.indices[best].tolist(), row.data[best].tolist()))
seconds = time.perf_counter() - start
print(json.dumps({"products": int(cosine.shape[0]), "customers": int(X.shape[0]), "pairs": int(len(pairs)),
                  "with_neighbours": len(top), "seconds": seconds}))
