# %% [markdown]
# # Bonus: how far back can each layer remember?
#
# <span class="hs-time">15 min read</span>
#
# A sequence of <span data-figure="distance:sequence_len">50</span> random digits
# arrives one per step. At **every** step, the model must say what the **first** digit
# was. At the first step that digit is the current input; at the last step it was seen
# <span data-figure="distance:distance_max">49</span> steps ago. So one run measures
# recall at every distance, from the digit just read to the start of the sequence.
#
# We train `nn.RNN`, `nn.LSTM` and `nn.GRU` side by side, on the same batches, with the
# same hidden size, optimiser and number of epochs, and then ask two questions:
#
# 1. How often is each model right, as the distance to the first digit grows?
# 2. How much of the training signal (the gradient of the loss) reaches the early steps?
#
# **A preview.** This notebook uses what later modules teach: `nn.LSTM` and `nn.GRU`
# (module "LSTM and GRU"), and gradient norms and clipping (module "Training through
# time"). Read it now for the result; the mechanics come back there.
#
# Like the main experiment, this page is the notebook's real output from the site's
# build (it trains in well under a minute on a laptop CPU). The numbers in this text are
# the median and the range of <span data-figure="distance:runs">35</span> runs at other
# seeds; the table at the end shows where this run fell
# ([how the figures are measured](../../../figures/)).

# %%
import copy

import matplotlib.pyplot as plt
import torch
from matplotlib_inline.backend_inline import set_matplotlib_formats
from torch import nn

# Plots as SVG, laid out for a phone's width: sharp at any zoom, and small once the site's
# server compresses them. No date and fixed ids: the same run writes the same file.
set_matplotlib_formats("svg", metadata={"Date": None})
plt.rcParams.update({"svg.hashsalt": "hidden-state", "font.size": 11})

# One thread: a float sum split over threads can round differently, and training
# amplifies that. One thread and the seed repeat a run exactly on one machine; another
# seed or CPU moves the figures: most runs land within the ranges the pages state, and a
# run can land outside them.
torch.set_num_threads(1)

STEPS = 50
DIGITS = 10  # guessing is right 1 / DIGITS of the time
HIDDEN = 64
EPOCHS = 10
BATCH = 64
LR = 0.005  # Adam's learning rate
CLIP = 1.0  # the largest gradient norm a training step may use
FAR = 10  # "far" means at least FAR steps from the first digit
PROBE = 256  # held-out sequences the gradient measurement averages over
RNN_STARTS = 3  # the plain RNN trains from this many random starts, averaged
FORGET_BIAS = 1.0  # added to the LSTM's forget-gate bias at the start
KINDS = {"nn.RNN": nn.RNN, "nn.LSTM": nn.LSTM, "nn.GRU": nn.GRU}
SEED = 0  # every generator below starts from it: change it for another run

# %% [markdown]
# ## Data and models
#
# The target is the same at every step: the sequence's first digit. The three models
# differ only in their recurrent layer, each with
# <span data-figure="distance:hidden_units">64</span> hidden units. At that size the
# layers do not hold the same number of weights: an LSTM layer has four sets of the plain
# RNN's input and recurrent weights (one per gate, plus the candidate), a GRU layer three.
# The parameter counts are printed below, whole model and recurrent layer.
#
# Two choices make the result sturdier from run to run. The LSTM's forget-gate bias is
# raised by <span data-figure="distance:lstm_forget_bias">1</span> over PyTorch's small
# random start, a common choice that starts the gate mostly open (in trials without it,
# the LSTM sometimes had not learned every digit by the last epoch). And the plain RNN,
# whose result varies most from one random start to the next, trains from
# <span data-figure="distance:rnn_starts">3</span> starts on the same batches; its
# figures are the average over them.

# %%
# Each generator has its own stream: 1000 * SEED plus its number, so no two generators of
# this run, or of runs at other seeds, draw the same numbers.
data_rng = torch.Generator().manual_seed(1000 * SEED + 1)


def make_sequences(count: int) -> tuple[torch.Tensor, torch.Tensor]:
    digits = torch.randint(0, DIGITS, (count, STEPS), generator=data_rng)
    return digits, digits[:, :1].expand(count, STEPS)


