import torch
from torch import nn

torch.manual_seed(0)
STEPS = 12
rnn = nn.RNN(input_size=1, hidden_size=16, batch_first=True)
head = nn.Linear(16, 1)


def batch(size):
    """Random signs; the target is the first sign, asked for at the last step."""
    x = torch.randint(0, 2, (size, STEPS, 1)).float() * 2 - 1
    return x, x[:, 0]


def gradient_per_distance(x, y):
    """The loss, and how strongly the prediction at the last step depends on
    the input at each distance back: the gradient's mean absolute value over the
    batch (index 0 = the last step itself)."""
    x = x.clone().requires_grad_()
    output, _ = rnn(x)
    prediction = head(output[:, -1])
    prediction.sum().backward()
    rnn.zero_grad(), head.zero_grad()
    loss = nn.functional.mse_loss(prediction, y).item()
    return loss, x.grad.abs().mean(dim=(0, 2)).flip(0)


test_x, test_y = batch(256)
loss_before, before = gradient_per_distance(test_x, test_y)

optimiser = torch.optim.Adam([*rnn.parameters(), *head.parameters()], lr=0.02)
for _ in range(80):
    x, y = batch(32)
    output, _ = rnn(x)
    loss = nn.functional.mse_loss(head(output[:, -1]), y)
    optimiser.zero_grad()
    loss.backward()
    optimiser.step()

loss_after, after = gradient_per_distance(test_x, test_y)
print(f"test loss: {loss_before:.3f} before training, {loss_after:.3f} after")
print("steps back   before    after")
for d in range(STEPS):
    print(f"{d:10}   {before[d]:.1e}  {after[d]:.1e}")
