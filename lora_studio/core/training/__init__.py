"""The training loop, the optimizer, the frozen-prefix cache, the written-out head step, run control."""
