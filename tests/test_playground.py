"""The playground: its core (reset, step, draw, tick), the live loop and the views."""

import asyncio
import logging
import time

import numpy as np
import pytest

import mlp
from mlp import datasets
from mlp.widgets.playground import Playground, region_colors

pytest.importorskip("ipywidgets")


def small(**settings):
    """A cheap playground: one hidden layer, no diagram unless asked."""
    diagram = settings.pop("diagram", False)
    kw = {"dataset": "xor", "layers": 1, "units": 4, "activation": "tanh", "alpha": 1.0}
    kw.update(settings)
    return Playground(diagram=diagram, **kw)


def same(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a, b)) and len(a) == len(b)


# -- the core ---------------------------------------------------------------------


def test_defaults_build_the_untrained_network():
    pg = Playground()
    assert pg.sizes == [2, 8, 8, 8, 1]
    assert [W.shape for W in pg.weights] == [(3, 8), (9, 8), (9, 8), (9, 1)]
    assert pg.epoch == 0 and len(pg.history["loss"]) == 1
    assert pg.status.startswith("epoch 0 of 2000")


def test_step_is_mlp_train_on_the_current_weights():
    pg = small(batch_size=10, seed=3)
    assert pg.step(30) == 30
    rng = np.random.default_rng(3)  # the playground's generator: weights, then shuffles
    W = mlp.init_weights([2, 4, 1], rng=rng)
    W, hist = mlp.train(W, pg.inputs_train, pg.y_train, alpha=1.0, epochs=30,
                        batch_size=10, activation="tanh", rng=rng)
    assert same(pg.weights, W)
    assert pg.history["loss"][1:] == hist["loss"]
    assert pg.epoch == 30 and len(pg.history["loss"]) == 31


def test_history_starts_with_the_untrained_error():
    pg = small()
    for part in ("train", "test"):
        X, y = getattr(pg, f"inputs_{part}"), getattr(pg, f"y_{part}")
        key = "" if part == "train" else "test_"
        y_hat = mlp.feedforward(pg.weights, X, "tanh")
        assert np.isclose(pg.history[key + "loss"][0], mlp.cross_entropy(y, y_hat))
        assert np.isclose(pg.history[key + "accuracy"][0],
                          mlp.accuracy(pg.weights, X, y, "tanh"))


def test_step_is_deterministic_for_a_seed_and_independent_of_the_frames():
    a, b, c = (small(batch_size=10, seed=1) for _ in range(3))
    a.step(40)
    b.step(40)
    for _ in range(4):
        c.step(10)  # ten frames of ten epochs give the same run as one of forty
    assert same(a.weights, b.weights) and a.history == b.history
    assert same(a.weights, c.weights) and a.history == c.history
    d = small(batch_size=10, seed=2)
    d.step(40)
    assert not same(a.weights, d.weights)


def test_reset_restores_the_start():
    pg = small(seed=5)
    start = [W.copy() for W in pg.weights]
    first = list(pg.history["loss"])
    pg.step(25)
    assert not same(pg.weights, start)
    pg.reset()
    assert same(pg.weights, start)
    assert pg.history["loss"] == first and pg.epoch == 0 and pg.message == ""
    pg.reset(activation="relu")  # a reset can change settings on the way
    assert pg.values["activation"] == "relu"


def test_epochs_are_capped():
    pg = small(max_epochs=50)
    assert pg.step(30) == 30
    assert pg.step(30) == 20
    assert pg.epoch == 50 and pg.finished and "cap of 50" in pg.message
    assert pg.step(5) == 0 and pg.epoch == 50
    assert pg.tick() is False
    assert len(pg.history["loss"]) == 51


def test_divergence_is_a_message_not_nan():
    # three classes, ReLU and a learning rate of 30: overflow after about 140 epochs
    pg = Playground(dataset="three_class", layers=1, units=4, activation="relu",
                    alpha=30.0, diagram=True)
    trained = pg.step(300)
    assert pg.diverged and pg.finished
    assert trained < 300 and pg.epoch == trained
    assert pg.message.startswith(f"Diverged in epoch {trained + 1}")
    assert "learning rate" in pg.message
    assert all(np.all(np.isfinite(W)) for W in pg.weights)
    assert np.all(np.isfinite(pg.history["loss"]))
    pg.draw()
    assert "Diverged" in pg.status
    assert pg.note.get_visible() and "Diverged" in pg.note.get_text()
    assert np.all(np.isfinite(pg.image.get_array()))
    pg.render()
    assert pg.step(10) == 0  # stays stopped ...
    pg.update(alpha=0.03)  # ... until a smaller learning rate lets it go on
    assert not pg.diverged and pg.step(10) == 10
    pg.update(alpha=30.0)
    pg.reset()
    assert not pg.diverged and pg.epoch == 0


