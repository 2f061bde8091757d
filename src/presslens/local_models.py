"""Loading a user's own transformers token classifier from a local folder (optional backends).

Used by the persuasion and entities steps; needs the `transformers` extra. Nothing is ever
downloaded: every load uses `local_files_only=True`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from presslens.errors import PresslensError


def load_token_classifier(path: str | Path, owner: str) -> tuple[Any, Any, Any]:
    """(torch, fast tokenizer, model in eval mode) saved with `save_pretrained` in `path`;
    `owner` names the step in error messages."""
    folder = Path(path)
    if not folder.is_dir():
        raise PresslensError(f"{owner}: transformers model folder {folder} does not exist")
    try:
        import torch
        from transformers import AutoModelForTokenClassification, AutoTokenizer
    except ImportError as exc:
        raise PresslensError(f"{owner}: the transformers backend needs `transformers` and "
                             "`torch` installed") from exc
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    if not tokenizer.is_fast:
        raise PresslensError(f"{owner}: {folder} has no fast tokenizer (offsets are needed)")
    model = AutoModelForTokenClassification.from_pretrained(folder, local_files_only=True)
    model.eval()
    return torch, tokenizer, model
