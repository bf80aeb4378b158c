"""Code templates of an exported script (render.py's marks): the article's CNN, the base's weights, what trains.

They replicate lora_studio/core/model (cnn.py, transfer.py, lora.py) and workflows/recipes.py's `finetune`:
the same seeded draws in the same order (the CNN's own init under torch.manual_seed, then one generator for
fc1's new columns and each adapter's A), with PEFT's LoRA layers in place of the app's.
"""

MODEL = '''
    class ArticleCNN(nn.Module):
        def __init__(self, extra_inputs=0):
            super().__init__()
            self.conv1 = nn.Conv2d(1, $conv1_channels, 3, padding=1)
            self.conv2 = nn.Conv2d($conv1_channels, $conv2_channels, 3, padding=1)
            # @fc1_columns  #?features
            self.fc1 = nn.Linear($conv2_channels * 7 * 7 + extra_inputs, $hidden)
            self.fc2 = nn.Linear($hidden, $num_classes)

        def forward(self, pixels, extra=None):
            # @standardise
            x = (pixels - PIXEL_MEAN) / PIXEL_STD
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2).flatten(1)
            if extra is not None:
                x = torch.cat([x, extra], dim=1)
            return self.fc2(F.relu(self.fc1(x)))
'''

BASE_WEIGHTS = '''
    # @checksum
    BASE_SHA256 = $base_sha256


    def checksum(tensors):
        # @checksum_function
        sha = hashlib.sha256()
        for key in sorted(tensors):
            tensor = tensors[key].contiguous()
            sha.update(f"{key}|{tensor.dtype}|{tuple(tensor.shape)}|".encode())
            sha.update(tensor.reshape(-1).view(torch.uint8).numpy().tobytes())
        return sha.hexdigest()


    base_path = Path(BASE_FILE).expanduser()
    if not base_path.is_file():
        raise SystemExit(f"{base_path}: the base model's weights file is not there; give its place with --base PATH")
    base_weights = load_file(base_path)
    if BASE_SHA256 is not None and checksum(base_weights) != BASE_SHA256:
        raise SystemExit(f"{base_path} is not the base model {BASE_ID} this script was exported for, or it changed "
                         "since: its checksum differs")
'''

LORA = '''
    RANK, ALPHA, TARGET_MODULES = $rank, $alpha, $layers
    LORA_PLUS_RATIO = $lora_plus_ratio

    torch.manual_seed(SEED)
    # @seeded_features  #?features
    # @seeded  #?!features
    generator = torch.Generator().manual_seed(SEED)
    cnn = ArticleCNN(extra_inputs=len(FEATURES))  #?features
    cnn = ArticleCNN()  #?!features
    # @transfer_random  #?random_columns
    # @transfer_zeros  #?zero_columns
    image_columns = base_weights["fc1.weight"]  #?features
    bound = 1 / math.sqrt(image_columns.shape[1] + len(FEATURES))  #?random_columns
    new_columns = torch.rand((image_columns.shape[0], len(FEATURES)), generator=generator)  #?random_columns
    new_columns = new_columns * (2 * bound) - bound  #?random_columns
    new_columns = torch.zeros((image_columns.shape[0], len(FEATURES)))  #?zero_columns
    base_weights["fc1.weight"] = torch.cat([image_columns, new_columns], dim=1)  #?features
    cnn.load_state_dict(base_weights)
    fc1_weight = cnn.fc1.weight  # @same_tensor  #?features

    # @frozen_base
    # @scale_lora  #?lora
    # @scale_rslora  #?rslora
    # @scale_dora  #?dora
    # @dropout  #?dropout
    config = LoraConfig(r=RANK, lora_alpha=ALPHA, target_modules=TARGET_MODULES, lora_dropout=$dropout,
                        use_rslora=$use_rslora, use_dora=$use_dora)
    model = get_peft_model(cnn, config)

    # @init_article  #?article_init
    # @init_kaiming  #?kaiming_init
    with torch.no_grad():
        for name in TARGET_MODULES:
            a = cnn.get_submodule(name).lora_A["default"].weight
            a.copy_(torch.randn(a.shape, generator=generator) * 0.01)  #?article_init
            bound = math.sqrt(6 / ((1 + 5) * a[0].numel()))  #?kaiming_init
            a.copy_(torch.rand(a.shape, generator=generator) * (2 * bound) - bound)  #?kaiming_init

    # @feature_columns  #?features
    fc1_weight.requires_grad_(True)  #?features
    keep_gradient = torch.zeros_like(fc1_weight)  #?features
    keep_gradient[:, -len(FEATURES) :] = 1  #?features
    fc1_weight.register_hook(lambda gradient: gradient * keep_gradient)  #?features

    # @trained_count  #?features
    trained = sum(p.numel() for p in model.parameters() if p.requires_grad and p is not fc1_weight)  #?features
    trained += fc1_weight.shape[0] * len(FEATURES)  #?features
    trained = sum(p.numel() for p in model.parameters() if p.requires_grad)  #?!features
    print(f"LoRA on {', '.join(TARGET_MODULES)}: {trained:,} of {sum(p.numel() for p in model.parameters()):,} "
          "parameters train")
'''

HEAD = '''
    torch.manual_seed(SEED)
    model = ArticleCNN()
    model.load_state_dict(base_weights)
    # @head_only
    for name, parameter in model.named_parameters():
        parameter.requires_grad_(name.startswith("fc2."))
'''

FULL = '''
    torch.manual_seed(SEED)
    model = ArticleCNN()
    # @full
    model.load_state_dict(base_weights)
'''

SCRATCH = '''
    # @scratch
    torch.manual_seed(SEED)
    model = ArticleCNN()
'''
