import math

import torch

torch.manual_seed(0)
PERIOD, WINDOW = 12, 12
t = torch.arange(300.0)
series = 0.02 * t + torch.sin(2 * math.pi * t / PERIOD) + 0.2 * torch.randn(300)
inputs = series[:-1].unfold(0, WINDOW, 1)
targets = series[WINDOW:]
split = 240  # pairs before it train, the rest test
train_x, test_x = inputs[:split], inputs[split:]
train_y, test_y = targets[:split], targets[split:]

# Levels: the test part rises above everything the training part holds.
above = (test_y > train_y.max()).sum().item()
print(f"test targets above every training target: {above} of {len(test_y)}")

# Changes: every window and target measured from the window's last value.
last = inputs[:, -1:]  # (pairs, 1)
changes_x, changes_y = inputs - last, targets - last[:, 0]
low, high = changes_y[:split].min(), changes_y[:split].max()
outside = ((changes_y[split:] < low) | (changes_y[split:] > high)).sum().item()
print(f"test changes outside the training changes' range: {outside} of {len(test_y)}")

# A model reads changes_x, predicts changes_y; its forecast is last + predicted change.
print("model input:", tuple(changes_x.shape), "| target:", tuple(changes_y.shape))
