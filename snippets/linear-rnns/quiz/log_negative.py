# --8<-- [start:question]
import torch

a = torch.tensor([0.5, 0.5, 0.5])
b = torch.tensor([1.0, -2.0, 3.0])
log_A = torch.cumsum(torch.log(a), dim=0)
h = torch.exp(log_A + torch.logcumsumexp(torch.log(b) - log_A, dim=0))
# --8<-- [end:question]

print("log(b):", torch.log(b).tolist())
print("the loop gives:", [1.0, 0.5 * 1.0 - 2.0, 0.5 * (0.5 * 1.0 - 2.0) + 3.0])
log_b = torch.log(b.to(torch.complex64))  # a complex log exists for negative numbers too
h_complex = torch.exp(log_A + torch.logcumsumexp(log_b - log_A, dim=0)).real
print("with complex logarithms:", [round(v, 4) for v in h_complex.tolist()])
print(torch.isnan(h).tolist())
