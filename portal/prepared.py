"""Queries whose SQL the ORM builds once per process and runs again with other values.

Building a query's SQL in Django's compiler can cost more than running it: reading a
page by its id spends over nine tenths of its time there (seventy columns and a
join), and so does a page's union of one select per taxonomy relation. A
``PreparedQuery`` builds its queryset once with stand-in values, finds the stand-ins
among the SQL's parameters, and from then on sends the same SQL with the real values.
``rows()`` gives the rows as the database driver returns them (for ``values_list``
querysets of text and integer columns); ``objects()`` gives model instances as the
queryset would (columns converted, ``select_related`` objects attached). When the
query refuses a stand-in or it is not among the parameters, the queryset is built
every time.

    page_by_id = PreparedQuery(lambda pk: Page.objects.select_related("locale").filter(pk=pk))
    page = next(iter(page_by_id.objects(42)), None)
"""

from dataclasses import dataclass
from functools import cache

from django.db import connections
from django.db.models.query import get_related_populators

# Integers no real argument takes (ids are positive), one per argument.
_STAND_INS = tuple(-7_300_001 - number for number in range(8))


@dataclass
class _Prepared:
    alias: str
    sql: str
    params: tuple
    slots: dict  # parameter position -> argument number
    compiler: object

    def execute(self, args):
        values = [args[self.slots[position]] if position in self.slots else value
                  for position, value in enumerate(self.params)]
        with connections[self.alias].cursor() as cursor:
            cursor.execute(self.sql, values)
            return cursor.fetchall()


class PreparedQuery:
    def __init__(self, build):
        self._build = build
        self._prepared = None  # a _Prepared, or False when the query cannot be prepared
        self._instances = None  # how rows become instances, worked out once

    def _prepare(self, count):
        if count > len(_STAND_INS):
            return False
        stand_ins = _STAND_INS[:count]
        try:
            queryset = self._build(*stand_ins)
            compiler = queryset.query.get_compiler(using=queryset.db)
            sql, params = compiler.as_sql()
        except (TypeError, ValueError):
            return False  # the query does not take the stand-ins (a slice, say)
        slots = {position: stand_ins.index(value) for position, value in enumerate(params)
                 if type(value) is int and value in stand_ins}
        if set(slots.values()) != set(range(count)):
            return False  # a stand-in was folded into the SQL text
        return _Prepared(queryset.db, sql, tuple(params), slots, compiler)

    def _ready(self, count):
        if self._prepared is None:
            self._prepared = self._prepare(count)
        return self._prepared

    def rows(self, *args):
        prepared = self._ready(len(args))
        if not prepared:
            return list(self._build(*args))
        return prepared.execute(args)

    def objects(self, *args):
        prepared = self._ready(len(args))
        if not prepared:
            return list(self._build(*args))
        rows = prepared.execute(args)
        if not rows:
            return []
        # As Django's ModelIterable does after running the compiled query.
        compiler = prepared.compiler
        if self._instances is None:
            select, klass_info = compiler.select, compiler.klass_info
            fields = klass_info["select_fields"]
            start, end = fields[0], fields[-1] + 1
            self._instances = (
                klass_info["model"], start, end,
                [column[0].target.attname for column in select[start:end]],
                get_related_populators(klass_info, select, prepared.alias),
                compiler.get_converters([column[0] for column in select[:compiler.col_count]]),
                compiler.annotation_col_map or {},
            )
        model, start, end, names, populators, converters, annotations = self._instances
        if converters:
            rows = compiler.apply_converters(rows, converters)
        found = []
        for row in rows:
            instance = model.from_db(prepared.alias, names, row[start:end])
            for populator in populators:
                populator.populate(row, instance)
            for name, position in annotations.items():
                setattr(instance, name, row[position])
            found.append(instance)
        return found


@cache
def _children_query(model, relation, related, order):
    key = getattr(model, relation).rel.field

    def build(pk):
        queryset = key.model.objects.filter(**{key.attname: pk})
        # Without names these would follow every foreign key and drop the model's order.
        queryset = queryset.select_related(*related) if related else queryset
        return queryset.order_by(*order) if order else queryset

    return key, PreparedQuery(build)


def children(page, relation, select_related=(), order_by=()):
    """``page.<relation>`` (an inline panel's child objects), with ``select_related`` and
    ``order_by`` (default: the child model's own order), read with SQL built once. Each
    child's parental key refers to ``page``, as with the related manager. A page rebuilt
    from a revision (a preview) keeps its children in memory: those are given."""
    if relation in getattr(page, "_cluster_related_objects", {}) or page.pk is None:
        current = getattr(page, relation).all()  # modelcluster's in-memory children
        return list(current.order_by(*order_by) if order_by else current)
    key, query = _children_query(type(page), relation, tuple(select_related), tuple(order_by))
    found = query.objects(page.pk)
    for child in found:
        key.set_cached_value(child, page)
    return found
