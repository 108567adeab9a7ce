# --8<-- [start:question]
import torch

torch.manual_seed(0)
encoder_outputs = torch.randn(3, 9, 20)
states = torch.randn(3, 5, 20)
weights = (states @ encoder_outputs.transpose(1, 2)).softmax(dim=-1)
context = weights @ encoder_outputs
# --8<-- [end:question]
print("weights:", tuple(weights.shape))
print(tuple(context.shape))
