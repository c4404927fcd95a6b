#!/usr/bin/env python3
"""Run a command and report its wall time and peak resident set size.

    python3 bench/measure.py [-r RUNS] [-o FILE] [--] CMD [ARG...]

Runs CMD RUNS times (default 1), one after the other, with standard output
sent to FILE (default /dev/null) and standard error passed through.  For
every run it prints to standard error

    run K: WALL_MS ms, MAXRSS_KIB KiB

and at the end, to standard output, one line for scripts:

    RESULT median_ms=M min_ms=M max_ms=M maxrss_kib=K runs=R cpu_ms=C launch=HOW

The peak RSS is the command's ru_maxrss as the kernel reports it in the
rusage of wait4(2) -- getrusage(RUSAGE_CHILDREN) for that one child; GNU time
need not be installed.  maxrss_kib is the largest over the runs.

Why not simply fork from Python: ru_maxrss is a high-water mark that
survives execve(2), and a child forked from Python starts as a copy of the
interpreter, so every command would show at least Python's own ~14 MiB.  So
on Linux (launch=subreaper) this process makes itself a child subreaper and
starts the command as a background job of /bin/sh, which exits at once: the
job is forked from the small shell, reparented to us, told to exec the
command only then, and reaped here with the command's own rusage (floor:
about 1 MiB, /bin/true's size).  Where prctl is
not available it falls back to a direct child (launch=direct, with the
floor).  Wall time runs from letting the waiting job exec the command to
reaping it (from the spawn, for launch=direct).

cpu_ms is the median of user + system CPU time (ru_utime + ru_stime of the
same rusage); above median_ms, the command used more than one core.

Exits with the command's status if a run fails.
"""

import ctypes
import os
import signal
import statistics
import sys
import time

PR_SET_CHILD_SUBREAPER = 36


def subreaper():
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def run_once(args, out, via_sh):
    """Returns (wall seconds, wait status, rusage) of one run of args."""
    fa = [(os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
           0o644)]
    if not via_sh:
        t0 = time.perf_counter()
        pid = os.posix_spawnp(args[0], args, os.environ, file_actions=fa)
        _, status, ru = os.wait4(pid, 0)
        return time.perf_counter() - t0, status, ru

    # sh starts a background job that closes the pid pipe, waits for a go
    # on the token pipe and then execs the command; sh prints the job's pid
    # and exits.  Only after sh is reaped (the job is then our child, so no
    # shell can reap it first) is the go given and the clock started.
    pid_r, pid_w = os.pipe()
    go_r, go_w = os.pipe()
    fa += [(os.POSIX_SPAWN_DUP2, pid_w, 3), (os.POSIX_SPAWN_DUP2, go_r, 4)]
    script = ('{ exec 3>&-; read _ <&4 && exec 4<&- && exec "$@"; } & '
              'echo $! >&3')
    sh = os.posix_spawn("/bin/sh", ["sh", "-c", script, "sh"] + args,
                        os.environ, file_actions=fa)
    os.close(pid_w)
    os.close(go_r)
    with os.fdopen(pid_r) as f:
        pid = int(f.readline())
    os.waitpid(sh, 0)
    t0 = time.perf_counter()
    os.write(go_w, b"go\n")
    os.close(go_w)
    try:
        _, status, ru = os.wait4(pid, 0)
    except KeyboardInterrupt:
        os.kill(pid, signal.SIGTERM)
        os.wait4(pid, 0)
        raise
    return time.perf_counter() - t0, status, ru


def main(argv):
    runs, out = 1, os.devnull
    args = argv[1:]
    while args and args[0].startswith("-"):
        opt = args.pop(0)
        if opt == "--":
            break
        if opt in ("-r", "-o") and args:
            val = args.pop(0)
            if opt == "-r":
                runs = int(val)
            else:
                out = val
        else:
            sys.stderr.write(__doc__)
            return 2
    if not args or runs < 1:
        sys.stderr.write(__doc__)
        return 2

    via_sh = subreaper() and os.access("/bin/sh", os.X_OK)
    walls, rsss, cpus = [], [], []
    for k in range(1, runs + 1):
        wall, status, ru = run_once(args, out, via_sh)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            sys.stderr.write(f"measure.py: {' '.join(args)}: exit status "
                             f"{code}\n")
            return code if code > 0 else 1
        walls.append(wall * 1000.0)
        rsss.append(ru.ru_maxrss)       # KiB on Linux
        cpus.append((ru.ru_utime + ru.ru_stime) * 1000.0)
        print(f"  run {k}: {wall * 1000.0:.1f} ms, {ru.ru_maxrss} KiB",
              file=sys.stderr, flush=True)
    print(f"RESULT median_ms={statistics.median(walls):.1f} "
          f"min_ms={min(walls):.1f} max_ms={max(walls):.1f} "
          f"maxrss_kib={max(rsss)} runs={runs} "
          f"cpu_ms={statistics.median(cpus):.1f} "
          f"launch={'subreaper' if via_sh else 'direct'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
