import torch
from torch import nn


def exploding_gradients():
    """The RNN of the previous example, recurrent weights scaled by 5."""
    torch.manual_seed(0)
    rnn = nn.RNN(input_size=4, hidden_size=16, dtype=torch.float64)
    with torch.no_grad():
        rnn.weight_hh_l0.mul_(5.0)
    output, _ = rnn(torch.randn(50, 8, 4, dtype=torch.float64))
    output[-1].pow(2).mean().backward()
    return rnn


def flat(rnn):
    return torch.cat([p.grad.flatten() for p in rnn.parameters()])


rnn = exploding_gradients()
original = flat(rnn).clone()
returned = nn.utils.clip_grad_norm_(rnn.parameters(), max_norm=1.0)
print("clip_grad_norm_(max_norm=1.0)")
print(f"  returned (the norm before): {returned:.2e}")
print(f"  norm after:                 {flat(rnn).norm():.4f}")
cosine = nn.functional.cosine_similarity(flat(rnn), original, dim=0)
print(f"  same direction (cosine):    {cosine:.4f}")

rnn = exploding_gradients()
print("clip_grad_value_(clip_value=0.5)")
print(f"  largest entry before:       {original.abs().max():.2e}")
nn.utils.clip_grad_value_(rnn.parameters(), clip_value=0.5)
print(f"  largest entry after:        {flat(rnn).abs().max():.4f}")
print(f"  norm after:                 {flat(rnn).norm():.4f}")
cosine = nn.functional.cosine_similarity(flat(rnn), original, dim=0)
print(f"  same direction (cosine):    {cosine:.4f}")
