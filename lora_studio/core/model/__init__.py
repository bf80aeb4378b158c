"""The CNN, the LoRA layers and their variants, weight transfer, parameter counts, a NumPy copy for drawing."""
