import torch
from torch import nn

ORDERS = {
    "After loss.backward(), before optimizer.step()": ["zero", "backward", "clip", "step"],
    "Before loss.backward(), after optimizer.zero_grad()": ["zero", "clip", "backward", "step"],
    "After optimizer.step()": ["zero", "backward", "step", "clip"],
    "Before optimizer.zero_grad()": ["clip", "zero", "backward", "step"],
}
LR, MAX_NORM = 0.1, 1.0


def largest_update(order):
    """Two updates of an RNN with exploding gradients; the largest weight change."""
    torch.manual_seed(0)
    rnn = nn.RNN(input_size=4, hidden_size=16, dtype=torch.float64)
    with torch.no_grad():
        rnn.weight_hh_l0.mul_(5.0)
    optimizer = torch.optim.SGD(rnn.parameters(), lr=LR)
    x = torch.randn(50, 8, 4, dtype=torch.float64)
    largest = 0.0
    for _ in range(2):
        before = [p.detach().clone() for p in rnn.parameters()]
        for action in order:
            if action == "zero":
                optimizer.zero_grad()
            elif action == "backward":
                rnn(x)[0][-1].pow(2).mean().backward()
            elif action == "clip":
                nn.utils.clip_grad_norm_(rnn.parameters(), max_norm=MAX_NORM)
            else:
                optimizer.step()
        change = torch.cat(
            [(p - b).flatten() for p, b in zip(rnn.parameters(), before, strict=True)]
        )
        largest = max(largest, change.norm().item())
    return largest


capped = []
for text, order in ORDERS.items():
    update = largest_update(order)
    print(f"{text} -> largest update {update:.3g}")
    if update <= LR * MAX_NORM * 1.001:
        capped.append(text)
print("keeps every update within lr * max_norm:")
(answer,) = capped
print(answer)
