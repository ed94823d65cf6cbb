"""Queries whose SQL the ORM builds once per process and runs again with other values.

Building a query's SQL in Django's compiler can cost more than running it: a page's
fixed-shape lookups (its taxonomy terms, a union of one select per relation) spend
most of their time there. A ``PreparedQuery`` builds its queryset once with stand-in
values, finds the stand-ins among the SQL's parameters, and from then on sends the
same SQL with the real values. It is for ``values_list`` querysets of text and
integer columns (rows come back as the database driver returns them, without the
ORM's conversions); when the query refuses a stand-in or it is not among the
parameters, the queryset is built every time.

    terms = PreparedQuery(lambda pk: Region.objects.filter(pages=pk).values_list("code"))
    rows = terms.rows(page.pk)
"""

from django.db import connections

# Integers no real argument takes (ids are positive), one per argument.
_STAND_INS = tuple(-7_300_001 - number for number in range(8))


class PreparedQuery:
    def __init__(self, build):
        self._build = build
        self._prepared = None  # (database alias, sql, parameters, {position: argument})

    def _prepare(self, count):
        stand_ins = _STAND_INS[:count]
        try:
            queryset = self._build(*stand_ins)
            sql, params = queryset.query.sql_with_params()
        except (TypeError, ValueError):
            return False  # the query does not take the stand-ins (a slice, say)
        slots = {position: stand_ins.index(value) for position, value in enumerate(params)
                 if type(value) is int and value in stand_ins}
        if set(slots.values()) != set(range(count)):
            return False  # a stand-in was folded into the SQL or dropped
        return queryset.db, sql, tuple(params), slots

    def rows(self, *args):
        if self._prepared is None and len(args) <= len(_STAND_INS):
            self._prepared = self._prepare(len(args))
        if not self._prepared:
            return list(self._build(*args))
        alias, sql, params, slots = self._prepared
        values = [args[slots[position]] if position in slots else value
                  for position, value in enumerate(params)]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, values)
            return cursor.fetchall()
