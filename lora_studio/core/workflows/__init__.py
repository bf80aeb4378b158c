"""The use cases the command line and the window both offer: train a base, fine-tune, experiment, evaluate."""
