"""The analysis record as Arrow: one row per article, the record's nested fields as structs and lists.

The schema is derived from the pydantic record itself, so a layer that adds a key to the record adds a
column here with no change to this module, and Parquet columns carry the record's public names.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from typing import Any

import pyarrow as pa
from pydantic import BaseModel

from spinlens.record import Analysis

_SCALARS: dict[type, pa.DataType] = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def _arrow_type(annotation: Any) -> tuple[pa.DataType, bool]:
    """(Arrow type, nullable) for a field annotation of the record."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"no Arrow type for the union {annotation}")
        return _arrow_type(args[0])[0], True
    if origin is list:
        (item,) = typing.get_args(annotation)
        item_type, _ = _arrow_type(item)
        return pa.list_(item_type), False
    if origin is typing.Literal:
        return pa.string(), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_fields(annotation)), False
    if annotation in _SCALARS:
        return _SCALARS[annotation], False
    raise TypeError(f"no Arrow type for {annotation}: teach spinlens.batch.arrow about it")


def _fields(model: type[BaseModel]) -> list[pa.Field]:
    fields = []
    for name, info in model.model_fields.items():
        arrow_type, nullable = _arrow_type(info.annotation)
        fields.append(pa.field(name, arrow_type, nullable=nullable))
    return fields


def analysis_schema() -> pa.Schema:
    """The Arrow schema of batch output rows (what `spinlens batch --format parquet` writes)."""
    return pa.schema(_fields(Analysis))


def to_table(records: Iterable[dict[str, Any]], schema: pa.Schema | None = None) -> pa.Table:
    """Rows of `Analysis.to_dict()` as an Arrow table in the record's schema."""
    return pa.Table.from_pylist(list(records), schema=schema or analysis_schema())


def describe(schema: pa.Schema | None = None) -> str:
    """The schema in Arrow's own notation, one top-level column a line."""
    schema = schema or analysis_schema()
    return "\n".join(f"{field.name}: {field.type}" + ("" if field.nullable else " not null") for field in schema)
