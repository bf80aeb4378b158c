"""Code templates of an exported script (render.py's marks): reading the data, making the target task, features.

Each replicates what the app does in lora_studio/core/data (datasets.py, tasks.py, own_images.py,
preprocess.py, features.py) with torch, torchvision and NumPy alone; tests/core/test_export_code.py holds
them to the app's results, image for image.
"""

READ_DATASET = '''
    def read_dataset(name, train):
        # @read_dataset
        root = Path(DATA_DIR).expanduser()
        raw = root / name / "raw"
        if not raw.is_dir():
            raise SystemExit(f"{raw} is not a folder: the data folder must hold {name}/raw/ as torchvision lays it out")
        kind = getattr(torchvision.datasets, name)
        try:
            split = kind(root, train=train, download=False)
        except RuntimeError:
            # @gz_fallback
            with tempfile.TemporaryDirectory() as unpacked:
                (Path(unpacked) / name / "raw").mkdir(parents=True)
                for packed in raw.glob("*-ubyte.gz"):
                    with gzip.open(packed) as source, open(Path(unpacked) / name / "raw" / packed.stem, "wb") as out:
                        shutil.copyfileobj(source, out)
                try:
                    split = kind(unpacked, train=train, download=False)
                except RuntimeError:
                    raise SystemExit(f"{raw} does not hold the four IDX files of {name} (.gz or not)") from None
        return split.data, split.targets


    def to_pixels(images):
        # @to_pixels
        return images.unsqueeze(1).float() / 255
'''

# --- the target task's changes: data/tasks.py's TRANSFORMS ----------------------------------------

STEPS = {
    "inverted": '''
        def inverted(images, labels, split):
            return 255 - images, labels
    ''',
    "rotate90": '''
        def rotate90(images, labels, split):
            return torch.rot90(images, 1, dims=(1, 2)).contiguous(), labels  # @anticlockwise
    ''',
    "swap-labels": '''
        def swap_labels(images, labels, split):
            return images, labels ^ 1  # 0↔1, 2↔3, …, 8↔9
    ''',
    "noisy": '''
        NOISE_SIGMA, NOISE_SEED, NOISE_BLOCK, NOISE_STREAM = $noise_sigma, $noise_seed, $noise_block, $noise_stream


        def noisy(images, labels, split):
            # @noisy
            pixels = images.numpy()
            out = np.empty_like(pixels)
            for block, start in enumerate(range(0, len(pixels), NOISE_BLOCK)):
                part = pixels[start : start + NOISE_BLOCK]
                rng = np.random.default_rng([NOISE_SEED, NOISE_STREAM[split], block])
                noise = rng.standard_normal((NOISE_BLOCK, *pixels.shape[1:]), dtype=np.float32)[: len(part)]
                changed = part.astype(np.float32) + noise * np.float32(NOISE_SIGMA * 255)
                out[start : start + NOISE_BLOCK] = np.clip(np.rint(changed), 0, 255).astype(np.uint8)
            return torch.from_numpy(out), labels
    ''',
}
#: the Python name of each change's function in the script
STEP_FUNCTIONS = {"inverted": "inverted", "rotate90": "rotate90", "swap-labels": "swap_labels", "noisy": "noisy"}

MAKE_TARGET = '''
    TASK_STEPS = $task_steps


    def make_target(images, labels, split):
        for step in TASK_STEPS:
            images, labels = step(images, labels, split)
        return images, labels
'''

# --- which splits the script reads, by the kind of target task -------------------------------------

LOAD_DERIVED = '''
    # @train_images  #?limited
    source_train_images, source_train_labels = read_dataset(SOURCE, train=True)
    source_test_images, source_test_labels = read_dataset(SOURCE, train=False)
    train_images, train_labels = make_target(source_train_images[:TRAIN_IMAGES], source_train_labels[:TRAIN_IMAGES],
                                             "train")
    test_images, test_labels = make_target(source_test_images, source_test_labels, "test")
    print(f"target task {TASK}: {len(train_labels):,} training and {len(test_labels):,} test images")
'''

LOAD_DATASET = '''
    # @train_images  #?limited
    train_images, train_labels = read_dataset(TARGET, train=True)
    train_images, train_labels = train_images[:TRAIN_IMAGES], train_labels[:TRAIN_IMAGES]
    test_images, test_labels = read_dataset(TARGET, train=False)
    source_test_images, source_test_labels = read_dataset(SOURCE, train=False)
    print(f"target task {TASK}: {len(train_labels):,} training and {len(test_labels):,} test images")
'''

LOAD_OWN_IMAGES = '''
    # @train_images  #?limited
    (train_images, train_labels), (test_images, test_labels) = read_own_images(OWN_IMAGES)
    train_images, train_labels = train_images[:TRAIN_IMAGES], train_labels[:TRAIN_IMAGES]
    source_test_images, source_test_labels = read_dataset(SOURCE, train=False)
    print(f"your images: {len(train_labels):,} training and {len(test_labels):,} test images")
'''

