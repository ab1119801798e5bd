"""Tests for helpers.lifecycle: the loans pipeline, the model card and the course map."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.data import LOAN_COLUMNS, make_loans
from helpers.lifecycle import (
    CATEGORICAL_FEATURES,
    COURSE_WEEKS,
    EXCLUDED_COLUMNS,
    IMPUTER_STRATEGIES,
    LIFECYCLE_STAGES,
    NUMERIC_FEATURES,
    TARGET,
    loan_pipeline,
    plot_lifecycle,
    render_model_card,
)
from helpers.plotting import assert_labelled

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def loans() -> pd.DataFrame:
    return make_loans(2_000, seed=11)


# columns ---------------------------------------------------------------------------------------
def test_features_and_excluded_columns_partition_the_table() -> None:
    features = {*NUMERIC_FEATURES, *CATEGORICAL_FEATURES}
    assert features.isdisjoint(EXCLUDED_COLUMNS)
    assert features | set(EXCLUDED_COLUMNS) == set(LOAN_COLUMNS)
    assert TARGET in EXCLUDED_COLUMNS and "recovery_amount" in EXCLUDED_COLUMNS
    assert all(reason.strip() for reason in EXCLUDED_COLUMNS.values())


# loan_pipeline ---------------------------------------------------------------------------------
def test_pipeline_fits_on_the_table_and_ignores_other_columns(loans: pd.DataFrame) -> None:
    model = loan_pipeline(C=0.3, imputer_strategy="mean").fit(loans, loans[TARGET])
    only_features = loans[[*NUMERIC_FEATURES, *CATEGORICAL_FEATURES]]
    np.testing.assert_array_equal(model.predict_proba(loans), model.predict_proba(only_features))
    assert model.named_steps["model"].C == 0.3
    assert model.get_params()["prep__num__impute__strategy"] == "mean"


def test_pipeline_is_deterministic_and_handles_unseen_categories(loans: pd.DataFrame) -> None:
    first = loan_pipeline().fit(loans, loans[TARGET]).predict_proba(loans)
    second = loan_pipeline().fit(loans, loans[TARGET]).predict_proba(loans)
    np.testing.assert_array_equal(first, second)
    without_islands = loans[loans["region"] != "Islands"]
    model = loan_pipeline().fit(without_islands, without_islands[TARGET])
    assert np.isfinite(model.predict_proba(loans[loans["region"] == "Islands"])).all()


def test_pipeline_learns_preprocessing_from_training_rows_only(loans: pd.DataFrame) -> None:
    first_half = loans.iloc[:1_000]
    model = loan_pipeline(imputer_strategy="median").fit(first_half, first_half[TARGET])
    imputer = model.named_steps["prep"].named_transformers_["num"].named_steps["impute"]
    expected = first_half[list(NUMERIC_FEATURES)].median().to_numpy()
    np.testing.assert_allclose(imputer.statistics_, expected)


@pytest.mark.parametrize("strategy", IMPUTER_STRATEGIES)
def test_every_imputer_strategy_is_accepted(strategy: str) -> None:
    assert loan_pipeline(imputer_strategy=strategy).get_params()[
        "prep__num__impute__strategy"] == strategy


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"C": "0.1"}, TypeError, "string"),
    ({"C": True}, TypeError, "positive number"),
    ({"C": 0.0}, ValueError, "positive finite"),
    ({"C": float("inf")}, ValueError, "positive finite"),
    ({"imputer_strategy": "constant"}, ValueError, "imputer_strategy"),
    ({"class_weight": "auto"}, ValueError, "class_weight"),
    ({"max_iter": 0}, ValueError, "max_iter"),
    ({"max_iter": 10.0}, TypeError, "max_iter"),
])
def test_pipeline_rejects_bad_arguments(kwargs: dict, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        loan_pipeline(**kwargs)


# render_model_card -----------------------------------------------------------------------------
def test_model_card_renders_text_lists_and_tables() -> None:
    card = render_model_card("Model v1", {
        "Intended use": "  Review queue.  ",
        "Limits": ["few rows", "drift"],
        "Metrics": pd.Series({"AUC": 0.8}, name="test"),
        "By group": pd.DataFrame({"n": [3, 4]}, index=pd.Index(["a", "b"], name="group")),
    })
    lines = card.splitlines()
    assert lines[0] == "# Model v1"
    assert "## Intended use" in lines and "Review queue." in lines
    assert "- few rows" in lines and "- drift" in lines
    assert "| name | test |" in lines and "| group | n |" in lines


@pytest.mark.parametrize(("title", "sections", "error"), [
    (" ", {"a": "b"}, ValueError),
    ("t", {}, ValueError),
    ("t", [("a", "b")], TypeError),
    ("t", {"a": 3}, TypeError),
    ("t", {" ": "b"}, ValueError),
])
def test_model_card_rejects_bad_input(title: str, sections: object, error: type) -> None:
    with pytest.raises(error):
        render_model_card(title, sections)  # type: ignore[arg-type]


# course map ------------------------------------------------------------------------------------
def test_every_stage_names_known_weeks_and_every_week_has_a_stage() -> None:
    ids = [week.notebook_id for week in COURSE_WEEKS]
    assert len(ids) == len(set(ids))
    staged = {notebook for stage in LIFECYCLE_STAGES for notebook in stage.notebooks}
    assert staged <= set(ids)
    assert set(ids) <= staged
    assert all(week.link == f"../{week.notebook_id}/{week.notebook_id}.ipynb"
               for week in COURSE_WEEKS)


def test_lifecycle_notebook_exists_where_the_map_says() -> None:
    assert (ROOT / "solutions" / "01-lifecycle" / "01-lifecycle.ipynb").exists()


def test_plot_lifecycle_is_labelled_and_highlights() -> None:
    import matplotlib.pyplot as plt

    ax = plot_lifecycle(highlight="02-sampling")
    assert_labelled(ax)
    lit = [t for t in ax.texts if t.get_bbox_patch() is not None
           and t.get_bbox_patch().get_facecolor()[:3] != (1.0, 1.0, 1.0)
           and "Week" in t.get_text() and "every stage" not in t.get_text()]
    assert [t.get_text().split("\n")[0] for t in lit] == ["Collect and"]
    arrows = [t.arrow_patch for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    assert len(arrows) == len(LIFECYCLE_STAGES), "one arrow from each stage to the next"
    assert all(a.patchA is not None and a.patchB is not None for a in arrows), (
        "arrows are clipped at the boxes, so they never cross a box's text")
    plt.close(ax.figure)
    ax = plot_lifecycle(highlight=None)
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="highlight"):
        plot_lifecycle(highlight="99-nothing")
