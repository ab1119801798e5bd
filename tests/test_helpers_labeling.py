"""Tests for helpers.labeling: late natural labels, notes, simulated annotators and batches."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.data import PURPOSE_CATEGORIES, make_loans
from helpers.evaluation import binomial_tolerance
from helpers.labeling import (
    _PHRASES,
    _VAGUE,
    ABSTAIN,
    annotate_in_batches,
    default_recorded_dates,
    make_loan_notes,
    simulate_annotators,
    vote_counts,
)

DAYS_PER_MONTH = 365.25 / 12


@pytest.fixture(scope="module")
def loans() -> pd.DataFrame:
    return make_loans(20_000, seed=5)


# default_recorded_dates --------------------------------------------------------------------------
def test_only_defaults_get_a_date_and_it_comes_months_later(loans: pd.DataFrame) -> None:
    recorded = default_recorded_dates(loans, seed=1)
    assert recorded.name == "default_recorded"
    assert str(recorded.dtype) == "datetime64[ns]"
    assert recorded.index.equals(loans.index)
    assert (recorded.notna() == (loans["defaulted"] == 1)).all()
    months = ((recorded - loans["application_date"]).dt.days / DAYS_PER_MONTH).dropna()
    # first missed payment 1 + Gamma(2, 5) months (capped at term - 1), then 4-6 months more
    assert months.min() >= 5.0 - 0.1
    assert (months <= loans.loc[months.index, "term_months"] + 6 + 0.1).all()
    assert 14.0 < months.mean() < 17.0  # 1 + 10 + 5 = 16 before the cap at term - 1
    assert 0.25 < (months <= 12).mean() < 0.45


def test_recorded_dates_are_deterministic_and_follow_the_index(loans: pd.DataFrame) -> None:
    first = default_recorded_dates(loans, seed=3)
    assert first.equals(default_recorded_dates(loans, seed=3))
    assert not first.equals(default_recorded_dates(loans, seed=4))
    shuffled = loans.sample(frac=1.0, random_state=0)
    again = default_recorded_dates(shuffled, seed=3)
    assert again.index.equals(shuffled.index)
    assert (again.notna() == (shuffled["defaulted"] == 1)).all()


@pytest.mark.parametrize(
    ("table", "error"),
    [
        ([1, 2, 3], TypeError),
        (pd.DataFrame({"application_date": pd.to_datetime(["2024-01-01"])}), ValueError),
        (pd.DataFrame({"application_date": ["2024-01-01"], "term_months": [36],
                       "defaulted": [1]}), ValueError),
        (pd.DataFrame({"application_date": pd.to_datetime(["2024-01-01"]), "term_months": [36],
                       "defaulted": [2]}), ValueError),
        (pd.DataFrame({"application_date": pd.to_datetime(["2024-01-01"]), "term_months": [1],
                       "defaulted": [1]}), ValueError),
    ],
)
def test_recorded_dates_reject_bad_tables(table: object, error: type) -> None:
    with pytest.raises(error):
        default_recorded_dates(table)  # type: ignore[arg-type]


def test_recorded_dates_reject_a_bad_seed(loans: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="seed"):
        default_recorded_dates(loans.head(), seed=-1)


# make_loan_notes ---------------------------------------------------------------------------------
def test_notes_keep_the_index_and_report_their_kind(loans: pd.DataFrame) -> None:
    purposes = loans["purpose"].iloc[::-1]
    written = make_loan_notes(purposes, seed=2)
    assert list(written.columns) == ["note", "kind"]
    assert written.index.equals(purposes.index)
    assert set(written["kind"]) == {"clear", "vague", "two purposes"}
    n = len(written)
    for kind, share in [("vague", 0.1), ("two purposes", 0.9 * 0.15)]:
        observed = (written["kind"] == kind).mean()
        assert abs(observed - share) <= binomial_tolerance(share, n)


def test_notes_say_what_their_kind_says() -> None:
    purposes = list(PURPOSE_CATEGORIES) * 300
    written = make_loan_notes(purposes, seed=7)
    for purpose, (note, kind) in zip(purposes, written.itertuples(index=False), strict=True):
        own = [phrase for phrase in _PHRASES[purpose] if phrase in note]
        if kind == "vague":
            assert any(phrase in note for phrase in _VAGUE)
            assert not any(p in note for phrases in _PHRASES.values() for p in phrases)
        else:
            assert own, (purpose, note)
        if kind == "two purposes":
            others = [p for name, phrases in _PHRASES.items() if name != purpose
                      for p in phrases if p in note]
            assert others and " and " in note, (purpose, note)


def test_notes_are_deterministic_and_seed_dependent() -> None:
    purposes = ["car", "medical", "debt_consolidation"] * 50
    assert make_loan_notes(purposes, seed=1).equals(make_loan_notes(purposes, seed=1))
    assert not make_loan_notes(purposes, seed=1).equals(make_loan_notes(purposes, seed=2))
    categorical = pd.Series(pd.Categorical(purposes, categories=PURPOSE_CATEGORIES))
    assert make_loan_notes(categorical, seed=1)["note"].tolist() == (
        make_loan_notes(purposes, seed=1)["note"].tolist())


def test_notes_without_trouble_when_asked() -> None:
    written = make_loan_notes(["car"] * 200, seed=0, vague_share=0.0, mixed_share=0.0)
    assert (written["kind"] == "clear").all()


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"purposes": "car"}, TypeError),
        ({"purposes": ["car", "boat"]}, ValueError),
        ({"purposes": ["car"], "vague_share": 1.5}, ValueError),
        ({"purposes": ["car"], "mixed_share": -0.1}, ValueError),
        ({"purposes": ["car"], "seed": 1.5}, TypeError),
    ],
)
def test_notes_reject_bad_arguments(kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        make_loan_notes(**kwargs)


# simulate_annotators -----------------------------------------------------------------------------
def test_annotators_have_their_accuracies_and_return_the_truth() -> None:
    truth = np.random.default_rng(0).integers(0, 6, 20_000)
    accuracies = [0.95, 0.8, 0.6, 0.3]
    result = simulate_annotators(truth, accuracies, n_classes=6, seed=3)
    assert result.labels.shape == (20_000, 4) and result.labels.dtype == np.int64
    assert np.array_equal(result.true_labels, truth)
    assert np.array_equal(result.correct, result.labels == truth[:, None])
    assert np.array_equal(result.flipped, ~result.correct)
    assert result.accuracies == tuple(accuracies) and result.favourites == (None,) * 4
    for observed, accuracy in zip(result.observed_accuracy(), accuracies, strict=True):
        assert abs(observed - accuracy) <= binomial_tolerance(accuracy, len(truth))
    # unbiased annotators spread their errors evenly over the other five classes
    wrong = result.labels[result.flipped[:, 3], 3]
    shares = np.bincount(wrong, minlength=6) / wrong.size
    assert np.all(np.abs(shares - 1 / 6) < 0.02)


def test_a_favourite_class_takes_every_error_it_can() -> None:
    truth = np.tile(np.arange(4), 2_000)
    result = simulate_annotators(truth, [0.7, 0.7], n_classes=4, favourites=[2, None], seed=1)
    errors = result.flipped[:, 0]
    assert (result.labels[errors & (truth != 2), 0] == 2).all()
    assert (result.labels[errors & (truth == 2), 0] != 2).all()
    assert (result.labels[result.flipped[:, 1], 1] == 2).mean() < 0.35


def test_per_class_accuracies() -> None:
    truth = np.tile(np.arange(3), 10_000)
    result = simulate_annotators(truth, [[0.9, 0.1, 0.5]], n_classes=3, favourites=[0], seed=2)
    for code, accuracy in enumerate([0.9, 0.1, 0.5]):
        observed = result.correct[truth == code, 0].mean()
        assert abs(observed - accuracy) <= binomial_tolerance(accuracy, 10_000)
    assert result.accuracies == ((0.9, 0.1, 0.5),)


def test_annotators_are_deterministic_and_independent_of_each_other() -> None:
    truth = np.arange(500) % 5
    first = simulate_annotators(truth, [0.8, 0.6], n_classes=5, seed=9)
    assert np.array_equal(first.labels, simulate_annotators(truth, [0.8, 0.6], n_classes=5,
                                                            seed=9).labels)
    assert not np.array_equal(first.labels,
                              simulate_annotators(truth, [0.8, 0.6], n_classes=5, seed=10).labels)
    series = pd.Series(truth.astype(float), index=np.arange(500)[::-1])
    assert np.array_equal(simulate_annotators(series, [0.8, 0.6], n_classes=5, seed=9).labels,
                          first.labels)


@pytest.mark.parametrize(
    ("args", "kwargs", "error"),
    [
        (([0, 1], [1.2]), {"n_classes": 2}, ValueError),
        (([0, 1], []), {"n_classes": 2}, ValueError),
        (([0, 1], "0.9"), {"n_classes": 2}, TypeError),
        (([0, 2], [0.9]), {"n_classes": 2}, ValueError),
        (([0, -1], [0.9]), {"n_classes": 2}, ValueError),
        (([0.5, 1.0], [0.9]), {"n_classes": 2}, TypeError),
        ((["a", "b"], [0.9]), {"n_classes": 2}, TypeError),
        (([0, 1], [0.9]), {"n_classes": 1}, ValueError),
        (([0, 1], [0.9]), {"n_classes": 2, "favourites": [None, 1]}, ValueError),
        (([0, 1], [0.9]), {"n_classes": 2, "favourites": [2]}, ValueError),
        (([0, 1], [[0.9, 0.8, 0.7]]), {"n_classes": 2}, ValueError),
        (([[0, 1]], [0.9]), {"n_classes": 2}, ValueError),
        (([], [0.9]), {"n_classes": 2}, ValueError),
    ],
)
def test_annotators_reject_bad_arguments(args: tuple, kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        simulate_annotators(*args, **kwargs)


# annotate_in_batches -----------------------------------------------------------------------------
SOURCES = {"in-house": {"share": 0.2, "accuracy": 0.97},
           "vendor": {"share": 0.5, "accuracy": 0.6, "favourite": 0},
           "crowd": {"share": 0.3, "accuracy": [0.9, 0.8, 0.7]}}


def test_batches_have_their_sizes_accuracies_and_lineage() -> None:
    truth = pd.Series(np.tile(np.arange(3), 4_000), index=np.arange(12_000)[::-1] * 2)
    table = annotate_in_batches(truth, SOURCES, n_classes=3, seed=4)
    assert list(table.columns) == ["source", "label", "true_label", "flipped"]
    assert table.index.equals(truth.index)
    assert (table["true_label"] == truth).all()
    assert (table["flipped"] == (table["label"] != table["true_label"])).all()
    assert table["source"].value_counts().to_dict() == {"vendor": 6_000, "crowd": 3_600,
                                                        "in-house": 2_400}
    flip_rate = table.groupby("source")["flipped"].mean()
    assert abs(flip_rate["in-house"] - 0.03) <= binomial_tolerance(0.03, 2_400)
    assert abs(flip_rate["vendor"] - 0.4) <= binomial_tolerance(0.4, 6_000)
    assert abs(flip_rate["crowd"] - 0.2) <= binomial_tolerance(0.2, 3_600)
    vendor_errors = table[(table["source"] == "vendor") & table["flipped"]
                          & (table["true_label"] != 0)]
    assert (vendor_errors["label"] == 0).all()
    # the sources are spread over the rows at random, not in blocks
    assert table["source"].iloc[:1_000].nunique() == 3


def test_batches_are_deterministic() -> None:
    truth = np.arange(300) % 3
    first = annotate_in_batches(truth, SOURCES, n_classes=3, seed=1)
    assert first.equals(annotate_in_batches(truth, SOURCES, n_classes=3, seed=1))
    assert not first.equals(annotate_in_batches(truth, SOURCES, n_classes=3, seed=2))
    assert isinstance(first.index, pd.RangeIndex)


@pytest.mark.parametrize(
    ("sources", "error"),
    [
        ({}, TypeError),
        ([("a", 1.0)], TypeError),
        ({"a": {"share": 1.0}}, ValueError),
        ({"a": {"share": 0.0, "accuracy": 0.9}}, ValueError),
        ({"a": {"share": 1.0, "accuracy": 0.9, "bias": 1}}, ValueError),
        ({"": {"share": 1.0, "accuracy": 0.9}}, ValueError),
        ({"a": {"share": 1.0, "accuracy": 0.9, "favourite": 7}}, ValueError),
    ],
)
def test_batches_reject_bad_sources(sources: object, error: type) -> None:
    with pytest.raises(error):
        annotate_in_batches([0, 1, 2], sources, n_classes=3)  # type: ignore[arg-type]


# vote_counts -------------------------------------------------------------------------------------
def test_vote_counts_ignore_abstentions() -> None:
    votes = np.array([[0, 0, 2, ABSTAIN], [ABSTAIN] * 4, [1, 2, 1, 1]])
    assert vote_counts(votes, n_classes=3).tolist() == [[2, 0, 1], [0, 0, 0], [0, 3, 1]]
    assert vote_counts(votes, n_classes=4).shape == (3, 4)


@pytest.mark.parametrize(
    ("votes", "error"),
    [([0, 1], ValueError), ([[0, 3]], ValueError), ([[-2, 0]], ValueError),
     ([[0.5, 1.0]], TypeError)],
)
def test_vote_counts_reject_bad_votes(votes: object, error: type) -> None:
    with pytest.raises(error):
        vote_counts(votes, n_classes=3)  # type: ignore[arg-type]
