# --8<-- [start:question]
import math

val_loss = 1.5  # cross-entropy in nats per character, from nn.functional.cross_entropy
# --8<-- [end:question]

print(f"2 ** loss: {2**val_loss:.2f}, 10 ** loss: {10**val_loss:.2f}")
print(f"exp(-loss): {math.exp(-val_loss):.2f}")
print("perplexity = exp(loss):")
print(f"{math.exp(val_loss):.2f}")
