"""helpers.streaming: the simulated stream and train/serve parity of its features.

The parity test is the point of the module: the features a live service computes event by
event must equal, to the last bit, the features the training pipeline computes from the
stored events, and both must follow the stated window ``[t - w, t)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.streaming import (
    FEATURE_COLUMNS,
    HISTORY_FEATURES,
    STREAM_FEATURES,
    WINDOWS,
    StreamingFeatures,
    compute_features,
    make_stream,
    window_features_pandas,
)


@pytest.fixture(scope="module")
def stream():
    return make_stream(3_000, seed=4)


def _history(*customers: str) -> pd.DataFrame:
    return pd.DataFrame({"past_loans": [1] * len(customers), "past_defaults": [0] * len(customers),
                         "months_as_customer": [12.0] * len(customers)},
                        index=pd.Index(list(customers), name="customer_id"))


def _brute_force(events: pd.DataFrame, width: pd.Timedelta) -> pd.DataFrame:
    counts, totals = [], []
    times, customers = events["timestamp"].to_numpy(), events["customer_id"].to_numpy()
    amounts = events["amount"].to_numpy()
    for i in range(len(events)):
        inside = ((customers == customers[i]) & (times >= times[i] - width.to_timedelta64())
                  & (times < times[i]))
        counts.append(int(inside.sum()))
        totals.append(float(amounts[inside].sum()))
    return pd.DataFrame({"applications": counts, "amount": totals}, index=events.index)


def test_make_stream_is_deterministic_and_well_formed(stream):
    events, history = stream
    again_events, again_history = make_stream(3_000, seed=4)
    pd.testing.assert_frame_equal(events, again_events)
    pd.testing.assert_frame_equal(history, again_history)
    assert not events.equals(make_stream(3_000, seed=5)[0])
    assert list(events.columns) == ["event_id", "customer_id", "timestamp", "amount", "defaulted"]
    assert events["timestamp"].is_monotonic_increasing
    assert events["event_id"].tolist() == list(range(1, 3_001))
    assert set(events["customer_id"]) == set(history.index)
    assert list(history.columns) == list(HISTORY_FEATURES)
    assert 0.01 < events["defaulted"].mean() < 0.08
    assert events["amount"].between(1_000, 40_000).all()


def test_train_serve_parity_on_the_same_events(stream):
    """Training replays the stored events; serving sees them one at a time: same features."""
    events, history = stream
    training = compute_features(events, history)

    live = StreamingFeatures(history)
    served = []
    for event in events.to_dict("records"):  # as the events arrive, one by one
        served.append(live.update(event))
    served = pd.DataFrame(served, index=events.index)
    pd.testing.assert_frame_equal(served, training)

    for name, width in WINDOWS.items():
        reference = _brute_force(events, width)
        batch = window_features_pandas(events, width)
        assert (training[f"applications_{name}"] == reference["applications"]).all()
        assert np.allclose(training[f"amount_{name}"], reference["amount"], rtol=0, atol=1e-6)
        assert (batch["applications"] == reference["applications"]).all()
        assert np.allclose(batch["amount"], reference["amount"], rtol=0, atol=1e-6)


def test_features_have_no_look_ahead(stream):
    events, history = stream
    full = compute_features(events, history)
    cut = len(events) // 3
    prefix = compute_features(events.iloc[:cut], history)
    pd.testing.assert_frame_equal(prefix, full.iloc[:cut])


def test_window_excludes_the_event_and_same_time_events_but_keeps_the_edge():
    start = pd.Timestamp("2024-03-01 10:00")
    events = pd.DataFrame({
        "customer_id": ["A", "A", "A", "B", "A", "A"],
        "timestamp": [start, start, start, start, start + pd.Timedelta(hours=1),
                      start + pd.Timedelta(hours=1, seconds=1)],
        "amount": [100.0, 200.0, 400.0, 800.0, 1_000.0, 50.0],
    })
    features = compute_features(events, _history("A", "B"))
    assert features["applications_1h"].tolist() == [0, 0, 0, 0, 3, 1]
    assert features["amount_1h"].tolist() == [0.0, 0.0, 0.0, 0.0, 700.0, 1_000.0]
    assert features["applications_24h"].tolist() == [0, 0, 0, 0, 3, 4]
    batch = window_features_pandas(events, "1h")
    assert batch["applications"].tolist() == [0, 0, 0, 0, 3, 1]
    naive = window_features_pandas(events, "1h", closed="right")
    assert naive["applications"].tolist() == [1, 2, 3, 1, 1, 2]


def test_unknown_customer_gets_zero_history():
    features = StreamingFeatures(_history("A")).update(
        {"customer_id": "new", "timestamp": "2024-03-01", "amount": 5_000})
    assert [features[name] for name in HISTORY_FEATURES] == [0, 0, 0]
    assert list(features) == list(FEATURE_COLUMNS)
    assert all(features[name] == 0 for name in STREAM_FEATURES)


def test_bad_events_and_arguments_are_refused():
    features = StreamingFeatures(_history("A"))
    features.update({"customer_id": "A", "timestamp": "2024-03-01 10:00", "amount": 1.0})
    with pytest.raises(ValueError, match="time order"):
        features.update({"customer_id": "A", "timestamp": "2024-03-01 09:00", "amount": 1.0})
    with pytest.raises(ValueError, match="missing"):
        features.update({"customer_id": "A", "amount": 1.0})
    with pytest.raises(ValueError, match="timestamp"):
        features.update({"customer_id": "A", "timestamp": "not a date", "amount": 1.0})
    with pytest.raises(TypeError):
        StreamingFeatures([1, 2])
    with pytest.raises(ValueError, match="lacks"):
        StreamingFeatures(pd.DataFrame({"past_loans": [1]}))
    with pytest.raises(ValueError, match="positive"):
        StreamingFeatures(_history("A"), windows={"bad": pd.Timedelta(0)})
    with pytest.raises(ValueError, match="closed"):
        window_features_pandas(make_stream(10)[0], "1h", closed="middle")
    unsorted = make_stream(50, seed=1)[0].iloc[::-1]
    with pytest.raises(ValueError, match="sorted"):
        window_features_pandas(unsorted, "1h")
    with pytest.raises(ValueError):
        make_stream(0)
