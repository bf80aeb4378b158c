"""LoRA Studio: see how LoRA fine-tuning works, on a small CNN and MNIST.

Importing this package is cheap: neither PyTorch nor Qt is imported here, so the
window can appear before the heavy libraries load.
"""

__version__ = "0.1.0"