train_x, train_y = make_sequences(2000)
test_x, test_y = make_sequences(1000)


class Recall(nn.Module):
    def __init__(self, kind: type[nn.Module]):
        super().__init__()
        self.embed = nn.Embedding(DIGITS, 16)
        self.layer = kind(16, HIDDEN, batch_first=True)
        self.head = nn.Linear(HIDDEN, DIGITS)
        if kind is nn.LSTM:  # gates stacked input, forget, cell, output: the second quarter
            with torch.no_grad():
                self.layer.bias_hh_l0[HIDDEN : 2 * HIDDEN] += FORGET_BIAS

    def forward_embedded(self, vectors: torch.Tensor) -> torch.Tensor:
        states, _ = self.layer(vectors)  # (batch, steps, HIDDEN)
        return self.head(states)

    def forward(self, digits: torch.Tensor) -> torch.Tensor:
        return self.forward_embedded(self.embed(digits))


def build(name: str, start: int = 0) -> Recall:
    # Every kind and start from its own stream: the RNN's starts are independent draws.
    torch.manual_seed(1000 * SEED + 100 * (list(KINDS).index(name) + 1) + start)
    return Recall(KINDS[name])


# Each trained model, by (kind, start): the RNN from several starts, the others from one.
STARTS = {"nn.RNN": RNN_STARTS, "nn.LSTM": 1, "nn.GRU": 1}
models = {(name, k): build(name, k) for name in KINDS for k in range(STARTS[name])}
untrained = {key: copy.deepcopy(model) for key, model in models.items()}
sizes = {name: sum(p.numel() for p in models[name, 0].parameters()) for name in KINDS}
layers = {name: sum(p.numel() for p in models[name, 0].layer.parameters()) for name in KINDS}
for name in KINDS:
    ratio = layers[name] / layers["nn.RNN"]
    print(f"{name:8} {sizes[name]:6,} parameters, recurrent layer {ratio:.0f}x the RNN's")

# %% [markdown]
# ## Training
#
# Every batch goes to every model in turn, for
# <span data-figure="distance:epochs_n">10</span> epochs. Gradients can **explode** as
# well as vanish: the signal that flows back through many steps is multiplied by one
# factor per step, and it grows without bound when those factors exceed one. So each
# training step clips the gradient of all three models to a norm of at most
# <span data-figure="distance:clip_norm">1</span>, and one exploding batch cannot throw a
# model off. Clipping caps large gradients; it does nothing for small ones. After each
# epoch: the training loss, and the percentage of held-out sequences recalled right,
# averaged over all steps (for the RNN, over its starts too).


# %%
def accuracy_per_distance(model: nn.Module) -> torch.Tensor:
    """% recalled right at each step; the index is the steps since the digit."""
    with torch.no_grad():
        guesses = model(test_x).argmax(dim=-1)
    return (guesses == test_y).float().mean(dim=0) * 100


def per_kind(values: dict) -> dict:
    """The average over each kind's starts of a value per (kind, start)."""
    return {
        name: sum(values[name, k] for k in range(STARTS[name])) / STARTS[name] for name in KINDS
    }


optimisers = {key: torch.optim.Adam(m.parameters(), LR) for key, m in models.items()}
loss_fn = nn.CrossEntropyLoss()
batch_order = torch.Generator().manual_seed(1000 * SEED + 2)
print("epoch  " + "".join(f"{name:>20}" for name in KINDS))
for epoch in range(1, EPOCHS + 1):
    totals = dict.fromkeys(models, 0.0)
    for batch in torch.randperm(len(train_x), generator=batch_order).split(BATCH):
        x, y = train_x[batch], train_y[batch]
        for key, model in models.items():
            loss = loss_fn(model(x).flatten(0, 1), y.flatten())
            optimisers[key].zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=CLIP)
            optimisers[key].step()
            totals[key] += loss.item() * len(batch) / len(train_x)
    losses = per_kind(totals)
    recalled = per_kind({key: accuracy_per_distance(m).mean() for key, m in models.items()})
    print(f"{epoch:5}  " + "".join(f"{losses[n]:12.3f} {recalled[n]:6.1f}%" for n in KINDS))

