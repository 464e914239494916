"""spinlens: shows how news articles try to persuade.

>>> import spinlens
>>> analysis = spinlens.analyze("They are nothing but reckless traitors.")
>>> [(s.text, s.technique) for s in analysis.techniques]
"""

from spinlens.pipeline import Analyzer, analyze
from spinlens.record import SCHEMA_VERSION, Analysis

__version__ = "0.1.0"

__all__ = ["SCHEMA_VERSION", "Analysis", "Analyzer", "__version__", "analyze"]
