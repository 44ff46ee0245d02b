"""A small stand-in for `python -m training`, for the training queue's tests (bot/training_jobs.py)."""

# Behaves like `python -m training train NAME --data F --models-dir D --json`, by NAME:
# ok* prints JSON events and exits 0; fail exits 2 with one error line; hang* sleeps until killed;
# silent exits 0 without a `done` line; killed dies of SIGKILL; badmem fails as bad input quoting
# "MemoryError"; env reports its DISCORD_TOKEN, argv, FAKE_LOG, memory limit,
# session and whether its --data exists in `done`; memNNN allocates NNN MB then succeeds; tree starts
# a grandchild that ignores SIGTERM (logging "grandchild PID") and hangs; inject fails with an error
# line holding a line separator and an escape sequence.
# Each run appends "start NAME PID"/"end NAME" to $FAKE_LOG.
FAKE_TRAINING = r"""
import json, os, resource, subprocess, sys, time
args = sys.argv[1:]
assert args[0] == "train" and "--json" in args, args
name = args[1]
log = open(os.environ["FAKE_LOG"], "a")
log.write(f"start {name} {os.getpid()}\n"); log.flush()
def emit(**kw): print(json.dumps(kw), flush=True)
if name.startswith("ok"):
    emit(event="phase", phase="read", message=" ".join(args))
    print("not json at all", flush=True)
    sys.stderr.write("progress bar\r50%\r100%\n"); sys.stderr.flush()
    time.sleep(0.2)
    emit(event="progress", phase="train", step=1, total=2, loss=3.5)
    emit(event="warning", message="little data")
    emit(event="done", persona=name, path="x", table={}, metrics={}, seconds=0.1)
elif name == "fail":
    sys.stderr.write("some noise\nerror: no tweets found in x.js\n")
    sys.exit(2)
elif name.startswith("hang"):
    emit(event="phase", phase="train", message="training")
    time.sleep(120)
elif name == "silent":
    pass
elif name == "env":
    emit(event="done", persona=name, token=os.environ.get("DISCORD_TOKEN"), argv=args,
         fake_log=os.environ.get("FAKE_LOG"), rlimit_data=resource.getrlimit(resource.RLIMIT_DATA),
         own_session=os.getsid(0) == os.getpid(), data_exists=os.path.exists(args[3]))
elif name.startswith("mem"):
    block = bytearray(int(name[3:]) * 10**6)
    emit(event="done", persona=name)
elif name == "tree":
    grandchild = subprocess.Popen(
        [sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                               "print('ready', flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    grandchild.stdout.readline()  # SIGTERM is ignored from here on
    log.write(f"grandchild {grandchild.pid}\n"); log.flush()
    emit(event="phase", phase="train", message="training")
    time.sleep(120)
elif name == "badmem":
    sys.stderr.write("error: x.csv: CSV has no 'text' column (columns: MemoryError)\n")
    sys.exit(2)
elif name == "killed":
    os.kill(os.getpid(), 9)
elif name == "inject":
    sys.stderr.write("error: bad\u2028forged line\x1b[2J\n")
    sys.exit(2)
log.write(f"end {name}\n"); log.flush()
"""
