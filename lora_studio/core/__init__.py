"""The Qt-free core: data, model, LoRA, training, evaluation, storage and the experiment.

Importing this package imports nothing heavy; modules import PyTorch as they need it.
"""
