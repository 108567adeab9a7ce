import torch

# Scores (logits) a model might give four candidate next characters.
candidates = ["e", "a", "o", "z"]
logits = torch.tensor([2.0, 1.0, 0.5, -1.0])

for temperature in [0.5, 1.0, 2.0]:
    probs = torch.softmax(logits / temperature, dim=0)
    shown = "  ".join(f"{ch}:{p:.2f}" for ch, p in zip(candidates, probs, strict=True))
    print(f"T={temperature}: {shown}")
print("greedy always picks:", candidates[logits.argmax()])

# Sampling draws from the probabilities; a seeded generator repeats the same draws.
rng = torch.Generator().manual_seed(0)
draws = torch.multinomial(torch.softmax(logits, dim=0), 12, replacement=True, generator=rng)
print("12 draws at T=1.0:", "".join(candidates[i] for i in draws))
