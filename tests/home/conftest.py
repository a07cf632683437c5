from django.db.models.sql.compiler import SQLCompiler

import pytest


@pytest.fixture
def compilations(monkeypatch):
    """How many times Django compiles a query to SQL."""
    count = [0]
    compile_sql = SQLCompiler.as_sql

    def counted(self, *args, **kwargs):
        count[0] += 1
        return compile_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counted)
    return count
