"""Would a token tagger find quotes better than the dependency rules? A measurement on PolNeAR.

    python scripts/quotes_tagger.py --data ../shared/data/quotes --out benchmarks/quotes_tagger.md

Needs the `train` extra. Fine-tunes all-MiniLM-L6-v2 (the technique model's base) on the train split as two
BIO taggers sharing the encoder, one for Content spans and one for Source spans, in the technique model's
windows (256 tokens, each token predicted from the window where it has the most context); then scores its
spans on dev with the measure `make bench` uses for the rules (`spinlens.quotes.evaluate`). Seeded. It
ships nothing: the result decides whether a tagger is worth building into the quotes layer.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from pathlib import Path

import numpy as np

from spinlens.modelfiles import base_model_dir
from spinlens.quotes.evaluate import evaluate
from spinlens.quotes.polnear import Annotated, read_split
from spinlens.semeval.metrics import score_spans
from spinlens.techniques.windows import WindowSpec, encode, load_tokenizer, owner_window, pack, windows
from spinlens.training import optimise, warmup_then_linear_decay

KINDS = ("Content", "Source")
O, B, I = 0, 1, 2  # noqa: E741 - the BIO tags


def token_tags(offsets: np.ndarray, spans: list[tuple[int, int]]) -> np.ndarray:
    tags = np.full(len(offsets), O, dtype=np.int64)
    for start, end in sorted(spans):
        inside = np.flatnonzero((offsets[:, 0] < end) & (offsets[:, 1] > start))
        if len(inside):
            if tags[inside[0]] == O:
                tags[inside[0]] = B
            tags[inside[1:]] = np.where(tags[inside[1:]] == O, I, tags[inside[1:]])
    return tags


def decode(offsets: np.ndarray, tags: np.ndarray) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, tag in enumerate([*tags.tolist(), O]):
        if start is not None and tag != I:
            spans.append((int(offsets[start, 0]), int(offsets[i - 1, 1])))
            start = None
        if tag == B or (tag == I and start is None):
            start = i
    return spans


def main() -> None:
    import torch
    from torch import nn
    from transformers import AutoModel

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="../shared/data/quotes")
    parser.add_argument("--out", default="benchmarks/quotes_tagger.md")
    parser.add_argument("--epochs", type=float, default=1.5)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    started = time.time()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    base = base_model_dir(None)
    tokenizer = load_tokenizer(base / "tokenizer.json")
    train_spec, infer_spec = WindowSpec(256, 64), WindowSpec(256, 32)

    def windows_of(documents: list[Annotated]) -> list[tuple[np.ndarray, np.ndarray]]:
        examples = []
        for doc, enc in zip(documents, encode(tokenizer, [d.text for d in documents]), strict=True):
            tags = np.stack([token_tags(enc.offsets, doc.spans.get(kind, [])) for kind in KINDS], axis=1)
            for start, end in windows(len(enc), train_spec):
                examples.append((enc.ids[start:end], tags[start:end]))
        return examples

    train = windows_of(read_split(Path(args.data) / "train"))

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            self.head = nn.Linear(self.encoder.config.hidden_size, 3 * len(KINDS))

        def forward(self, ids, mask):
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            return self.head(hidden).view(ids.shape[0], ids.shape[1], len(KINDS), 3)

    net = Tagger()
    optimizer = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=0.01)
    batch_size = 16
    total = int(math.ceil(len(train) / batch_size) * args.epochs)
    warmup = max(1, total // 16)
    scheduler = warmup_then_linear_decay(optimizer, total, warmup)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    rng = random.Random(args.seed)
    step = 0
    net.train()
    while step < total:
        order = list(range(len(train)))
        rng.shuffle(order)
        for first in range(0, len(order), batch_size):
            if step >= total:
                break
            chosen = [train[i] for i in order[first : first + batch_size]]
            ids, mask = pack([piece for piece, _ in chosen])
            target = np.full((len(chosen), ids.shape[1], len(KINDS)), -100, dtype=np.int64)
            for row, (_, tags) in enumerate(chosen):
                target[row, 1 : len(tags) + 1] = tags  # [CLS] first
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits = net(torch.from_numpy(ids), torch.from_numpy(mask))
            loss = loss_fn(logits.float().reshape(-1, 3), torch.from_numpy(target).reshape(-1))
            optimise(net, optimizer, scheduler, loss)
            step += 1
            if step % 25 == 0 or step == total:
                elapsed = (time.time() - started) / 60
                print(f"step {step}/{total}  loss {loss.item():.4f}  {elapsed:.1f} min", flush=True)

    net.eval()
    dev = read_split(Path(args.data) / "dev")
    texts = sorted({d.text for d in dev})
    predicted: dict[str, dict[str, list[tuple[int, int]]]] = {}
    with torch.no_grad():
        for text, enc in zip(texts, encode(tokenizer, texts), strict=True):
            spans = windows(len(enc), infer_spec)
            owner = owner_window(len(enc), spans)
            tags = np.zeros((len(enc), len(KINDS)), dtype=np.int64)
            for index, (start, end) in enumerate(spans):
                ids, mask = pack([enc.ids[start:end]])
                out = net(torch.from_numpy(ids), torch.from_numpy(mask))[0, 1 : end - start + 1].argmax(-1).numpy()
                take = np.flatnonzero(owner == index)
                tags[take] = out[take - start]
            predicted[text] = {kind: decode(enc.offsets, tags[:, k]) for k, kind in enumerate(KINDS)}
    tagger = {
        kind.lower(): score_spans(
            {d.id: d.spans.get(kind, []) for d in dev}, {d.id: predicted[d.text][kind] for d in dev}
        )
        for kind in KINDS
    }
    rules = evaluate(Path(args.data) / "dev")
    minutes = (time.time() - started) / 60
    lines = [
        "## Quotes: a token tagger against the dependency rules (PolNeAR dev)",
        "",
        f"Made by `python scripts/quotes_tagger.py --data {args.data} --out {args.out}` (seed {args.seed}, "
        f"{args.epochs:g} epochs over {len(train):,} training windows, lr {args.lr:g}; {minutes:.0f} minutes on "
        "2 CPU cores, training and scoring). Same measure as the quotes section of BENCHMARKS.md.",
        "",
        "| spans | system | precision | recall | F1 |",
        "|---|---|---:|---:|---:|",
    ]
    for kind in ("content", "source"):
        for name, scores in (("dependency rules (shipped)", rules[kind]), ("MiniLM token tagger", tagger[kind])):
            lines.append(f"| {kind} | {name} | {scores.precision:.4f} | {scores.recall:.4f} | {scores.f1:.4f} |")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
