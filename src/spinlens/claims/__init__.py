"""The `claims` layer: check-worthy sentences, with their quantities and dates made explicit."""