def test_settings_that_keep_training_and_settings_that_reset():
    pg = small()
    pg.step(10)
    pg.update(alpha=0.3, batch_size=30)  # applies from the next epoch on
    assert pg.epoch == 10
    pg.update(units=3)  # a new network
    assert pg.epoch == 0 and pg.sizes == [2, 3, 1]
    pg.update(dataset="three_class")
    assert pg.sizes == [2, 3, 3] and pg.X.shape == (300, 2)


@pytest.mark.parametrize("name", sorted(datasets.DATASETS))
def test_every_data_set_trains_and_draws(name):
    pg = small(dataset=name, diagram=True)
    pg.step(3)
    pg.draw()
    assert "epoch 3" in pg.status
    assert pg.image.get_array().shape == (pg.resolution, pg.resolution, 4)


@pytest.mark.parametrize("layers", [0, 1, 4])
def test_any_depth_draws(layers, caplog):
    pg = small(layers=layers, units=8, activation="relu", alpha=0.1, diagram=True)
    with caplog.at_level(logging.WARNING, logger="matplotlib"):
        pg.tick()
        pg.render()
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert len(pg.weights) == layers + 1


@pytest.mark.parametrize(
    "settings, error, words",
    [
        ({"dataset": "mnist"}, ValueError, "dataset must be one of"),
        ({"layers": -1}, ValueError, "layers"),
        ({"layers": 1.5}, TypeError, "layers"),
        ({"units": 0}, ValueError, "units"),
        ({"units": 99}, ValueError, "between 1 and 16"),
        ({"activation": "softplus"}, ValueError, "activation"),
        ({"alpha": 0.0}, ValueError, "alpha"),
        ({"alpha": "big"}, TypeError, "alpha"),
        ({"batch_size": 0}, ValueError, "batch_size"),
        ({"seed": None}, TypeError, "seed"),
        ({"momentum": 0.9}, ValueError, "no setting"),
        ({"max_epochs": 0}, ValueError, "max_epochs"),
        ({"train_percent": 5}, ValueError, "between 10 and 90"),
        ({"train_percent": 0.5}, TypeError, "train_percent"),
        ({"noise": -0.1}, ValueError, "noise"),
        ({"noise": 0.5}, ValueError, "noise"),
        ({"noise": "high"}, TypeError, "noise"),
        ({"features": ["x3"]}, ValueError, "unknown feature"),
    ],
)
def test_bad_settings_are_refused(settings, error, words):
    with pytest.raises(error, match=words):
        Playground(**settings)


def test_step_refuses_a_bad_number_of_epochs():
    pg = small()
    with pytest.raises(ValueError, match="epochs"):
        pg.step(0)
    with pytest.raises(TypeError, match="epochs"):
        pg.step(2.5)


# -- the live loop ------------------------------------------------------------------


def test_run_trains_frame_by_frame_until_the_cap():
    pg = small(max_epochs=40, epochs_per_tick=10)
    calls = []
    pg._listeners.append(lambda picture: calls.append((pg.epoch, pg.running, picture)))
    asyncio.run(pg.run(delay=0))
    assert pg.epoch == 40 and not pg.running
    assert [e for e, running, picture in calls if picture] == [10, 20, 30, 40]
    assert calls[0] == (0, True, False) and calls[-1] == (40, False, False)


def test_start_is_a_task_that_pause_stops():
    pg = small(epochs_per_tick=5)

    async def session():  # the kernel's event loop, with clicks in between
        pg.start()
        assert pg.running and pg._task is not None
        while pg.epoch < 15:
            await asyncio.sleep(0)
        pg.pause()
        await pg._task

    asyncio.run(session())
    assert not pg.running and pg.epoch == 15


def test_start_without_an_event_loop_trains_to_the_end():
    pg = small(max_epochs=30, epochs_per_tick=10)
    pg.start()
    assert pg.epoch == 30 and not pg.running
    pg.start()  # finished: nothing more
    assert pg.epoch == 30


def test_a_frame_is_quick():
    pg = Playground()  # the default: three hidden layers of 8, with the diagram
    pg.tick()
    pg.render()
    times = []
    for _ in range(3):
        t = time.process_time()  # CPU time: other processes do not count
        pg.tick()
        pg.render()
        times.append(time.process_time() - t)
    assert min(times) < 1.5, times


# -- the views ---------------------------------------------------------------------


