"""The JSON format: the report dict as it is."""

from __future__ import annotations

import json

from .base import Formatter


class JsonFormatter(Formatter):
    name = "json"

    def render(self, report: dict) -> str:
        return json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
