"""spinlens: shows how news articles try to persuade.

>>> import spinlens
>>> analysis = spinlens.analyze("They are nothing but reckless traitors.")
>>> [(s.text, s.technique) for s in analysis.techniques]
"""

import sys

from spinlens.pipeline import Analyzer, analyze
from spinlens.record import SCHEMA_VERSION, Analysis

__version__ = "0.1.0"

# The `spinlens` spaCy pipe is registered here when spaCy is already loaded, and otherwise through the
# `spacy_factories` entry point when spaCy first looks for it: importing spaCy costs seconds that the
# command line should not pay on `spinlens --help`.
if "spacy" in sys.modules:
    import spinlens.spacy_pipe  # noqa: F401

__all__ = ["SCHEMA_VERSION", "Analysis", "Analyzer", "__version__", "analyze"]