def test_widget_buttons_and_controls():
    pg = small(max_epochs=60, epochs_per_tick=30)
    ui = pg.widget()
    row, buttons, image, status, code = ui.children
    start, step, reset, show_code = buttons.children
    assert bytes(image.value).startswith(b"\x89PNG") and "epoch 0" in status.value
    step.click()
    assert pg.epoch == 1 and "epoch 1 " in status.value
    step.click()
    reset.click()
    assert pg.epoch == 0
    pg.step(5)
    pg.draw()  # a notebook cell driving the playground updates the widget too
    assert "epoch 5 " in status.value
    controls = {c.description: c for c in row.children}
    controls["activation"].value = "relu"
    assert pg.values["activation"] == "relu" and pg.epoch == 0
    controls["learning rate"].value = 0.1
    assert pg.values["alpha"] == 0.1
    controls["hidden layers"].value = 2
    assert pg.sizes == [2, 4, 4, 1]
    start.click()  # no event loop here: trains to the cap at once
    assert pg.epoch == pg.max_epochs and start.description == "Start"
    show_code.click()
    assert "mlp.train(" in code.value and "epochs=60" in code.value
    # the new controls
    controls["training data (%)"].value = 30
    assert pg.values["train_percent"] == 30 and len(pg.y_train) == 60
    assert pg.epoch == 0
    controls["noise"].value = 0.3
    assert pg.values["noise"] == 0.3 and "noise 0.3" in pg.data_text.get_text()
    pg.step(5)
    controls["show test data"].value = False  # only the picture changes
    assert pg.epoch == 5 and not pg._scatter_test[0].get_visible()
    toggles = controls["features"]
    toggles._buttons["x1^2"].value = True
    toggles._buttons["x1*x2"].value = True
    assert pg.values["features"] == ("x1^2", "x1*x2") and pg.sizes[0] == 4
    assert pg.epoch == 0


def test_record_is_an_animation_that_leaves_the_playground_alone():
    pg = small()
    anim = pg.record(n_frames=4, epochs_per_frame=5)
    assert anim.epochs == [0, 5, 10, 15]
    page = anim.to_jshtml()
    assert page.count("data:image/png;base64") == 4
    assert pg.epoch == 0  # the run was recorded on a copy


def test_record_stops_at_a_divergence():
    pg = Playground(dataset="three_class", layers=1, units=4, activation="relu",
                    alpha=30.0)
    anim = pg.record(n_frames=20, epochs_per_frame=50)
    last = pg.step(1000)  # the same run, to its last finite epoch
    assert pg.diverged and 100 < last < 150
    assert anim.epochs == [0, 50, 100, last]
    assert anim.to_jshtml().count("data:image/png;base64") == 4


def test_record_shows_both_errors():
    pg = small(dataset="moons", train_percent=20)
    anim = pg.record(n_frames=3, epochs_per_frame=10)
    assert anim.to_jshtml().count("data:image/png;base64") == 3
    rec = anim._fig  # the recording's own playground drew both curves
    (ax_loss,) = [ax for ax in rec.axes if ax.get_xlabel() == "epoch"]
    lines = ax_loss.get_lines()
    assert [line.get_label() for line in lines] == ["training", "test"]
    assert all(len(line.get_xdata()) == 21 for line in lines)


def test_region_colors():
    rgba = region_colors(np.array([[0.0], [0.5], [1.0]]))
    assert rgba.shape == (3, 4) and np.allclose(rgba[:, 3], 0.55)
    assert rgba[0, 2] > rgba[0, 0]  # blue for class 0
    assert rgba[2, 0] > rgba[2, 2]  # red for class 1
    assert np.all(rgba[1, :3] > 0.9)  # white on the boundary
    three = region_colors(np.eye(3), alpha=1.0)
    from matplotlib.colors import to_rgb

    for c in range(3):
        assert np.allclose(three[c, :3], to_rgb(mlp.plotting.CLASS_COLORS[c]))
    with pytest.raises(ValueError, match="shape"):
        region_colors(np.ones(3))


# -- training and test error, input features, unit maps, code ---------------------


@pytest.mark.parametrize("percent", [10, 50, 90])
def test_the_split_is_seeded_sized_and_disjoint(percent):
    pg = small(dataset="moons", train_percent=percent)
    m = len(pg.y)
    assert len(pg.y_train) == round(percent / 100 * m)
    assert len(pg.y_train) + len(pg.y_test) == m
    rows = {tuple(x) for x in pg.X_train}
    assert not rows & {tuple(x) for x in pg.X_test}  # no example in both
    assert rows | {tuple(x) for x in pg.X_test} == {tuple(x) for x in pg.X}
    (X_train, y_train), (X_test, y_test) = datasets.split(
        pg.X, pg.y, (percent / 100, 1 - percent / 100), rng=0)
    assert np.array_equal(pg.X_train, X_train) and np.array_equal(pg.y_test, y_test)
    again = small(dataset="moons", train_percent=percent, seed=7)  # other weights
    assert np.array_equal(again.X_train, pg.X_train)  # the same split


