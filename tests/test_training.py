"""A tiny training run through export, reload and predict: the whole model life cycle, in seconds."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from spinlens.modelfiles import ModelError
from spinlens.semeval.formats import Label
from spinlens.techniques import decode
from spinlens.techniques.model import TechniqueModel
from spinlens.techniques.train import TrainConfig, train
from tests_support import load_script

pytestmark = pytest.mark.slow

LOADED = ["reckless traitors", "shameful cowards", "corrupt thugs"]
SENTENCES = [
    "The committee met on {day} to discuss the harbour plan.",
    "Critics called the members {slur} after the vote.",
    "Officials said the budget would be published in {month}.",
]


def _write_split(root: Path, split: str, n: int) -> None:
    articles = root / split / "articles"
    articles.mkdir(parents=True)
    lines = []
    for i in range(n):
        slur = LOADED[i % len(LOADED)]
        body = "\n".join(s.format(day="Monday", month="May", slur=slur) for s in SENTENCES)
        text = f"Harbour plan {i}\n\n{body}\n"
        article_id = f"{9000 + i}"
        (articles / f"article{article_id}.txt").write_text(text, encoding="utf-8")
        start = text.index(slur)
        lines.append(f"{article_id}\tName_Calling,Labeling\t{start}\t{start + len(slur)}")
        lines.append(f"{article_id}\tLoaded_Language\t{start}\t{start + len(slur.split()[0])}")
    (root / split / "labels.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def trained(tmp_path_factory, tiny_base) -> tuple[Path, dict]:
    data = tmp_path_factory.mktemp("ptc")
    _write_split(data, "train", 12)
    _write_split(data, "dev", 4)
    out = tmp_path_factory.mktemp("model")
    manifest = train(
        TrainConfig(
            data=str(data),
            out=str(out),
            base=str(tiny_base),
            max_steps=4,
            batch_size=4,
            window=32,
            train_overlap=8,
            infer_overlap=8,
        ),
        log=lambda _: None,
    )
    return out, manifest


def test_training_writes_a_complete_manifest(trained):
    out, manifest = trained
    assert manifest["files"]["onnx"] in {"model.onnx", "model.int8.onnx"}
    for name, digest in manifest["sha256"].items():
        assert (out / name).is_file() and len(digest) == 64
    assert len(manifest["labels"]) == 14
    assert re.fullmatch(r".+\+\d{8}\.\d{4}", manifest["version"])  # to the minute: one day may train several
    assert manifest["training"]["splits"] == ["train"]
    assert set(manifest["metrics"]["dev"][manifest["metrics"]["chosen"]]) >= {"si_f1", "tc_f1", "full_f1"}
    assert "torch" in manifest["versions"]
    assert isinstance(manifest["decode"]["trim_last"], list)  # learned from the training fragments (`edge_words`)
    import torch

    # "auto" trains where it can; the manifest says where, since bf16 rounds differently on a GPU
    assert manifest["training"]["settings"]["device"].startswith("cuda" if torch.cuda.is_available() else "cpu")
    with np.load(out / "span_head.npz") as head:  # the calibration the cross-fitted folds learned
        assert head["cal_w"].shape == (14 + 4, 14) and head["cal_b"].shape == (14,)


def test_exported_model_reloads_and_predicts_on_long_text(trained):
    out, _ = trained
    model = TechniqueModel(out)
    text = "Critics called the members reckless traitors after the vote. " * 40  # many 32-token windows
    (tokens,) = model.predict_tokens([text])
    assert tokens.p_span.shape == (len(tokens.encoded),)
    for span in model.detect(text, tokens, threshold=0.0):
        assert 0 <= span.start < span.end <= len(text)
        assert span.technique in model.labels
    labelled = model.label_spans(text, [(27, 44), (0, 7)])
    assert [technique in model.labels for technique, _ in labelled] == [True, True]


def test_a_span_given_twice_gets_two_techniques(trained):
    """PTC gives a fragment with two techniques as two labels: the second gets the runner-up technique."""
    model = TechniqueModel(trained[0])
    text = "Critics called the members reckless traitors after the vote."
    (once,) = model.label_spans(text, [(27, 44)])
    first, second = model.label_spans(text, [(27, 44), (27, 44)])
    assert first[0] == once[0] and first[1] == pytest.approx(once[1], abs=1e-5)
    assert second[0] != first[0] and second[1] <= first[1]


def _train_student(tmp_path: Path, tiny_base: Path, teacher: Path, **settings) -> dict:
    data = tmp_path / "ptc"
    _write_split(data, "train", 4)
    _write_split(data, "dev", 2)
    config = TrainConfig(
        data=str(data),
        out=str(tmp_path / "student"),
        base=str(tiny_base),
        teacher=str(teacher),
        max_steps=2,
        batch_size=4,
        window=32,
        train_overlap=8,
        infer_overlap=8,
        **settings,
    )
    return train(config, log=lambda _: None)


def test_a_student_learns_from_a_teachers_fragment_and_technique_probabilities(trained, tmp_path, tiny_base):
    from spinlens.techniques.examples import teacher_targets

    teacher, _ = trained
    manifest = _train_student(tmp_path, tiny_base, teacher, calibration_folds=0)
    assert manifest["training"]["teacher"]["sha256"] == json.loads((teacher / "manifest.json").read_text())["sha256"]
    # tokenised alike, each student token gets exactly its teacher token's probability
    model = TechniqueModel(teacher)
    text = "Critics called the members reckless traitors after the vote."
    (tokens,) = model.predict_tokens([text])
    fragment = Label("a", "Name_Calling,Labeling", 27, 44)  # "reckless traitors"
    (said,) = teacher_targets(teacher, {"a": text}, [fragment], model.tokenizer).values()
    assert np.allclose(said.tokens, tokens.p_span, atol=1e-6)
    # and the span classifier learns the teacher's technique probabilities of each gold fragment
    (probs,), _ = model.classify(text, tokens, [decode.token_range(tokens.encoded.offsets, 27, 44)])
    assert list(said.techniques) == [(27, 44)] and np.allclose(said.techniques[27, 44], probs, atol=1e-6)


def test_a_student_also_learns_from_news_only_the_teacher_labelled(trained, tmp_path, tiny_base):
    import random

    from spinlens.techniques.examples import build_examples, load_unlabelled, teacher_targets
    from spinlens.techniques.train import verifier_runs
    from spinlens.techniques.windows import WindowSpec

    teacher, _ = trained
    news = tmp_path / "news"
    news.mkdir()
    for i in range(6):
        (news / f"outlet{i % 2}_{i}.txt").write_text("Critics called the plan shameful again. " * 20)
    # with the calibration folds, which share the unlabelled articles out as they do the labelled ones
    manifest = _train_student(tmp_path, tiny_base, teacher, unlabelled=str(news), unlabelled_max=4)
    assert manifest["training"]["unlabelled_articles"] == 4
    assert manifest["training"]["label_counts"]["Name_Calling,Labeling"] == 4  # gold labels only
    # spread over the sorted names, not the first four
    assert sorted(load_unlabelled(news, 3)) == ["unlabelled/outlet0_0", "unlabelled/outlet0_4", "unlabelled/outlet1_3"]
    # unlabelled windows carry the teacher's probabilities and nothing the verifier could learn from
    model = TechniqueModel(teacher)
    texts = load_unlabelled(news, 1)
    taught = teacher_targets(teacher, texts, [], model.tokenizer)
    examples = build_examples(texts, [], model.tokenizer, WindowSpec(32, 8), taught, frozenset(texts))
    assert examples and all(not e.gold and e.soft is not None and not e.spans for e in examples)
    predicted = np.full((len(examples), 34), 2, dtype=np.int64)  # the head calls every token a fragment
    runs, targets, _ = verifier_runs(examples, predicted, random.Random(0))
    assert runs == [] and targets == []


def test_unlabelled_articles_need_a_teacher(tmp_path):
    from click.testing import CliRunner

    from spinlens.cli import main

    (tmp_path / "news").mkdir()
    args = ["train", "techniques", "--data", str(tmp_path), "--out", str(tmp_path / "m")]
    result = CliRunner().invoke(main, [*args, "--unlabelled", str(tmp_path / "news")])
    assert result.exit_code == 2 and "--unlabelled needs --teacher" in result.output


def test_verifier_runs_are_the_heads_runs_and_a_random_one():
    import random

    from spinlens.techniques.examples import Example
    from spinlens.techniques.spanfeatures import SpanFeatures
    from spinlens.techniques.train import verifier_runs
    from spinlens.techniques.windows import Encoded

    text = "a b c d e f g h"
    encoded = Encoded(np.arange(2000, 2008), np.array([[i, i + 1] for i in range(0, 16, 2)]))
    bio = np.array([0, 1, 2, 0, 0, 0, 0, 0])  # the fragment is "b c"
    example = Example(
        encoded.ids,
        bio,
        np.zeros((8, 14), np.float32),
        [(1, 3, 0)],
        np.zeros((1, 4), np.float32),
        SpanFeatures(text, encoded),
        0,
    )
    predicted = np.zeros((1, 10), dtype=np.int64)  # [CLS] at 0
    predicted[0, [2, 3, 6, 7]] = 2  # runs over "b c" (a fragment) and "e f" (none)
    runs, targets, features = verifier_runs([example], predicted, random.Random(0))
    assert runs[:2] == [(0, 2, 4), (0, 6, 8)] and targets[:2] == [1.0, 0.0]
    assert len(runs) == 3 and features.shape == (3, 4)
    _, first, last = runs[2]
    assert targets[2] == float(bio[first - 1 : last - 1].any())


def test_asking_for_a_gpu_where_torch_sees_none_is_one_line(tmp_path):
    import torch
    from click.testing import CliRunner

    from spinlens.cli import main

    if torch.cuda.is_available():
        pytest.skip("this host has a CUDA GPU")
    (tmp_path / "train" / "articles").mkdir(parents=True)
    args = ["train", "techniques", "--data", str(tmp_path), "--out", str(tmp_path / "m"), "--device", "cuda"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "device cuda: torch" in result.output and "sees no CUDA GPU" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "m").exists()


def test_a_device_torch_has_no_name_for_is_refused():
    from spinlens.training import training_device

    with pytest.raises(ValueError, match="expected one of auto, cpu, cuda"):
        training_device("tpu")
    assert training_device("cpu").type == "cpu"


def test_training_on_a_folder_without_articles_is_one_line(tmp_path):
    from click.testing import CliRunner

    from spinlens.cli import main

    (tmp_path / "train" / "articles").mkdir(parents=True)
    result = CliRunner().invoke(main, ["train", "techniques", "--data", str(tmp_path), "--out", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert "no article<ID>.txt files" in result.output and "Traceback" not in result.output


def test_onnx_agrees_with_itself_across_padding(trained):
    """A window's outputs must not depend on how much padding its batch needed.

    Checked on the fp32 graph, to float precision; the int8 graph is the same graph with its weights
    quantised, mask and all. The int8 outputs themselves move with the batch's content whatever the mask:
    dynamic quantisation picks activation scales per batch, and on CPUs without VNNI onnxruntime's int8
    kernel sums in 16 bits, which can saturate (a shift of 0.04 at atol 0.05 failed on an AMD EPYC). That
    is why the model runs each window as a pass of its own (`TechniqueModel.forward_windows`).
    """

    from spinlens.modelfiles import cpu_session
    from spinlens.techniques.windows import pack

    short, long = np.arange(2000, 2010), np.arange(2000, 2030)
    alone_ids, alone_mask = pack([short])
    padded_ids, padded_mask = pack([short, long])
    fp32 = cpu_session(trained[0] / "model.onnx", 1)
    (alone,) = fp32.run(["bio_logits"], {"input_ids": alone_ids, "attention_mask": alone_mask})
    (padded,) = fp32.run(["bio_logits"], {"input_ids": padded_ids, "attention_mask": padded_mask})
    assert np.allclose(alone[0], padded[0, : alone_ids.shape[1]], atol=1e-4)


def test_the_export_drops_the_attention_nan_guards_and_keeps_the_outputs(trained, tmp_path):
    import onnx
    from onnx import helper

    from spinlens.modelfiles import cpu_session, drop_nan_guards
    from spinlens.techniques.windows import pack

    exported = trained[0] / "model.onnx"
    model = onnx.load(str(exported))
    assert "IsNaN" not in {node.op_type for node in model.graph.node}
    # put a guard back after the first softmax, as torch exports it, and drop it again
    at, softmax = next((i, n) for i, n in enumerate(model.graph.node) if n.op_type == "Softmax")
    probs, guarded = softmax.output[0], softmax.output[0] + "_guarded"
    for node in model.graph.node:
        node.input[:] = [guarded if name == probs else name for name in node.input]
    guard = [
        helper.make_node("Constant", [], ["zero"], value=helper.make_tensor("zero", onnx.TensorProto.FLOAT, [], [0.0])),
        helper.make_node("IsNaN", [probs], ["is_nan"]),
        helper.make_node("Where", ["is_nan", "zero", probs], [guarded]),
    ]
    for offset, node in enumerate(guard, start=1):
        model.graph.node.insert(at + offset, node)
    onnx.save(model, str(tmp_path / "guarded.onnx"))
    ids, mask = pack([np.arange(2000, 2010), np.arange(2000, 2030)])  # the first row padded
    feed = {"input_ids": ids, "attention_mask": mask}
    (before,) = cpu_session(tmp_path / "guarded.onnx", 1).run(["bio_logits"], feed)
    assert drop_nan_guards(tmp_path / "guarded.onnx") == 1
    (after,) = cpu_session(tmp_path / "guarded.onnx", 1).run(["bio_logits"], feed)
    assert np.array_equal(before, after)
    assert "IsNaN" not in {node.op_type for node in onnx.load(str(tmp_path / "guarded.onnx")).graph.node}


def test_a_model_of_another_format_is_refused_clearly(trained, tmp_path):
    out, manifest = trained
    copy = tmp_path / "model"
    shutil.copytree(out, copy)
    (copy / "manifest.json").write_text(json.dumps({**manifest, "format": 999}))
    with pytest.raises(ModelError, match="format 999"):
        TechniqueModel(copy)


def test_calibration_learns_what_the_features_say_and_the_classifier_missed():
    """Rows where the classifier always says technique 0 but a feature marks technique 10 (Repetition)."""
    from spinlens.techniques.train import fit_calibration

    rng = np.random.default_rng(0)
    n = 400
    echo = rng.random(n) < 0.5
    log_p = np.full((n, 14), np.log(0.01))
    log_p[:, 0] = np.log(0.87)
    features = np.zeros((n, 4))
    features[:, 0] = echo
    rows = np.concatenate([log_p, features], axis=1).astype(np.float32)
    targets = np.where(echo, 10, 0)
    lines: list[str] = []
    calibration = fit_calibration(rows, targets, log=lines.append)
    predicted = (rows @ calibration["cal_w"] + calibration["cal_b"]).argmax(1)
    assert (predicted == targets).all()
    assert len(lines) == 4 and all("cross-validated accuracy" in line for line in lines)


def test_the_shipped_span_head_reads_spans_as_the_trained_one(tiny_base, tmp_path):
    """The span head is trained in torch and shipped to numpy: both must pool a fragment the same way,
    at the article's edges too, where the context pool is cut short."""
    import torch

    from spinlens.techniques.export import export
    from spinlens.techniques.model import SpanHead
    from spinlens.techniques.spanfeatures import NAMES as FEATURE_NAMES
    from spinlens.techniques.train import build_network

    torch.manual_seed(0)
    net, exported = build_network(tiny_base, 14)
    net.eval()
    export(net, exported, tiny_base, tmp_path)
    hidden = torch.randn(1, 40, 32)
    ranges = [(0, 1), (3, 9), (30, 40), (0, 40)]
    features = torch.rand(len(ranges), len(FEATURE_NAMES))
    with torch.no_grad():
        logits = net.classify_spans(hidden, [(0, f, la) for f, la in ranges], features, [(0, 40)]).numpy()
    head = SpanHead(tmp_path / "span_head.npz")
    techniques, verified = head(SpanHead.features(hidden[0].numpy(), ranges, features.numpy()))
    expected = np.exp(logits[:, :-1]) / np.exp(logits[:, :-1]).sum(1, keepdims=True)
    assert np.allclose(techniques, expected, atol=1e-5)
    assert np.allclose(verified, 1 / (1 + np.exp(-logits[:, -1])), atol=1e-5)


