"""How long a GUI test waits for the window's work before it fails: generous, since CI machines are slow and
shared. These bound a hang; they are not speed targets (the benchmarks measure speed)."""

READY_MS = 60_000  # importing PyTorch the first time in a test session
JOB_MS = 60_000  # one training, evaluation or data job on the tests' tiny data
LONG_JOB_MS = 120_000  # a sweep, or a run followed by the views it fills