def test_noise_and_split_make_new_data_and_reset():
    pg = small(dataset="moons")
    pg.step(5)
    before = pg.X.copy()
    pg.update(noise=0.3)
    assert pg.epoch == 0 and not np.array_equal(pg.X, before)
    assert np.array_equal(pg.X, datasets.moons(rng=0, noise=0.3)[0])
    pg.update(dataset="admissions", noise=0.2)  # admissions flips labels instead
    X, y = datasets.admissions(rng=0, flip=0.2)
    assert np.array_equal(pg.y, y)
    pg.update(noise=None)
    assert np.array_equal(pg.y, datasets.admissions(rng=0)[1])


def test_the_history_has_the_test_error_of_each_epoch():
    pg = small(dataset="moons", train_percent=30, batch_size=10)
    pg.step(15)
    assert all(len(values) == 16 for values in pg.history.values())
    y_hat = mlp.feedforward(pg.weights, pg.inputs_test, "tanh")
    assert np.isclose(pg.history["test_loss"][-1], mlp.cross_entropy(pg.y_test, y_hat))
    pg.draw()
    assert "test" in pg.status
    assert pg.test_line.get_ydata()[-1] == pg.history["test_loss"][-1]
    title = pg.ax_regions.get_title()
    assert "training" in title and "test" in title


def test_features_are_extra_inputs():
    pg = small(dataset="circles", features=["x2^2", "x1^2"])
    assert pg.values["features"] == ("x1^2", "x2^2")  # in the order of FEATURES
    assert pg.sizes == [4, 4, 1] and pg.inputs_train.shape == (100, 4)
    assert np.allclose(pg.inputs_train[:, 2], pg.X_train[:, 0] ** 2)
    pg.update(features="sin(x1)")  # one name: one feature
    assert pg.values["features"] == ("sin(x1)",) and pg.sizes[0] == 3


def test_squared_features_separate_the_circles_without_hidden_layers():
    plain = small(dataset="circles", layers=0)
    squares = small(dataset="circles", layers=0, features=("x1^2", "x2^2"))
    plain.step(300)
    squares.step(300)
    assert squares.history["accuracy"][-1] == 1.0
    assert squares.history["test_accuracy"][-1] > 0.97
    assert plain.history["accuracy"][-1] < 0.65


def test_unit_maps_show_each_units_output_over_the_plane():
    pg = small(layers=2, units=3, diagram=True)
    pg.step(10)
    pg.draw()
    outputs = pg.unit_outputs()
    s = pg.map_side
    assert [a.shape for a in outputs] == [(s * s, 2), (s * s, 3), (s * s, 3)]
    assert np.allclose(outputs[0], pg.map_grid)  # the inputs: x1 and x2
    hs, activations = mlp.forward(pg.weights, pg.map_grid, "tanh")
    assert np.allclose(outputs[2], activations[2])
    picture = pg.maps.get_array()
    # 2 + 3 + 3 maps of s x s pixels in a frame of one pixel each, opaque
    assert (picture[..., 3] == 255).sum() == 8 * (s + 2) ** 2
    pg.update(features=("x1*x2",), layers=1)  # a new diagram: new maps at once
    assert (pg.maps.get_array()[..., 3] == 255).sum() == 6 * (s + 2) ** 2
    pg.render()


@pytest.mark.parametrize("settings", [
    {},
    {"dataset": "three_class", "features": ("x1^2", "sin(x2)"), "noise": 0.4,
     "train_percent": 30, "activation": "relu", "alpha": 0.3, "seed": 4},
])
def test_the_printed_code_reproduces_the_run(settings, capsys):
    pg = small(**settings)
    pg.step(20)
    pg.update(alpha=0.3, batch_size=10)  # a second call of mlp.train
    pg.step(15)
    code = pg.code()
    assert code.count("mlp.train(") == 2
    namespace = {}
    exec(compile(code, "<playground code>", "exec"), namespace)
    assert same(namespace["W"], pg.weights)
    h = pg.history
    assert np.isclose(namespace["E_train"], h["loss"][-1])
    assert np.isclose(namespace["E_test"], h["test_loss"][-1])
    assert namespace["acc_train"] == h["accuracy"][-1]
    assert namespace["acc_test"] == h["test_accuracy"][-1]
    printed = capsys.readouterr().out
    assert f"test error E = {h['test_loss'][-1]:.3f}" in printed


def test_the_code_of_a_diverged_run_reproduces_its_last_finite_weights():
    pg = Playground(dataset="three_class", layers=1, units=4, activation="relu",
                    alpha=100.0, diagram=False, batch_size=30)
    pg.step(400)  # minibatches: the replay of the finite epochs shuffles as the run
    assert pg.diverged and 1 < pg.epoch < 400
    namespace = {}
    exec(pg.code(), namespace)
    assert same(namespace["W"], pg.weights)


def test_the_code_of_an_untrained_network():
    pg = small()
    namespace = {}
    exec(pg.code(), namespace)
    assert same(namespace["W"], pg.weights) and "mlp.train" not in pg.code()
