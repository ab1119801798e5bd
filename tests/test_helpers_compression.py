"""Tests for helpers.compression: layer formats, variants, sizes, the trainer and ONNX."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pytest
from scipy import sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from helpers.compression import (
    CompressedMLP,
    Dense,
    Factored,
    Int8,
    Sparse,
    export_onnx,
    float16_layers,
    int8_layers,
    latency_per_1000,
    load_digits_split,
    low_rank_layers,
    mlp_layers,
    npz_nbytes,
    onnx_predictor,
    pruned_weights,
    quantize_onnx,
    sparse_layers,
    train_mlp,
)


@pytest.fixture(scope="module")
def digits() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    return load_digits_split(seed=0)


@pytest.fixture(scope="module")
def model(digits: tuple[np.ndarray, ...]) -> MLPClassifier:
    X_train, _, y_train, _ = digits
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return MLPClassifier((32, 16), max_iter=60, random_state=0).fit(X_train, y_train)


def _random_layers(seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(seed)
    return [(rng.normal(size=(64, 128)).astype(np.float32), rng.normal(size=128)),
            (rng.normal(size=(128, 64)).astype(np.float32), rng.normal(size=64)),
            (rng.normal(size=(64, 10)).astype(np.float32), rng.normal(size=10))]


# data and extraction --------------------------------------------------------------------------
def test_split_is_deterministic_stratified_and_scaled(digits: tuple[np.ndarray, ...]) -> None:
    X_train, X_test, y_train, y_test = digits
    again = load_digits_split(seed=0)
    assert all(np.array_equal(a, b) for a, b in zip(digits, again, strict=True))
    assert not np.array_equal(load_digits_split(seed=1)[1], X_test)
    assert X_train.dtype == np.float32 and 0.0 <= X_train.min() and X_train.max() <= 1.0
    assert len(X_train) + len(X_test) == 1_797
    shares = np.bincount(y_test) / len(y_test)
    assert shares.min() > 0.09 and shares.max() < 0.11
    with pytest.raises(ValueError, match="test_size"):
        load_digits_split(test_size=1.0, seed=0)


def test_float32_copy_of_the_model_predicts_like_it(model: MLPClassifier,
                                                    digits: tuple[np.ndarray, ...]) -> None:
    _, X_test, _, _ = digits
    layers = mlp_layers(model)
    assert [w.shape for w, _ in layers] == [(64, 32), (32, 16), (16, 10)]
    assert all(w.dtype == np.float32 and b.dtype == np.float32 for w, b in layers)
    layers[0][0][:] = 0  # a copy: the model is untouched
    assert np.any(model.coefs_[0] != 0)
    net = CompressedMLP.from_mlp(model)
    assert np.mean(net.predict(X_test) == model.predict(X_test)) > 0.99
    logits = net.logits(X_test)
    probabilities = np.exp(logits - logits.max(axis=1, keepdims=True))
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    assert np.allclose(probabilities, model.predict_proba(X_test), atol=1e-4)


def test_unfitted_or_non_relu_models_are_refused() -> None:
    with pytest.raises(ValueError, match="fitted"):
        mlp_layers(MLPClassifier())
    fake = MLPClassifier(activation="tanh")
    fake.coefs_, fake.intercepts_ = [np.zeros((2, 2))], [np.zeros(2)]
    with pytest.raises(ValueError, match="relu"):
        mlp_layers(fake)


# bytes and layer formats ----------------------------------------------------------------------
def test_npz_nbytes_is_the_size_numpy_writes() -> None:
    arrays = {"a": np.arange(100, dtype=np.int8), "b": np.ones((3, 4), np.float32)}
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    assert npz_nbytes(arrays) == len(buffer.getvalue())
    with pytest.raises(ValueError):
        npz_nbytes({})


def test_every_layer_format_computes_what_it_stores() -> None:
    rng = np.random.default_rng(1)
    weights = rng.normal(size=(6, 4)).astype(np.float32)
    weights[rng.random((6, 4)) < 0.5] = 0
    bias = rng.normal(size=4).astype(np.float32)
    X = rng.normal(size=(5, 6)).astype(np.float32)
    expected = X @ weights + bias
    left, right = weights[:, :2], np.eye(2, 4, dtype=np.float32)
    for layer in (Dense(weights, bias), Sparse(weights, bias),
                  Sparse(weights, bias, index_dtype=np.int16)):
        assert np.allclose(layer(X), expected, atol=1e-5)
        assert layer.shape == (6, 4)
    factored = Factored(left, right, bias)
    assert np.allclose(factored(X), X @ left @ right + bias, atol=1e-5)
    assert factored.rank == 2 and factored.n_parameters == 12 + 8 + 4
    stored = Sparse(weights, bias)
    reference = sparse.csr_array(weights)
    assert stored.n_parameters == reference.nnz + 4
    assert np.array_equal(stored.columns, reference.indices)
    assert stored.columns.dtype == np.int32
    assert Sparse(weights, bias, index_dtype=np.int16).columns.dtype == np.int16
    with pytest.raises(ValueError, match="integer"):
        Sparse(weights, bias, index_dtype=np.float32)
    with pytest.raises(ValueError, match="share the rank"):
        Factored(left, right.T, bias)
    with pytest.raises(ValueError, match="bias"):
        Dense(weights, np.zeros(3))


def test_int8_layer_checks_its_codes_and_scales() -> None:
    codes = np.array([[127, -127], [0, 64]], dtype=np.int8)
    layer = Int8(codes, np.array([0.5, 0.25]), np.zeros(2))
    assert np.allclose(layer.dequantized(), [[63.5, -31.75], [0, 16]])
    assert set(layer.arrays()) == {"codes", "scale", "bias"}
    with pytest.raises(ValueError, match="int8"):
        Int8(codes.astype(np.int16), 1.0, np.zeros(2))
    with pytest.raises(ValueError, match="scale"):
        Int8(codes, np.ones(3), np.zeros(2))


def test_network_checks_its_layers_and_counts_its_file() -> None:
    layers = _random_layers()
    net = CompressedMLP([Dense(w, b) for w, b in layers], classes=list("abcdefghij"))
    assert net.n_parameters == sum(w.size + b.size for w, b in layers)
    payload = sum(w.astype(np.float32).nbytes + 4 * b.size for w, b in layers)
    assert payload < net.nbytes < payload + 300 * 6
    assert set(net.predict(np.zeros((3, 64)))) <= set("abcdefghij")
    with pytest.raises(ValueError, match="expects"):
        CompressedMLP([Dense(*layers[0]), Dense(*layers[2])])
    with pytest.raises(ValueError, match="X must have shape"):
        net.logits(np.zeros((2, 63)))
    with pytest.raises(ValueError, match="classes"):
        CompressedMLP([Dense(*layers[2])], classes=[0, 1])
    with pytest.raises(ValueError, match="at least one"):
        CompressedMLP([])


def test_saved_file_has_the_counted_size(tmp_path) -> None:
    net = CompressedMLP(sparse_layers(pruned_weights(_random_layers(), 0.8)))
    path = net.save(tmp_path / "model.npz")
    assert path.stat().st_size == net.nbytes
    with np.load(path) as stored:
        assert "shapes" in stored and stored["shapes"].tolist() == [[64, 128], [128, 64], [64, 10]]


# variants -------------------------------------------------------------------------------------
def test_low_rank_layers_follow_eckart_young_and_skip_layers_that_would_grow() -> None:
    layers = _random_layers(2)
    factored = low_rank_layers(layers, 9)
    assert [type(layer).__name__ for layer in factored] == ["Factored", "Factored", "Dense"]
    w = layers[0][0].astype(float)
    s = np.linalg.svd(w, compute_uv=False)
    approx = factored[0].first.astype(float) @ factored[0].second.astype(float)
    assert np.isclose(np.linalg.norm(w - approx), np.sqrt(np.sum(s[9:] ** 2)), rtol=1e-5)
    assert all(isinstance(layer, Dense) for layer in low_rank_layers(layers, 64))
    with pytest.raises(ValueError):
        low_rank_layers(layers, 0)


def test_global_pruning_zeroes_the_smallest_weights_of_the_whole_network() -> None:
    layers = _random_layers(3)
    before = [w.copy() for w, _ in layers]
    pruned = pruned_weights(layers, 0.75)
    assert all(np.array_equal(w, b) for (w, _), b in zip(layers, before, strict=True))
    total = sum(w.size for w, _ in layers)
    zeros = sum(int(np.sum(w == 0)) for w, _ in pruned)
    assert zeros == round(0.75 * total)
    kept = np.concatenate([np.abs(w[w != 0]) for w, _ in pruned])
    dropped = np.concatenate([np.abs(o[p == 0]) for (p, _), (o, _) in zip(pruned, layers,
                                                                           strict=True)])
    assert dropped.max() <= kept.min()
    assert np.array_equal(pruned_weights(layers, 0.0)[0][0], layers[0][0])
    assert not any(np.any(w) for w, _ in pruned_weights(layers, 1.0))
    with pytest.raises(ValueError, match="sparsity"):
        pruned_weights(layers, 1.5)


def test_global_pruning_prunes_every_weight_tied_with_the_threshold() -> None:
    # A threshold rule, not exactly k weights: the documented difference from Exercise 3.
    tied = [(np.array([[1.0, -1.0], [1.0, 3.0]]), np.zeros(2))]
    [(pruned, _)] = pruned_weights(tied, 0.25)
    assert pruned.tolist() == [[0.0, 0.0], [0.0, 3.0]]


def test_sparse_layers_pick_the_smaller_format() -> None:
    layers = _random_layers(4)
    assert all(isinstance(layer, Dense) for layer in sparse_layers(pruned_weights(layers, 0.3)))
    assert all(isinstance(layer, Sparse) for layer in sparse_layers(pruned_weights(layers, 0.9)))
    dense = CompressedMLP([Dense(w, b) for w, b in layers])
    # 90% zeros: 8 bytes per non-zero with int32 indices (about 3.7x smaller), 6 with int16
    ninety = pruned_weights(layers, 0.9)
    assert CompressedMLP(sparse_layers(ninety)).nbytes < dense.nbytes / 3.5
    assert CompressedMLP(sparse_layers(ninety, index_dtype=np.int16)).nbytes < dense.nbytes / 4.5
    # int8 indices (at most 127) cannot number 128 columns: that layer stays dense
    assert isinstance(sparse_layers(ninety, index_dtype=np.int8)[0], Dense)
    # the choice counts the file, headers included: CSR is never picked where it grows it
    for share in (0.45, 0.5, 0.55):
        pruned = pruned_weights(layers, share)
        for layer, (w, b) in zip(sparse_layers(pruned), pruned, strict=True):
            assert npz_nbytes(layer.arrays()) <= npz_nbytes(Dense(w, b).arrays())


def test_quantised_layers_round_within_half_a_step() -> None:
    layers = _random_layers(5)
    for per_channel in (False, True):
        quantised = int8_layers(layers, per_channel=per_channel)
        for layer, (w, _) in zip(quantised, layers, strict=True):
            step = np.broadcast_to(layer.scale, w.shape)
            assert np.all(np.abs(layer.dequantized() - w) <= step / 2 * (1 + 1e-5))
            assert layer.codes.min() >= -127
    zero_column = [(np.zeros((3, 2)), np.zeros(2))]
    assert np.all(int8_layers(zero_column)[0].scale == 1.0)
    halves = float16_layers(layers)
    assert all(layer.weights.dtype == np.float16 for layer in halves)
    dense = CompressedMLP([Dense(w, b) for w, b in layers])
    assert CompressedMLP(halves).nbytes < 0.55 * dense.nbytes
    assert CompressedMLP(int8_layers(layers)).nbytes < 0.3 * dense.nbytes


# training -------------------------------------------------------------------------------------
def test_trainer_learns_respects_masks_and_is_seeded(digits: tuple[np.ndarray, ...]) -> None:
    X_train, X_test, y_train, y_test = digits
    onehot = np.eye(10)[y_train]
    layers = train_mlp(X_train, onehot, hidden=[16], epochs=15, learning_rate=0.01, seed=3)
    again = train_mlp(X_train, onehot, hidden=[16], epochs=15, learning_rate=0.01, seed=3)
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(layers, again, strict=True))
    net = CompressedMLP([Dense(w, b) for w, b in layers])
    assert np.mean(net.predict(X_test) == y_test) > 0.9
    masks = [np.abs(w) > np.median(np.abs(w)) for w, _ in layers]
    tuned = train_mlp(X_train, onehot, start=layers, masks=masks, epochs=2, seed=0)
    assert all(np.all(w[~m] == 0) for (w, _), m in zip(tuned, masks, strict=True))
    soft = train_mlp(X_train, np.full((len(X_train), 10), 0.1), hidden=[4], temperature=4.0,
                     epochs=1, seed=0)
    assert [w.shape for w, _ in soft] == [(64, 4), (4, 10)]


def test_trainer_refuses_bad_targets_and_shapes(digits: tuple[np.ndarray, ...]) -> None:
    X_train, _, y_train, _ = digits
    with pytest.raises(ValueError, match="probabilities"):
        train_mlp(X_train, np.ones((len(X_train), 10)), seed=0)
    with pytest.raises(ValueError, match="same number of rows"):
        train_mlp(X_train, np.eye(10)[y_train][:5], seed=0)
    with pytest.raises(ValueError, match="masks"):
        train_mlp(X_train, np.eye(10)[y_train], start=[(np.zeros((64, 10)), np.zeros(10))],
                  masks=[np.ones((3, 3), bool)], seed=0)
    with pytest.raises(ValueError, match="temperature"):
        train_mlp(X_train, np.eye(10)[y_train], temperature=0.0, seed=0)


# speed and ONNX -------------------------------------------------------------------------------
def test_latency_is_per_batch_of_1000_rows() -> None:
    seen = []
    latency_per_1000(lambda rows: seen.append(rows.shape), np.ones((7, 3)), repeat=2)
    assert seen == [(1_000, 3)] * 3   # one warm-up call and two timed ones
    with pytest.raises(TypeError):
        latency_per_1000("predict", np.ones((2, 2)))  # type: ignore[arg-type]


def test_onnx_export_and_dynamic_quantisation(model: MLPClassifier, digits, tmp_path) -> None:
    _, X_test, _, _ = digits
    path = export_onnx(model, tmp_path / "model.onnx")
    quantised = quantize_onnx(path, tmp_path / "model_int8.onnx")
    assert quantised.stat().st_size < 0.6 * path.stat().st_size
    float_predict, int8_predict = onnx_predictor(path), onnx_predictor(quantised)
    assert np.array_equal(float_predict(X_test), model.predict(X_test))
    assert np.mean(int8_predict(X_test) == model.predict(X_test)) > 0.95
    with pytest.raises(ValueError, match="fitted"):
        export_onnx(MLPClassifier(), tmp_path / "unfitted.onnx")
