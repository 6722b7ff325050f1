#!/usr/bin/python3
"""The statsmodels side of tests/bench/restock.sh: on the same series as `shopkeep restock evaluate`
(daily current units per variant, London days, from the first sale; the N best sellers before the
cut-off), the same measures for statsmodels' ExponentialSmoothing (simple, Holt, additive weekly
Holt-Winters) and, as a check that the series are the same, the 8-week naive rate computed here.
Prints them beside shopkeep's figures (its JSON files) with the time each side took.

usage: restock_statsmodels.py CSV WORKDIR CUTOFF...  (WORKDIR holds shopkeep_CUTOFF.json and _seconds)
"""
import datetime
import json
import math
import os
import sys
import time
import warnings

import numpy as np
from statsmodels.tsa.holtwinters import ExponentialSmoothing
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from online_retail_to_shopify import daily_units  # noqa: E402

WEEKS, TOP, LEAD, LEVEL = 8, 100, 14, 0.95
warnings.filterwarnings("ignore")


def series_at(units, first, cutoff):
    """{variant: np.array of daily units from its first sale to the end of the holdout}, best sellers first."""
    end = cutoff + datetime.timedelta(days=7 * WEEKS)
    out = []
    for vid, days in units.items():
        start = datetime.date.fromisoformat(first[vid])
        if start >= cutoff:
            continue
        n = (end - start).days
        y = np.zeros(n)
        for day, u in days.items():
            d = (datetime.date.fromisoformat(day) - start).days
            if 0 <= d < n:
                y[d] += u
        c = (cutoff - start).days
        if y[:c].sum() > 0:
            out.append((vid, y, c))
    out.sort(key=lambda s: (-s[1][:s[2]].sum(), s[0]))
    return out[:TOP]


def naive8(y):
    tail = y[-56:]
    return np.full(1, tail.mean() if len(tail) else 0.0)[0]


def fit_forecast(kind, y, h):
    if kind == "naive_8w":
        return np.full(h, naive8(y))
    if len(y) < 10 or y.sum() == 0:
        return np.full(h, naive8(y))
    if kind == "sm_ses":
        model = ExponentialSmoothing(y, trend=None, seasonal=None, initialization_method="estimated")
    elif kind == "sm_holt":
        model = ExponentialSmoothing(y, trend="add", seasonal=None, initialization_method="estimated")
    else:  # sm_hw_weekly
        if len(y) < 28:
            return np.full(h, naive8(y))
        model = ExponentialSmoothing(y, trend=None, seasonal="add", seasonal_periods=7,
                                     initialization_method="estimated")
    return np.clip(model.fit().forecast(h), 0, None)


def scales(y, c):
    first = int(np.argmax(y[:c] > 0))
    weeks = []
    end = c
    while end - 7 >= first:
        weeks.append(y[end - 7:end].sum())
        end -= 7
    if len(weeks) < 2:
        return None
    diffs = np.diff(weeks)
    if np.abs(diffs).sum() == 0:
        return None
    return np.abs(diffs).mean(), (diffs ** 2).mean()


def evaluate(kind, series, rolling):
    started = time.perf_counter()
    mase = rmsse = 0.0
    scaled = 0
    f_all = a_all = 0.0
    total = 0.0
    for _, y, c in series:
        sc = scales(y, c)
        if rolling:
            errs = []
            for k in range(WEEKS):
                o = c + 7 * k
                f, a = fit_forecast(kind, y[:o], 7).sum(), y[o:o + 7].sum()
                errs.append(f - a)
                f_all += f
                a_all += a
            errs = np.array(errs)
            if sc:
                mase += np.abs(errs).mean() / sc[0]
                rmsse += math.sqrt((errs ** 2).mean() / sc[1])
                scaled += 1
        f = fit_forecast(kind, y[:c], 7 * WEEKS).sum()
        total += abs(f - y[c:c + 7 * WEEKS].sum())
    result = {"total_abs_error": total, "seconds": time.perf_counter() - started}
    if rolling:
        result.update(mase=mase / scaled, rmsse=rmsse / scaled, bias=(f_all - a_all) / a_all)
    return result


