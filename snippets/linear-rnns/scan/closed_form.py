import torch

steps = 200
a = torch.full((steps,), 0.5)  # keep half of the state at every step
b = torch.ones(steps)  # and add one

h, states = torch.tensor(0.0), []
for a_t, b_t in zip(a, b, strict=True):
    h = a_t * h + b_t
    states.append(h)
loop = torch.stack(states)

# The closed form as written: two prefix operations, then a product.
A = torch.cumprod(a, dim=0)
closed = A * torch.cumsum(b / A, dim=0)
print("first t where the sum is inf:  ", int(torch.isinf(torch.cumsum(b / A, 0)).nonzero()[0]) + 1)
print("first t where b_t / A_t is inf:", int(torch.isinf(b / A).nonzero()[0]) + 1)
print("first t where A_t is 0.0:      ", int((A == 0).nonzero()[0]) + 1)
for t in (100, 130, 200):
    print(f"t = {t}: loop {loop[t - 1].item():.3f}, closed form {closed[t - 1].item():.3f}")

# The same in logarithms: a sum of logs for A, logcumsumexp for the sum (torch.log needs b > 0).
log_A = torch.cumsum(torch.log(a), dim=0)
log_h = log_A + torch.logcumsumexp(torch.log(b) - log_A, dim=0)
print("log space equals the loop at every t:", torch.allclose(torch.exp(log_h), loop))
A64 = torch.cumprod(a.double().repeat(6), dim=0)
print("in float64, first t where A_t is 0.0:", int((A64 == 0).nonzero()[0]) + 1)