def test_a_soup_averages_every_weight_of_networks_of_one_base(tiny_base, tmp_path):
    """`scripts/soup_techniques.py` (README: "What each choice bought"): each weight of the soup is the mean of
    the runs' weights, in the ONNX graph and the numpy span head alike."""
    import onnx
    import torch
    from onnx import numpy_helper

    from spinlens.techniques.export import export
    from spinlens.techniques.train import build_network

    soup = load_script("soup_techniques")
    runs = [tmp_path / "a", tmp_path / "b"]
    for seed, run in enumerate(runs):
        run.mkdir()
        torch.manual_seed(seed)
        net, exported = build_network(tiny_base, 14)
        export(net.eval(), exported, tiny_base, run)
    out = tmp_path / "soup"
    out.mkdir()
    soup.average_graphs(runs, out)
    soup.average_heads(runs, out)

    def weights(run: Path) -> dict[str, np.ndarray]:
        graph = onnx.load(str(run / "model.onnx")).graph
        return {w.name: numpy_helper.to_array(w) for w in graph.initializer if w.data_type == onnx.TensorProto.FLOAT}

    a, b, mean = weights(runs[0]), weights(runs[1]), weights(out)
    assert mean.keys() == a.keys() and any(not np.allclose(a[k], b[k]) for k in a)  # the heads' seeds differ
    assert all(np.allclose(mean[k], (a[k] + b[k]) / 2, atol=1e-6) for k in a)
    heads = [dict(np.load(run / "span_head.npz")) for run in (*runs, out)]
    assert all(np.allclose(heads[2][k], (heads[0][k] + heads[1][k]) / 2) for k in heads[0])


def test_an_ensemble_of_a_model_with_itself_scores_as_the_model(trained, tmp_path):
    """`scripts/ensemble_techniques.py` (README: "What each choice bought") averages the members' token and
    span-head probabilities, so a model twice over decodes exactly as it does alone."""
    from spinlens.semeval.formats import read_articles, read_labels
    from spinlens.techniques.evaluate import predict

    ensemble = load_script("ensemble_techniques")
    out, _ = trained
    _write_split(tmp_path, "dev", 4)
    dev = tmp_path / "dev"
    texts, gold = read_articles(dev / "articles"), read_labels(dev / "labels.tsv")
    model = TechniqueModel(out)
    tokens = predict(model, texts)
    alone = ensemble.Ensemble([model], [tokens], texts).score(gold)
    twice = ensemble.Ensemble([model, model], [tokens, tokens], texts).score(gold)
    assert twice == pytest.approx(alone)
    assert set(alone) == {"si_f1", "full_f1", "threshold", "gap", "verify", "peak"}
