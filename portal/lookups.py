"""``field__any_of={...}``: a field equal to one of many values, sent as one parameter.

``__in`` with thousands of values costs more to build and send than to run (Django
prepares, and the driver splits, one placeholder per value). Here the values travel as
one array (PostgreSQL: ``= ANY(%s)``) or one JSON text (SQLite: ``json_each``).
Give the values as a set: Django resolves a list or tuple value one element at a time
while it builds the query, which for thousands of ids costs more than the search.
"""

import json

from django.db.models import CharField, IntegerField, Lookup


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*params, values]
        return f"{lhs} IN (SELECT value FROM json_each(%s))", [*params, json.dumps(values)]


def register():
    IntegerField.register_lookup(AnyOf)
    CharField.register_lookup(AnyOf)
