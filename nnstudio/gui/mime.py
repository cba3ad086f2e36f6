"""MIME types for drag and drop inside the app and between apps."""

#: a palette entry being dragged: the payload is the node type name, UTF-8
NODE_TYPE = "application/x-nnstudio-node-type"
#: a clipboard fragment of nodes and edges: the payload is JSON {"nodes": [...], "edges": [...]}
FRAGMENT = "application/x-nnstudio-fragment"
