"""The `quotes` layer: direct and reported speech, with speaker, cue and content spans."""
