# --8<-- [start:question]
FINISHED = {  # each finished sequence and its summed log-probability
    "a b <end>": -2.7,
    "<end>": -1.6,
    "a <end>": -2.1,
    "a b c <end>": -4.4,
}
# --8<-- [end:question]
for sequence, log_p in FINISHED.items():
    tokens = len(sequence.split())
    print(f"{sequence} -> summed {log_p}, per token {log_p} / {tokens} = {log_p / tokens:.3f}")
print("summed picks:", max(FINISHED, key=FINISHED.get))
non_empty = [s for s in FINISHED if s != "<end>"]
print("summed, the empty output passed over:", max(non_empty, key=FINISHED.get))
print(max(FINISHED, key=lambda s: FINISHED[s] / len(s.split())))
