"""The layer types, one module per family; `nnstudio.core.catalog.layer_class` finds them."""