# --- own images: data/own_images.py and data/preprocess.py ----------------------------------------

OWN_IMAGES = '''
    OWN_IMAGES = $own_images
    IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")
    SKIPPED = {"thumbs.db", "desktop.ini"}


    def listed(folder):
        return [folder / name for name in sorted(os.listdir(folder))
                if not name.startswith(".") and name.lower() not in SKIPPED]


    def read_own_images(folder):
        # @read_own_images
        folder = Path(folder)
        if not folder.is_dir():
            raise SystemExit(f"{folder}: the folder of your images is not there")
        train_by_class, test = [], []
        for entry in listed(folder):
            if not entry.is_dir():
                continue
            label = int(entry.name)
            paths = [path for path in listed(entry) if path.suffix.lower() in IMAGE_SUFFIXES]
            order = np.random.default_rng([0, label]).permutation(len(paths))
            held_out = max(1, len(paths) // 5)
            test += [(paths[i], label) for i in sorted(order[:held_out])]
            train_by_class.append([(paths[i], label) for i in order[held_out:]])
        train = [item for item in itertools.chain.from_iterable(itertools.zip_longest(*train_by_class)) if item]
        return as_split(train), as_split(test)


    def as_split(items):
        images = np.stack([read_image(path) for path, _ in items])
        return torch.from_numpy(images), torch.tensor([label for _, label in items], dtype=torch.int64)


    def read_image(path):
        # @read_image
        with Image.open(path, formats=("PNG", "JPEG", "BMP")) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            if image.mode.startswith("I"):  # @grey16
                grey = np.clip(np.asarray(image, dtype=np.float32) / 65535.0, 0.0, 1.0)
            else:
                if image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info:
                    # @transparency
                    rgba = image.convert("RGBA")
                    image = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
                grey = np.asarray(image.convert("L"), dtype=np.float32) / 255.0
        # @polarity
        ink = 1.0 - grey if border(grey).mean() > 0.5 else grey
        ink = np.clip(ink - np.median(border(ink)), 0.0, None)
        peak = float(ink.max())
        if peak < 0.1:
            raise SystemExit(f"{path}: shows no digit: every pixel is about the same shade")
        ink /= peak
        ink[ink < 0.2] = 0.0
        return mnist_box(ink)


    def border(image):
        # @border
        h, w = image.shape
        width = max(1, min(h, w) // 20)
        mask = np.ones((h, w), dtype=bool)
        mask[width : h - width, width : w - width] = False
        return image[mask]


    def mnist_box(ink):
        # @mnist_box
        rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
        box = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
        factor = 20 / max(box.shape)
        height, width = (max(1, round(side * factor)) for side in box.shape)
        scaled = F.interpolate(torch.from_numpy(box)[None, None], size=(height, width), mode="bilinear",
                               antialias=True, align_corners=False)[0, 0].clamp(0, 1).numpy()
        canvas = np.zeros((28, 28), dtype=np.float32)
        top, left = (28 - height) // 2, (28 - width) // 2
        canvas[top : top + height, left : left + width] = scaled
        ys, xs = np.indices(canvas.shape)
        dy = round(13.5 - (ys * canvas).sum() / canvas.sum())
        dx = round(13.5 - (xs * canvas).sum() / canvas.sum())
        shifted = np.zeros_like(canvas)
        shifted[max(0, dy) : min(28, 28 + dy), max(0, dx) : min(28, 28 + dx)] = \\
            canvas[max(0, -dy) : min(28, 28 - dy), max(0, -dx) : min(28, 28 - dx)]
        return (shifted * 255).round().astype(np.uint8)
'''

# --- extra input features: data/features.py -------------------------------------------------------

FEATURE_FUNCTIONS = {
    "brightness": '''
        def brightness(pixels):
            return pixels.mean(dim=(1, 2, 3))  # @article_brightness
    ''',
    "contrast": '''
        def contrast(pixels):
            return pixels.flatten(1).std(dim=1)
    ''',
    "ink": '''
        def ink(pixels):
            return (pixels > 0.5).flatten(1).float().mean(dim=1)
    ''',
    "width": '''
        def width(pixels):
            return (pixels > 0.5).any(dim=2).squeeze(1).float().sum(dim=1) / pixels.shape[-1]
    ''',
}

FEATURES = '''
    FEATURES = $feature_functions
    FEATURE_MEAN = $feature_mean
    FEATURE_STD = $feature_std


    def feature_inputs(images):
        # @feature_inputs
        values = torch.cat([torch.stack([feature(to_pixels(images[i : i + 8192])) for feature in FEATURES], dim=1)
                            for i in range(0, len(images), 8192)])
        return (values - torch.tensor(FEATURE_MEAN)) / torch.tensor(FEATURE_STD)
'''
