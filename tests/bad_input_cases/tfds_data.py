"""Bad inputs for helpers.tfds_data.load_tfds (lesson 12)."""

from helpers.tfds_data import load_tfds
from tests.bad_input_cases import Bad

CASES = [
    Bad("tfds_data.load_tfds", "None name", lambda env: load_tfds(None), ("name", "cats_vs_dogs")),
    Bad("tfds_data.load_tfds", "empty name", lambda env: load_tfds("  "), ("name", "строкой")),
    Bad("tfds_data.load_tfds", "misspelt name", lambda env: load_tfds("cats_vs_dog"), ("cats_vs_dog", "нет", "cats_vs_dogs")),
    Bad("tfds_data.load_tfds", "unknown argument", lambda env: load_tfds("mnist", splits="train"), ("«splits»", "split")),
    Bad("tfds_data.load_tfds", "flag as a string", lambda env: load_tfds("mnist", as_supervised="True"), ("«as_supervised»", "без кавычек")),
    Bad("tfds_data.load_tfds", "split as a number", lambda env: load_tfds("mnist", split=80), ("«split»", "train[:80%]")),
]
