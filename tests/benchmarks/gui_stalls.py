"""Where the GUI thread is while it is late: a watchdog thread that samples its Python stack.

Used by bench_responsiveness.py --profile. Every `interval_s`, when the GUI thread's heartbeat has not ticked for
longer than `threshold_s`, the sampler takes the GUI thread's current frames (`sys._current_frames`) and counts
the innermost few frames of the app and pyqtgraph (plus the innermost frame of all, wherever it is), under the
label of the moment the benchmark says it is in ("base/start", "lora/end", …). A count times the interval is
roughly the time the GUI thread spent there while late. A stack ending in the event loop (`exec`) means Qt's
own work: painting, layout, or waiting for the interpreter lock.
"""

import sys
import threading
import time
from collections import Counter, defaultdict

OWN = ("lora_studio", "pyqtgraph")


def describe(frame, depth: int = 5) -> str:
    """The innermost frame, then up to `depth` frames of the app or pyqtgraph, innermost first."""
    parts, first = [], True
    while frame is not None and len(parts) < depth + 1:
        path = frame.f_code.co_filename.replace("\\", "/")
        own = any(f"/{name}/" in path for name in OWN)
        if first or own:
            short = path.rsplit("/", 2)
            parts.append(f"{'/'.join(short[-2:])}:{frame.f_lineno} {frame.f_code.co_name}")
        first = False
        frame = frame.f_back
    return " < ".join(parts)


class StallSampler(threading.Thread):
    def __init__(self, last_tick: list, threshold_s: float = 0.014, interval_s: float = 0.002):
        super().__init__(daemon=True, name="stall-sampler")
        self.main = threading.main_thread().ident
        self.last_tick, self.threshold_s, self.interval_s = last_tick, threshold_s, interval_s
        self.label = "before"
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.wait(self.interval_s):
            last = self.last_tick[0]
            if last and time.perf_counter() - last > self.threshold_s:
                frame = sys._current_frames().get(self.main)
                if frame is not None:
                    self.counts[self.label][describe(frame)] += 1

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def report(self, top: int = 12) -> str:
        lines = []
        for label, counts in self.counts.items():
            total = sum(counts.values())
            lines.append(f"-- {label}: ~{total * self.interval_s * 1000:.0f} ms late-time sampled")
            for stack, n in counts.most_common(top):
                lines.append(f"  {n * self.interval_s * 1000:7.0f} ms  {stack}")
        return "\n".join(lines)
