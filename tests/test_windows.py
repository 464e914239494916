"""Cutting articles into model windows and framing them for the encoder."""

from __future__ import annotations

import numpy as np
from tokenizers import Tokenizer
from tokenizers.models import WordLevel
from tokenizers.processors import TemplateProcessing

from spinlens.techniques.model import load_model
from spinlens.techniques.windows import BERT, Specials, pack


def test_windows_are_framed_with_the_tokenizers_own_special_tokens():
    """MiniLM frames a window as [CLS] … [SEP] and pads with [PAD]; an MPNet teacher as <s> … </s>, <pad>."""
    assert Specials.of(load_model().tokenizer) == BERT
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "word": 3}
    roberta_like = Tokenizer(WordLevel(vocab, unk_token="word"))
    roberta_like.post_processor = TemplateProcessing(single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)])
    specials = Specials.of(roberta_like)
    assert specials == Specials(cls=0, sep=2, pad=1)
    ids, mask = pack([np.array([3, 3]), np.array([3])], specials)
    assert ids.tolist() == [[0, 3, 3, 2], [0, 3, 2, 1]]
    assert mask.tolist() == [[1, 1, 1, 1], [1, 1, 1, 0]]
