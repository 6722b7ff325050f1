#!/usr/bin/python3
"""Reference BG/NBD fit in Python, as the `lifetimes` library does it: its negative
log-likelihood (vectorised with numpy/scipy.special over every customer) and scipy's Nelder-Mead
on log parameters from ones. Reads the summary CSV (frequency,recency,T), prints JSON."""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, logsumexp

data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
x, t_x, T = data[:, 0], data[:, 1], data[:, 2]


def negative_log_likelihood(log_params):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x)
    max_a3_a4 = np.maximum(a3, a4)
    a3_a4 = np.where(x > 0, logsumexp(np.vstack([a3, a4]), axis=0), a3)
    return -(a1 + a2 + a3_a4).sum()


start = time.perf_counter()
result = minimize(negative_log_likelihood, np.zeros(4), method="Nelder-Mead", tol=1e-7,
                  options={"maxiter": 20000, "maxfev": 20000})
seconds = time.perf_counter() - start
r, alpha, a, b = np.exp(result.x)
print(json.dumps({"r": r, "alpha": alpha, "a": a, "b": b, "log_likelihood": -result.fun,
                  "seconds": seconds, "customers": int(len(x)), "iterations": int(result.nit)}))