# %% [markdown]
# ## Accuracy against distance

# %%
each = {key: accuracy_per_distance(model) for key, model in models.items()}
accuracy = per_kind(each)  # the RNN's: the average over its starts
shown = [0, 1, 2, 3, 5, 10, 20, 49]
print("steps since the digit " + "".join(f"{d:>6}" for d in shown))
for name in KINDS:
    print(f"{name:21} " + "".join(f"{accuracy[name][d]:5.0f}%" for d in shown))
for k in range(RNN_STARTS):
    print(f"{f'  RNN start {k}':21} " + "".join(f"{each['nn.RNN', k][d]:5.0f}%" for d in shown))

# %% [markdown]
# ## How much gradient reaches the early steps?
#
# Take the loss at the **last** step only, and ask how strongly it reacts to each input:
# the norm of its gradient with respect to the input vector at each step, averaged over
# <span data-figure="distance:grad_sequences">256</span> held-out sequences. The first
# digit, at the greatest distance
# (<span data-figure="distance:distance_max">49</span> steps back), can only be learned
# from if some gradient reaches it. We measure it before and after training, in
# double precision so that tiny values are not rounded to zero, and sum it up in two
# numbers: how many orders of magnitude the gradient loses from the current input to the
# first one, and the share of it kept, on average, per step back. For the RNN, both are
# averaged over its starts (the gradients themselves are averaged on the log scale).


# %%
def gradient_per_distance(model: Recall) -> torch.Tensor:
    model = copy.deepcopy(model).double()
    vectors = model.embed(test_x[:PROBE]).detach().requires_grad_()
    loss = loss_fn(model.forward_embedded(vectors)[:, -1], test_y[:PROBE, -1])
    loss.backward()
    per_step = vectors.grad.norm(dim=-1).mean(dim=0)  # (STEPS,)
    return per_step.flip(0)  # index = steps between that input and the loss


def decay(grad: torch.Tensor) -> tuple[float, float]:
    """Orders of magnitude lost from the current input to the first, and share kept per step."""
    lost = (grad[0] / grad[-1]).log10().item()
    return lost, 10 ** (-lost / (STEPS - 1))


def log_average(grads: dict) -> dict:
    """Each kind's gradient per distance, averaged over its starts on the log scale."""
    logs = per_kind({key: grad.log10() for key, grad in grads.items()})
    return {name: 10**log for name, log in logs.items()}


before = log_average({key: gradient_per_distance(m) for key, m in untrained.items()})
after = log_average({key: gradient_per_distance(m) for key, m in models.items()})
print("training  layer     current input  first input  orders lost  kept per step")
for when, grads in (("before", before), ("after", after)):
    for name in KINDS:
        lost, kept = decay(grads[name])
        now, first = grads[name][0], grads[name][-1]
        print(f"{when:9} {name:8} {now:13.1e} {first:12.1e} {lost:12.1f} {kept:14.2f}")

# %%
fig, (left, right) = plt.subplots(2, 1, figsize=(5, 7.5))
# The GRU is dashed, so that the LSTM's line shows through where they overlap.
for name, style in zip(KINDS, ["-", "-", "--"], strict=True):
    left.plot(range(STEPS), accuracy[name], linestyle=style, label=name)
    (line,) = right.semilogy(range(STEPS), after[name], label=f"{name}, trained")
    right.semilogy(range(STEPS), before[name], linestyle=":", c=line.get_color())
for k in range(RNN_STARTS):  # each start of the RNN, faint
    left.plot(range(STEPS), each["nn.RNN", k], color="tab:blue", alpha=0.3, linewidth=0.8)
left.axhline(100 / DIGITS, color="gray", linestyle="--", label="guessing")
left.set_ylim(0, 105)
left.set_xlabel("steps since the first digit was seen")
left.set_ylabel("first digit recalled (%)")
left.set_title("Recall against distance")
left.legend(loc="center right")
right.set_xlabel("steps between the input and the loss")
right.set_ylabel("gradient norm (log scale)")
right.set_title("Gradient reaching earlier inputs (dotted: untrained)")
right.legend(loc="lower left", fontsize="small")
for axis in (left, right):
    axis.grid(alpha=0.3)
