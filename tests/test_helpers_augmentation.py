"""Tests for helpers.augmentation: image transformations, noise, stacking and typos."""

from __future__ import annotations

import random
from functools import partial

import numpy as np
import pytest
from scipy import ndimage
from sklearn.datasets import load_digits

from helpers.augmentation import (
    KEYBOARD_NEIGHBOURS,
    add_typos,
    augment,
    jitter,
    random_affine,
    random_crop,
    transform_image,
)


@pytest.fixture(scope="module")
def digits() -> np.ndarray:
    return load_digits().images[:20]


def test_identity_and_whole_pixel_shifts_are_exact() -> None:
    image = np.arange(30, dtype=float).reshape(5, 6)
    assert np.array_equal(transform_image(image), image)
    moved = transform_image(image, shift=(2, -1))  # 2 right, 1 up
    assert np.array_equal(moved[:-1, 2:], image[1:, :-2])
    assert (moved[-1] == 0).all() and (moved[:, :2] == 0).all(), "no wrap-around"
    assert np.array_equal(transform_image(image, shift=(10, 0), fill=-1.0), np.full((5, 6), -1.0))


def test_rotation_matches_scipy_and_keeps_the_input() -> None:
    image = np.random.default_rng(0).random((8, 8))
    before = image.copy()
    for angle in (-30, 12.5, 90):
        expected = ndimage.rotate(image, angle, reshape=False, order=1, mode="constant")
        assert np.allclose(transform_image(image, rotation=angle), expected)
    assert np.array_equal(image, before)


def test_scaling_grows_the_content_about_the_centre() -> None:
    image = np.zeros((9, 9))
    image[3:6, 3:6] = 1.0
    bigger = transform_image(image, scale=2.0)
    assert (bigger > 0.5).sum() > (image > 0.5).sum()
    assert bigger[4, 4] == 1.0 and bigger[0, 0] == 0.0


def test_transform_image_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="2-D"):
        transform_image(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="scale"):
        transform_image(np.zeros((3, 3)), scale=0.0)
    with pytest.raises(ValueError, match="shift"):
        transform_image(np.zeros((3, 3)), shift=(1, 2, 3))
    with pytest.raises(TypeError, match="numbers"):
        transform_image(np.array([["a", "b"]]))


def test_random_affine_is_seeded_clipped_and_leaves_globals(digits: np.ndarray) -> None:
    np_state, py_state = np.random.get_state()[1].copy(), random.getstate()  # noqa: NPY002
    first = random_affine(digits, seed=3)
    assert np.array_equal(first, random_affine(digits, seed=3))
    assert not np.array_equal(first, random_affine(digits, seed=4))
    assert first.shape == digits.shape and first.min() >= 0 and first.max() <= 16
    assert np.array_equal(np.random.get_state()[1], np_state)  # noqa: NPY002
    assert random.getstate() == py_state
    still = random_affine(digits, seed=3, max_rotation=0, max_shift=0, scale_range=(1, 1))
    assert np.allclose(still, digits)
    with pytest.raises(ValueError, match="3-D"):
        random_affine(digits[0], seed=0)
    with pytest.raises(ValueError, match="value_range"):
        random_affine(digits, seed=0, value_range=(5, 1))


def test_random_crop_positions_are_uniform_and_size_is_kept() -> None:
    images = np.repeat(np.arange(64, dtype=float).reshape(1, 8, 8), 400, axis=0)
    cropped = random_crop(images, crop=1, seed=0)
    assert cropped.shape == images.shape
    corners = {float(c) for c in cropped[:, 0, 0]}
    assert corners == {0.0, 1.0, 8.0, 9.0}, "the four 7x7 windows' top-left pixels"
    with pytest.raises(ValueError, match="crop"):
        random_crop(images, crop=7, seed=0)


def test_jitter_has_the_requested_spread() -> None:
    noisy = jitter(np.full(20_000, 8.0), sigma=2.0, seed=1)
    assert abs(noisy.std() - 2.0) < 0.1 and abs(noisy.mean() - 8.0) < 0.1
    assert jitter(np.full(10, 15.5), sigma=5.0, seed=1).max() <= 16.0
    with pytest.raises(ValueError, match="sigma"):
        jitter(np.zeros(3), sigma=-1.0, seed=0)


def test_augment_stacks_originals_and_distinct_copies(digits: np.ndarray) -> None:
    labels = np.arange(len(digits)) % 10
    images, targets = augment(digits, labels, copies=3, seed=5,
                              transform=partial(jitter, sigma=1.0))
    n = len(digits)
    assert images.shape == (4 * n, 8, 8) and targets.tolist() == labels.tolist() * 4
    assert np.array_equal(images[:n], digits)
    assert not np.array_equal(images[n:2 * n], images[2 * n:3 * n])
    again, _ = augment(digits, labels, copies=3, seed=5, transform=partial(jitter, sigma=1.0))
    assert np.array_equal(images, again)
    with pytest.raises(ValueError, match="one label per image"):
        augment(digits, labels[:-1], copies=1, seed=0, transform=random_affine)
    with pytest.raises(ValueError, match="keep the shape"):
        augment(digits, labels, copies=1, seed=0, transform=lambda x, seed: x[:, :4])


def test_typos_touch_only_letters_at_the_given_rate() -> None:
    text = "abcdefghij " * 300
    assert add_typos(text, rate=0.0, seed=0) == text
    changed = add_typos(text, rate=0.1, seed=0)
    assert changed != text and changed == add_typos(text, rate=0.1, seed=0)
    assert abs(len(changed) - len(text)) < 0.05 * len(text), "drops and doubles roughly cancel"
    digits_only = "0123456789 ,.!?" * 20
    assert add_typos(digits_only, rate=1.0, seed=0) == digits_only
    assert set(KEYBOARD_NEIGHBOURS["g"]) == set("tyfhvb")
    with pytest.raises(TypeError, match="str"):
        add_typos(["not", "text"], rate=0.1, seed=0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="rate"):
        add_typos("text", rate=1.5, seed=0)
