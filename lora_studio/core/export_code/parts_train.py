"""Code templates of an exported script (render.py's marks): the optimizer, the schedule, training, scoring.

They replicate lora_studio/core/training (loop.py's batch order and learning-rate steps, schedule.py's
schedules, lora.py's LoRA+ parameter groups) with torch.optim.Adam.
"""

OPTIMIZER = '''
    # @adam
    # @lora_plus  #?lora_plus
    # @one_rate  #?!lora_plus
    trainable = [(name, p) for name, p in model.named_parameters() if p.requires_grad]
    groups = [{"params": [p for name, p in trainable if "lora_B" not in name], "lr_factor": 1.0},  #?lora_plus
              {"params": [p for name, p in trainable if "lora_B" in name], "lr_factor": LORA_PLUS_RATIO}]  #?lora_plus
    groups = [{"params": [p for _, p in trainable], "lr_factor": 1.0}]  #?!lora_plus
    optimizer = torch.optim.Adam(groups, lr=LEARNING_RATE)
'''

SCHEDULES = {
    "anneal": '''
        # @schedule_anneal
        def learning_rate(step, total_steps):
            decay_start = total_steps * (1 - 1 / 3)
            if step < decay_start:
                return LEARNING_RATE
            return LEARNING_RATE * (total_steps - step) / (total_steps - decay_start)
    ''',
    "cosine": '''
        # @schedule_cosine
        def learning_rate(step, total_steps):
            return LEARNING_RATE * 0.5 * (1 + math.cos(math.pi * step / total_steps))
    ''',
    "constant": '''
        # @schedule_constant
        def learning_rate(step, total_steps):
            return LEARNING_RATE
    ''',
}

ACCURACY = '''
    @torch.no_grad()
    def accuracy(images, labels, extra=None):
        # @accuracy
        model.eval()
        correct = 0
        for start in range(0, len(labels), 1000):
            part = slice(start, start + 1000)
            logits = model(to_pixels(images[part]), None if extra is None else extra[part])
            correct += (logits.argmax(1) == labels[part]).sum().item()
        return correct / len(labels)


    train_extra = feature_inputs(train_images)  #?features
    test_extra = feature_inputs(test_images)  #?features
    source_extra = feature_inputs(source_test_images)  #?features
    test_extra = source_extra = None  #?!features
'''

TRAIN = '''
    # @train
    order_generator = torch.Generator().manual_seed(SEED)
    steps_per_epoch = math.ceil(len(train_labels) / BATCH_SIZE)
    total_steps = steps_per_epoch * EPOCHS
    for epoch in range(EPOCHS):
        model.train()
        order = torch.randperm(len(train_labels), generator=order_generator)
        loss_sum = 0.0
        for step in range(steps_per_epoch):
            batch = order[step * BATCH_SIZE : (step + 1) * BATCH_SIZE]
            logits = model(to_pixels(train_images[batch]), train_extra[batch])  #?features
            logits = model(to_pixels(train_images[batch]))  #?!features
            loss = F.cross_entropy(logits, train_labels[batch])
            for group in optimizer.param_groups:  # @set_rate
                group["lr"] = learning_rate(epoch * steps_per_epoch + step, total_steps) * group["lr_factor"]
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(batch)
        print(f"epoch {epoch + 1}/{EPOCHS}: training loss {loss_sum / len(train_labels):.4f}, "
              f"target accuracy {accuracy(test_images, test_labels, test_extra):.4f}")
'''

RESULT = '''
    target_accuracy = accuracy(test_images, test_labels, test_extra)
    source_accuracy = accuracy(source_test_images, source_test_labels, source_extra)
    # @last_line
    print(f"target_accuracy={target_accuracy:.4f} source_accuracy={source_accuracy:.4f}")
'''
