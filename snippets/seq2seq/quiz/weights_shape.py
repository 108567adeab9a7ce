# --8<-- [start:question]
import torch

torch.manual_seed(0)
encoder_outputs = torch.randn(3, 9, 20)
states = torch.randn(3, 5, 20)  # the decoder's hidden states, batch first
weights = (states @ encoder_outputs.transpose(1, 2)).softmax(dim=-1)
# --8<-- [end:question]
print("transposed:", tuple(encoder_outputs.transpose(1, 2).shape))
print(tuple(weights.shape))
