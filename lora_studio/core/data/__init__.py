"""Data sets: IDX files, torchvision's layout, downloads, the bundled copy, synthetic data, extra features."""