fig.tight_layout()

# %% [markdown]
# ## What the numbers show
#
# - The plain **`nn.RNN`** recalls the first digit far less often than the gated layers:
#   over the distances from <span data-figure="distance:distance_far">10</span> steps to
#   the first digit, the RNN is right <span data-figure="distance:rnn_far">53%</span> of
#   the time on average in the median run
#   (<span data-figure="distance:rnn_far" data-range>33–67%</span> over the runs), and the
#   RNN's best start reaches <span data-figure="distance:rnn_best_far">68%</span> in the
#   median run. A trace of the digit survives, better than a guess
#   (<span data-figure="distance:guess_acc">10%</span>), but far from reliable recall. The
#   RNN's curve is nearly flat from there on (its best and worst distance differ by
#   <span data-figure="distance:rnn_far_swing">1.2</span> points in the median run), as if
#   each start had learned to hold some of the digits, whatever the distance, and not the
#   others.
# - **`nn.LSTM`** and **`nn.GRU`** recall it at every distance: even at its worst
#   distance, the LSTM is right <span data-figure="distance:lstm_min">100%</span> of the
#   time in the median run, at least
#   <span data-figure="distance:lstm_min" data-bound="lower">99.7%</span> in every run, and
#   the GRU <span data-figure="distance:gru_min">100%</span> in every run. The gated layers
#   were ahead of even the RNN's best start in
#   <span data-figure="distance:gated_beat_best_rnn" data-count>35 of 35</span> runs.
# - **Before training**, the gradient fades on its way back in all three layers,
#   fastest in the RNN in
#   <span data-figure="distance:rnn_fades_fastest" data-count>35 of 35</span> runs. The RNN
#   keeps <span data-figure="distance:rnn_kept_before">0.53</span> of it per step in the
#   median run (the LSTM <span data-figure="distance:lstm_kept_before">0.84</span>, the
#   GRU <span data-figure="distance:gru_kept_before">0.63</span>). The LSTM keeps the most,
#   most likely because its forget gate starts mostly open. Over the whole distance that
#   leaves the first digit only a faint signal in every model; the GRU's is faint too, and
#   the GRU still learned the long distance.
# - **After training**, the LSTM keeps
#   <span data-figure="distance:lstm_kept_after">0.98</span> of its gradient per step and
#   the GRU <span data-figure="distance:gru_kept_after">1.03</span> in the median run (the
#   GRU a little over one in every run: its gradient even grows on the way back), so the
#   first digit still gets a sizeable share, though small losses per step add up over the
#   whole distance in the LSTM's lowest runs. The RNN keeps
#   <span data-figure="distance:rnn_kept_after">0.38</span> per step. At the first digit
#   that opens a gap: the gated layers get
#   <span data-figure="distance:gap_orders">18.5</span> orders of magnitude more gradient
#   than the RNN in the median run, and a gap of at least
#   <span data-figure="distance:gap_orders" data-bound="lower">8</span> orders in every run.
#
# This is **consistent with vanishing gradients**, a hypothesis, not a proof that they are
# the whole story. The gated layers can learn the digit at short distances first, and their
# gates give them a path along which keeping it costs almost nothing: an LSTM adds to its cell
# state instead of rewriting it (old state times the forget gate, plus new input times
# the input gate), so with the forget gate near one and the input gate near zero, the
# state and its gradient pass on almost unchanged, a near-identity path. A GRU's update
# gate mixes the old state into the new one in the same way. A plain RNN has no such
# path: its state goes through the recurrent matrix and `tanh` at every step, and
# `tanh`'s slope is below one everywhere except at zero, so each step tends to shrink the
# gradient further. This fixed budget shows which layer learns the long distance first,
# not how far each could get with more training. The layers' sizes differ too (printed
# above), and this experiment does not separate the gates from the extra weights.
#
# Two things in the runs do not fit a simple gradient story. The gradients after training
# reflect what each model learned (a model that holds the digit passes gradient back to
# it), so they cannot tell whether the gradient caused the learning or the learning caused
# the gradient. And the RNN's recall does not fade as the distance grows, as it would if
# the RNN learned each distance only as far as its gradient reached: its curve is nearly
# flat from <span data-figure="distance:distance_far">10</span> steps back on.
#
# The last cell collects what the pages quote: `setup` holds the choices that no seed
# changes, `results` what this run measured. Its `assert`s are the experiment's claims,
# and every run at every seed must pass them.

