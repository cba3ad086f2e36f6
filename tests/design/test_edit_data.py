"""Shapes follow the data: which Input, output and loss edits a new dataset needs."""

from nnstudio.design.edit import DataShape, fit_to_data, output_dense

SPIRAL = DataShape((2,), "classification", 2)
IRIS = DataShape((4,), "classification", 3)
SINE = DataShape((1,), "regression", 1)
DIGITS = DataShape((1, 8, 8), "classification", 10)


def mlp(*extra_after_out: str) -> dict:
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [2]}},
             {"id": "h1", "type": "Dense", "params": {"units": 8, "activation": "tanh"}},
             {"id": "out", "type": "Dense", "params": {"units": 2}}]
    edges = [["x", "h1"], ["h1", "out"]]
    last = "out"
    for i, type_name in enumerate(extra_after_out):
        node_id = f"e{i}"
        nodes.append({"id": node_id, "type": type_name, "params": {}})
        edges.append([last, node_id])
        last = node_id
    return {"nodes": nodes, "edges": edges}


def test_matching_data_needs_no_edit():
    fit = fit_to_data(mlp(), "cross_entropy", SPIRAL)
    assert fit.input_params is None and fit.output_params is None and fit.loss is None
    assert not fit.offers


def test_iris_sets_the_input_shape_and_offers_three_units():
    fit = fit_to_data(mlp(), "cross_entropy", IRIS)
    assert fit.input_params == ("x", {"shape": [4]})
    assert fit.output_params == ("out", {"units": 3})
    assert fit.loss is None and fit.offers


def test_the_other_params_are_kept():
    network = mlp()
    network["nodes"][2]["params"]["activation"] = "softmax"
    fit = fit_to_data(network, "cross_entropy", IRIS)
    assert fit.output_params == ("out", {"units": 3, "activation": "softmax"})
    assert network["nodes"][2]["params"] == {"units": 2, "activation": "softmax"}


def test_regression_offers_mse_and_one_unit():
    fit = fit_to_data(mlp(), "cross_entropy", SINE, previous_task="classification")
    assert fit.input_params == ("x", {"shape": [1]})
    assert fit.output_params == ("out", {"units": 1})
    assert fit.loss == "mse"


def test_classes_after_regression_offer_cross_entropy():
    fit = fit_to_data(mlp(), "mse", IRIS, previous_task="regression")
    assert fit.loss == "cross_entropy" and fit.output_params == ("out", {"units": 3})


def test_mse_on_classes_is_kept_when_the_data_had_classes_before():
    assert fit_to_data(mlp(), "mse", IRIS, previous_task="classification").loss is None


def test_auto_loss_is_never_changed():
    assert fit_to_data(mlp(), "auto", SINE, previous_task="classification").loss is None


def test_binary_cross_entropy_keeps_one_unit_for_two_classes():
    network = mlp()
    network["nodes"][2]["params"]["units"] = 1
    fit = fit_to_data(network, "binary_cross_entropy", SPIRAL)
    assert fit.output_params is None and fit.loss is None
    fit = fit_to_data(network, "binary_cross_entropy", IRIS)
    assert fit.loss == "cross_entropy" and fit.output_params == ("out", {"units": 3})


def test_images_give_the_input_their_channel_shape():
    fit = fit_to_data(mlp(), "cross_entropy", DIGITS)
    assert fit.input_params == ("x", {"shape": [1, 8, 8]})
    assert fit.output_params == ("out", {"units": 10})


def test_the_output_dense_is_found_behind_activations_and_dropout():
    assert output_dense(mlp("Softmax")) == "out"
    assert output_dense(mlp("Dropout", "Sigmoid")) == "out"
    assert fit_to_data(mlp("Softmax"), "cross_entropy", IRIS).output_params == (
        "out", {"units": 3})


def test_no_single_output_dense_leaves_the_output_alone():
    network = mlp("Flatten")
    assert output_dense(network) is None
    branched = mlp()
    branched["nodes"].append({"id": "h2", "type": "Dense", "params": {"units": 4}})
    branched["edges"].append(["x", "h2"])
    assert output_dense(branched) is None
    fit = fit_to_data(branched, "cross_entropy", IRIS)
    assert fit.output_params is None and fit.input_params == ("x", {"shape": [4]})


def test_several_inputs_are_left_alone():
    network = mlp()
    network["nodes"].append({"id": "x2", "type": "Input", "params": {"shape": [2]}})
    network["nodes"].append({"id": "cat", "type": "Concatenate", "params": {}})
    network["edges"] += [["h1", "cat"], ["x2", "cat"]]
    network["edges"] = [e for e in network["edges"] if e != ["h1", "out"]] + [["cat", "out"]]
    fit = fit_to_data(network, "cross_entropy", IRIS)
    assert fit.input_params is None and fit.output_params == ("out", {"units": 3})
