import torch

logits = torch.tensor([3.0, 1.5, 1.0, 0.5])
model_probs = torch.softmax(logits, dim=0)

# Sample more boldly than the model: flatter probabilities than its own, same favourite.
temperature = __1__
probs = torch.softmax(logits / temperature, dim=0)
print("temperature:", temperature)
print("model:", [round(p, 2) for p in model_probs.tolist()])
print("used: ", [round(p, 2) for p in probs.tolist()])
print("flatter:", probs.max().item() < model_probs.max().item())
print("same favourite:", probs.argmax().item() == model_probs.argmax().item())
