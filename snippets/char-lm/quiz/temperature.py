# --8<-- [start:question]
import torch

logits = torch.tensor([2.0, 1.0, 0.0])
temperature = 0.5
probs = torch.softmax(logits / temperature, dim=0)
# --8<-- [end:question]

print("logits / T:", (logits / temperature).tolist())
print(f"at T=1.0: {torch.softmax(logits, dim=0)[0]:.2f}")
print(f"logits * T: {torch.softmax(logits * temperature, dim=0)[0]:.2f}")
print(f"T near zero (greedy): {torch.softmax(logits / 0.001, dim=0)[0]:.2f}")
print("probability of the first character at T=0.5:")
print(f"{probs[0]:.2f}")
