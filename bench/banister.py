"""The Banister line of `npm run bench` (bench/banister.ts) in vectorised numpy, for comparison.

The same loop — the two-component fitness-fatigue model (Banister et al. 1975) with daily resting
HR and lnRMSSD markers and their noise — over every athlete and arm at once: the state is an array
of athletes x arms, and the loop runs over days, as a researcher would write it in numpy. bench.ts
passes the batch and the constants (from src/models/parameters.ts) as JSON on the command line and
reads back athlete-days per second on stdout.
"""
import json
import sys
import time

import numpy as np


def main() -> None:
    p = json.loads(sys.argv[1])
    athletes, weeks, arms = p["athletes"], p["weeks"], p["arms"]
    fitness_decay = np.exp(-1 / p["fitnessDays"])
    fatigue_decay = np.exp(-1 / p["fatigueDays"])
    rng = np.random.default_rng(1)
    week = np.array([60, 40, 90, 0, 45, 120, 30], dtype=np.float64)
    index = np.arange(athletes)
    base_hr = (55 + index % 20)[:, None].astype(np.float64)
    base_hrv = (3.5 + (index % 10) * 0.1)[:, None]
    scale = (0.8 + 0.1 * np.arange(arms))[None, :]
    started = time.perf_counter()
    fitness = np.full((athletes, arms), 300.0)
    fatigue = np.full((athletes, arms), 300 * (1 - fitness_decay) / (1 - fatigue_decay))
    checksum = 0.0
    performance = np.zeros((athletes, arms))
    for day in range(weeks * 7):
        load = scale * week[day % 7]
        fitness = fitness * fitness_decay + load
        fatigue = fatigue * fatigue_decay + load
        performance = p["fitnessWeight"] * fitness * (1 - fitness_decay) - p["fatigueWeight"] * fatigue * (1 - fatigue_decay)
        strain = fatigue * (1 - fatigue_decay) / np.maximum(1e-9, fitness * (1 - fitness_decay)) - 1
        noise = rng.standard_normal((2, athletes, arms))
        resting_hr = base_hr + p["hrPerStrain"] * strain + p["hrNoiseSd"] * noise[0]
        ln_rmssd = base_hrv + p["hrvPerStrain"] * strain + p["hrvNoiseSd"] * noise[1]
        checksum += float(resting_hr.sum() + ln_rmssd.sum()) * 1e-9
    checksum += float(performance.sum()) * 1e-9
    seconds = time.perf_counter() - started
    if not np.isfinite(checksum):
        raise SystemExit("banister.py: not a number")
    print(json.dumps({"rate": athletes * arms * weeks * 7 / seconds, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
