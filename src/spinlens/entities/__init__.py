"""The `entities` layer: named people, organisations, places and groups, and the labels the text pins on them."""
