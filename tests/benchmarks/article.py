"""The article's way, written from ../shared/seed (the reference side of bench_training.py).

Run as a script, in its own process so its peak memory can be measured:

    python tests/benchmarks/article.py --root DIR --out RESULT.json [--base-epochs 3] [--lora-epochs 2]

DIR must hold the *decompressed* IDX files under DIR/MNIST/raw/ (torchvision's
MNIST with download=False). The model, LoRAWrapper, brightness feature and weight
transfer are the article's code, reformatted; nothing of lora_studio is imported.

What the article leaves open, and what is done here:
- data pipeline: torchvision datasets.MNIST + transforms.ToTensor() + DataLoader(batch_size=64,
  shuffle=True) (the seed README's "usual ones"); the test set goes through a DataLoader of 1000,
  shuffle=False, as in PyTorch's own MNIST example;
- optimiser: Adam, lr 1e-3, CrossEntropyLoss, for both phases;
- LoRA phase: "train only the LoRA parameters and the extra feature" — the convolutions are frozen
  and Adam gets every parameter that requires grad. With the article's freeze_base=True that is
  A and B of fc1 and fc2 only (7,384 values): its code leaves the new fc1 column frozen, a slip
  the seed README names. It is kept: this file is the article as written, not as intended.
- the base weights are handed to the LoRA phase in memory (a state_dict clone), not via a file.

Each phase is timed from its first line of set-up to the end of its test evaluation:
base = data sets + loaders + model + optimiser, the epochs, the test evaluation;
LoRA = feature model + LoRAWrapper on fc1/fc2 + weight transfer + freezing + optimiser, the epochs,
the test evaluation (the loaders of the base phase are reused, as one script would).
"""

import argparse
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

# --- the article's code ---------------------------------------------------------------------------


class CNN(nn.Module):
    def __init__(self, feature_dim=0):
        super().__init__()
        self.feature_dim = feature_dim

        self.conv = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.flatten_dim = 16 * 7 * 7

        self.fc1 = nn.Linear(self.flatten_dim + feature_dim, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x, feat=None):
        x = self.conv(x)
        x = x.view(x.size(0), -1)

        if self.feature_dim > 0:
            x = torch.cat([x, feat], dim=1)

        x = F.relu(self.fc1(x))
        x = self.fc2(x)
        return x


def extra_feature_brightness(img_batch):
    feat = img_batch.mean(dim=[1, 2, 3], keepdim=True)
    return feat.view(feat.size(0), -1)


class LoRAWrapper(nn.Module):
    def __init__(self, orig_linear, r=8, alpha=16, freeze_base=True):
        super().__init__()
        self.weight = nn.Parameter(orig_linear.weight.data.clone())
        self.bias = nn.Parameter(orig_linear.bias.data.clone())
        if freeze_base:
            self.weight.requires_grad = False
            self.bias.requires_grad = False
        self.A = nn.Parameter(torch.randn(r, orig_linear.in_features) * 0.01)
        self.B = nn.Parameter(torch.zeros(orig_linear.out_features, r))
        self.scaling = alpha / r

    def forward(self, x):
        base = F.linear(x, self.weight, self.bias)
        return base + self.scaling * ((x @ self.A.t()) @ self.B.t())


def load_base_into_feature_model(model_feat, base_state):
    new_state = model_feat.state_dict()

    for key in base_state:
        if key not in new_state:
            continue

        old_w = base_state[key]
        new_w = new_state[key]

        if old_w.shape == new_w.shape:
            new_state[key] = old_w.clone()

        elif key == "fc1.weight":
            new_state[key][:, : old_w.shape[1]] = old_w.clone()

        else:
            pass

    model_feat.load_state_dict(new_state)


# --- the experiment around it (what the article describes in words) -----------------------------


