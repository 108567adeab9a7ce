# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=8)
output, _ = rnn(torch.randn(10, 2, 3))
output.pow(2).sum().backward()
returned = nn.utils.clip_grad_norm_(rnn.parameters(), max_norm=0.1)
# --8<-- [end:question]

torch.manual_seed(0)
twin = nn.RNN(input_size=3, hidden_size=8)
output, _ = twin(torch.randn(10, 2, 3))
output.pow(2).sum().backward()
before = torch.cat([p.grad.flatten() for p in twin.parameters()]).norm()
after = torch.cat([p.grad.flatten() for p in rnn.parameters()]).norm()
print(f"returned {returned:.4f}, norm before {before:.4f}, norm after {after:.4f}")
candidates = {
    "The total norm of the gradients before clipping": before,
    "The total norm of the gradients after clipping": after,
    "The factor by which it scaled the gradients": after / before,
}
for text, value in candidates.items():
    if torch.isclose(returned, value):
        print(text)