def ets_coverage(series):
    """Share of series whose 14-day demand after the cut-off stayed within the 95% quantile of an
    ETS(A,N,N) model's simulated 14-day sums (statsmodels ETSModel)."""
    started = time.perf_counter()
    covered = checked = 0
    for _, y, c in series:
        train = y[:c]
        actual = y[c:c + LEAD].sum()
        if len(train) < 10 or train.sum() == 0:
            point = naive8(train) * LEAD
            quantile = point
        else:
            fit = ETSModel(train, error="add", trend=None, seasonal=None).fit(disp=False)
            sims = fit.simulate(LEAD, repetitions=500, anchor="end", random_state=1)
            quantile = np.quantile(np.asarray(sims).sum(axis=0), LEVEL)
        checked += 1
        covered += actual <= quantile
    return covered / checked, time.perf_counter() - started


def fmt(v, digits=3):
    return "-" if v is None else f"{v:.{digits}f}"


def main():
    csv_path, work, cutoffs = sys.argv[1], sys.argv[2], sys.argv[3:]
    units, first = daily_units(csv_path)
    for cut in cutoffs:
        cutoff = datetime.date.fromisoformat(cut)
        series = series_at(units, first, cutoff)
        with open(os.path.join(work, f"shopkeep_{cut}.json")) as f:
            sk = json.load(f)
        with open(os.path.join(work, f"shopkeep_{cut}_seconds")) as f:
            sk_seconds = float(f.read())
        sk_methods = {m["method"]: m for m in sk["methods"]}
        py_naive = evaluate("naive_8w", series, True)
        print(f"\n== cut-off {cut}: {len(series)} series, 8 weeks held out "
              f"(shopkeep: {sk['series']} series, cut-off {sk['cutoff']}) ==")
        print(f"check: 8-week naive total error here {py_naive['total_abs_error']:.1f}, "
              f"shopkeep {sk_methods['naive_8w']['total_abs_error']:.1f}")
        print(f"{'method':<34}{'MASE':>8}{'RMSSE':>8}{'bias':>8}{'total err':>11}{'vs naive':>10}")
        for name, m in sk_methods.items():
            print(f"{'shopkeep ' + name:<34}{fmt(m['mase']):>8}{fmt(m['rmsse']):>8}{fmt(m['bias']):>8}"
                  f"{m['total_abs_error']:>11.1f}{fmt(m['total_vs_naive']):>10}")
        base = py_naive["total_abs_error"]
        for kind, rolling in (("sm_ses", True), ("sm_holt", False), ("sm_hw_weekly", False)):
            r = evaluate(kind, series, rolling)
            print(f"{'statsmodels ' + kind[3:]:<34}{fmt(r.get('mase')):>8}{fmt(r.get('rmsse')):>8}"
                  f"{fmt(r.get('bias')):>8}{r['total_abs_error']:>11.1f}{r['total_abs_error'] / base:>10.3f}"
                  f"   ({r['seconds']:.1f} s)")
        cov, cov_seconds = ets_coverage(series)
        rp = sk["reorder_points"]
        print(f"reorder points at {rp['service_level']}: shopkeep coverage {fmt(rp['coverage'])} over "
              f"{rp['checked']} (at the cut-off {fmt(rp['coverage_at_cutoff'])}), Poisson on the 8-week rate "
              f"{fmt(rp['poisson_coverage'])}; statsmodels ETS(A,N,N) 95% quantile at the cut-off {cov:.3f} "
              f"({cov_seconds:.1f} s)")
        print(f"auto chose: {json.dumps(sk['selected'])}")
        print(f"time: shopkeep restock evaluate {sk_seconds:.2f} s (every method, rolling and fixed origin, "
              f"coverage at {rp['origins']} origins)")


if __name__ == "__main__":
    main()