# %%
far = slice(FAR, STEPS)  # from FAR steps back to the first digit
lost = {
    when: {n: decay(g[n])[0] for n in KINDS} for when, g in (("before", before), ("after", after))
}
kept = {
    when: {n: decay(g[n])[1] for n in KINDS} for when, g in (("before", before), ("after", after))
}
setup = {
    "sequence_len": STEPS,
    "distance_max": STEPS - 1,
    "distance_far": FAR,
    "hidden_units": HIDDEN,
    "epochs_n": EPOCHS,
    "clip_norm": CLIP,
    "grad_sequences": PROBE,
    "rnn_starts": RNN_STARTS,
    "lstm_forget_bias": FORGET_BIAS,
    "guess_acc": 100 / DIGITS,
    "rnn_params": sizes["nn.RNN"],
    "lstm_params": sizes["nn.LSTM"],
    "gru_params": sizes["nn.GRU"],
    "lstm_layer_ratio": layers["nn.LSTM"] / layers["nn.RNN"],
    "gru_layer_ratio": layers["nn.GRU"] / layers["nn.RNN"],
}
# Recall in % of held-out sequences, and shares of gradient, two decimals more than shown.
gated = min(after["nn.LSTM"][-1], after["nn.GRU"][-1])
gated_far = min(accuracy[n][far].mean().item() for n in ("nn.LSTM", "nn.GRU"))
best_far = max(each["nn.RNN", k][far].mean().item() for k in range(RNN_STARTS))
results = {
    "rnn_far": round(accuracy["nn.RNN"][far].mean().item(), 2),
    "rnn_far_swing": round(
        (accuracy["nn.RNN"][far].max() - accuracy["nn.RNN"][far].min()).item(), 2
    ),
    "rnn_best_far": round(best_far, 2),
    "lstm_min": round(accuracy["nn.LSTM"].min().item(), 2),
    "gru_min": round(accuracy["nn.GRU"].min().item(), 2),
    # How many orders of magnitude more gradient reaches the first digit when gated.
    "gap_orders": round((gated / after["nn.RNN"][-1]).log10().item(), 3),
    **{f"{n.removeprefix('nn.').lower()}_kept_before": round(kept["before"][n], 4) for n in KINDS},
    **{f"{n.removeprefix('nn.').lower()}_kept_after": round(kept["after"][n], 4) for n in KINDS},
    # Yes-or-no results: the pages count the runs in which they held.
    "gated_beat_best_rnn": gated_far > best_far,  # from 10 steps back, even its best start
    "rnn_fades_fastest": kept["before"]["nn.RNN"]
    < min(kept["before"]["nn.LSTM"], kept["before"]["nn.GRU"]),  # before training
    "gated_more_gradient": bool(gated > after["nn.RNN"][-1]),  # at the first digit
}
print(setup)
print(results)
print(f"far recall: LSTM and GRU at least {gated_far:.1f}%; orders lost: {lost}")

# The claims of this experiment: they hold at every seed. What holds in most runs only is a
# yes-or-no result above, which the pages count.
assert setup["lstm_layer_ratio"] == 4, "an LSTM layer has four times the RNN layer's weights"
assert setup["gru_layer_ratio"] == 3, "a GRU layer has three times the RNN layer's weights"
assert min(results["lstm_min"], results["gru_min"]) >= 99, (
    "the LSTM and the GRU should recall the first digit at every distance"
)
assert (
    max(results["rnn_kept_before"], results["lstm_kept_before"], results["gru_kept_before"]) < 0.95
), "before training, every layer should lose gradient at each step back"
assert results["rnn_kept_before"] < results["lstm_kept_before"], (
    "before training, the RNN's gradient should fade faster than the LSTM's"
)
assert min(results["lstm_kept_after"], results["gru_kept_after"]) > 0.8, (
    "after training, the gated layers should keep most of their gradient per step back"
)