def train_epoch(model, loader, optimizer, criterion, use_feature):
    """One pass over the loader; returns the training accuracy seen along the way."""
    model.train()
    correct = total = 0
    for img, label in loader:
        if use_feature:
            out = model(img, extra_feature_brightness(img))
        else:
            out = model(img)
        loss = criterion(out, label)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        correct += (out.argmax(1) == label).sum().item()
        total += label.size(0)
    return correct / total


@torch.no_grad()
def evaluate(model, loader, use_feature):
    model.eval()
    correct = total = 0
    for img, label in loader:
        out = model(img, extra_feature_brightness(img)) if use_feature else model(img)
        correct += (out.argmax(1) == label).sum().item()
        total += label.size(0)
    return correct / total


def log(text: str) -> None:
    print(text, flush=True)


def run(root: str, base_epochs: int, lora_epochs: int, seed: int = 0) -> dict:
    torch.manual_seed(seed)
    result = {"torch": torch.__version__, "torch_threads": torch.get_num_threads()}

    # Base: data, model, optimiser (set-up), the epochs, the test evaluation.
    started = time.perf_counter()
    transform = transforms.ToTensor()
    train_set = datasets.MNIST(root, train=True, transform=transform, download=False)
    test_set = datasets.MNIST(root, train=False, transform=transform, download=False)
    train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
    test_loader = DataLoader(test_set, batch_size=1000, shuffle=False)
    model = CNN(feature_dim=0)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    result["base"] = phase = {"setup_seconds": time.perf_counter() - started}
    train_phase(phase, model, train_loader, test_loader, optimizer, criterion, base_epochs, False, "base")
    phase["wall_seconds"] = time.perf_counter() - started
    phase["trainable_params"] = sum(p.numel() for p in model.parameters() if p.requires_grad)
    base_state = {k: v.clone() for k, v in model.state_dict().items()}  # "save the base weights"

    # LoRA: feature model + LoRAWrapper on fc1/fc2 → transfer → fine-tune LoRA only.
    started = time.perf_counter()
    model_feat = CNN(feature_dim=1)
    model_feat.fc1 = LoRAWrapper(model_feat.fc1, r=8, alpha=16, freeze_base=True)
    model_feat.fc2 = LoRAWrapper(model_feat.fc2, r=8, alpha=16, freeze_base=True)
    load_base_into_feature_model(model_feat, base_state)
    for p in model_feat.conv.parameters():
        p.requires_grad = False
    optimizer = torch.optim.Adam([p for p in model_feat.parameters() if p.requires_grad], lr=1e-3)
    result["lora"] = phase = {"setup_seconds": time.perf_counter() - started}
    train_phase(phase, model_feat, train_loader, test_loader, optimizer, criterion, lora_epochs, True, "LoRA")
    phase["wall_seconds"] = time.perf_counter() - started
    phase["trainable_params"] = sum(p.numel() for p in model_feat.parameters() if p.requires_grad)
    return result


def train_phase(phase, model, train_loader, test_loader, optimizer, criterion, epochs, use_feature, title):
    phase["epoch_seconds"], phase["train_accuracy"] = [], []
    for epoch in range(epochs):
        t = time.perf_counter()
        acc = train_epoch(model, train_loader, optimizer, criterion, use_feature)
        phase["epoch_seconds"].append(time.perf_counter() - t)
        phase["train_accuracy"].append(acc)
        log(f"article {title} epoch {epoch + 1}/{epochs}: train {100 * acc:.2f} %, {phase['epoch_seconds'][-1]:.1f} s")
    t = time.perf_counter()
    phase["test_accuracy"] = evaluate(model, test_loader, use_feature)
    phase["eval_seconds"] = time.perf_counter() - t
    log(f"article {title}: test {100 * phase['test_accuracy']:.2f} %")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="folder holding MNIST/raw/ with the decompressed IDX files")
    parser.add_argument("--out", required=True, help="where to write the result (JSON)")
    parser.add_argument("--base-epochs", type=int, default=3)
    parser.add_argument("--lora-epochs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    result = run(args.root, args.base_epochs, args.lora_epochs, args.seed)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
