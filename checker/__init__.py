"""factcheck: find where news articles disagree on numbers."""

__version__ = "0.1.0"
