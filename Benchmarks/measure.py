#!/usr/bin/env python3
"""Times commands by alternating runs, and prints each one's median wall time and peak memory.

Usage: Benchmarks/measure.py RUNS NAME=COMMAND [NAME=COMMAND ...]

Each round runs every command once, in turn, so a machine whose speed drifts (other builds on
it) slows them alike. The wall time is the median of the rounds (the fastest in brackets); the
memory is the largest resident set of any run of that command, read from the kernel for that
process alone (wait4). Prints one line per command: NAME median fastest peak_MB, and writes
nothing else to stdout. A command is run through the shell, its output discarded; one that
fails stops the measurement.
"""
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def run(command):
    """Runs a shell command; returns its wall time and peak resident memory in MB."""
    # The warnings go to a file: a pipe nobody reads until the end would stop a build that has many.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(["/bin/sh", "-c", "exec " + command], stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            sys.exit("measure: %s failed (%d):\n%s" % (command, process.returncode, errors.read().decode("utf-8", "replace")[-2000:]))
    return seconds, usage.ru_maxrss / 1024


def main():
    runs = int(sys.argv[1])
    commands = [argument.split("=", 1) for argument in sys.argv[2:]]
    times = {name: [] for name, _ in commands}
    peaks = {name: 0.0 for name, _ in commands}
    for _ in range(runs):
        for name, command in commands:
            seconds, peak = run(command)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    for name, _ in commands:
        print("%s %.3f %.3f %.0f" % (name, statistics.median(times[name]), min(times[name]), peaks[name]))


if __name__ == "__main__":
    main()
