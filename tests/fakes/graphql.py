"""The GraphQL the fake Shopify understands: a parser for the query subset the Admin API clients send
(one operation, fields with aliases and arguments, selection sets, inline fragments, variables), the
requested cost by Shopify's documented rules, and the projection of stored objects onto a selection
(a field that was not asked for is not in the answer, as in real GraphQL)."""
import re

TOKEN = re.compile(r'\s*(?:(\.\.\.)|([A-Za-z_][A-Za-z0-9_]*)|(\$[A-Za-z_][A-Za-z0-9_]*)|("(?:[^"\\]|\\.)*")|'
                   r'(-?\d+(?:\.\d+)?)|([{}()\[\]:,!=@]))')


class Field:
    def __init__(self, name, alias=None, args=None, selections=None, on=None):
        self.name, self.alias, self.args, self.selections, self.on = name, alias, args or {}, selections, on

    @property
    def key(self):
        return self.alias or self.name

    def child(self, name):
        for f in self.selections or []:
            if f.name == name:
                return f
        return None

    def __repr__(self):
        return f"Field({self.name}, {self.args}, {self.selections})"


class Parser:
    def __init__(self, text):
        self.tokens = []
        pos = 0
        text = text.strip()
        while pos < len(text):
            m = TOKEN.match(text, pos)
            if not m or m.end() == pos:
                raise ValueError(f"cannot read the query at offset {pos}: {text[pos:pos + 20]!r}")
            self.tokens.append(next(g for g in m.groups() if g is not None))
            pos = m.end()
            while pos < len(text) and text[pos].isspace():
                pos += 1
        self.i = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, expected=None):
        t = self.peek()
        if expected is not None and t != expected:
            raise ValueError(f"expected {expected!r}, got {t!r}")
        self.i += 1
        return t

    def document(self):
        kind = "query"
        if self.peek() in ("query", "mutation"):
            kind = self.take()
            if self.peek() not in ("{", "("):
                self.take()  # the operation's name
            if self.peek() == "(":
                depth = 0
                while True:
                    t = self.take()
                    depth += t == "("
                    depth -= t == ")"
                    if depth == 0:
                        break
        return kind, self.selection_set()

    def selection_set(self):
        self.take("{")
        fields = []
        while self.peek() != "}":
            if self.peek() == ",":
                self.take()
                continue
            if self.peek() == "...":
                self.take()
                on = None
                if self.peek() == "on":
                    self.take()
                    on = self.take()
                fields.append(Field("...", on=on, selections=self.selection_set()))
                continue
            name = self.take()
            alias = None
            if self.peek() == ":":
                self.take()
                alias, name = name, self.take()
            args = self.arguments() if self.peek() == "(" else {}
            selections = self.selection_set() if self.peek() == "{" else None
            fields.append(Field(name, alias, args, selections))
        self.take("}")
        return fields

    def arguments(self):
        self.take("(")
        args = {}
        while self.peek() != ")":
            if self.peek() == ",":
                self.take()
                continue
            name = self.take()
            self.take(":")
            args[name] = self.value()
        self.take(")")
        return args

    def value(self):
        t = self.take()
        if t == "[":
            items = []
            while self.peek() != "]":
                if self.peek() == ",":
                    self.take()
                    continue
                items.append(self.value())
            self.take("]")
            return items
        if t.startswith('"'):
            return bytes(t[1:-1], "utf-8").decode("unicode_escape")
        if t.startswith("$"):
            return ("var", t[1:])
        if re.match(r"-?\d", t):
            return float(t) if "." in t else int(t)
        return {"true": True, "false": False, "null": None}.get(t, t)  # enums stay names


def parse(text):
    return Parser(text).document()


def arg(field, name, variables, default=None):
    v = field.args.get(name, default)
    if isinstance(v, tuple) and v[0] == "var":
        return variables.get(v[1], default)
    return v


def flat(fields):
    """The fields of a selection with inline fragments merged in."""
    out = []
    for f in fields or []:
        if f.name == "...":
            out.extend(flat(f.selections))
        else:
            out.append(f)
    return out


def nodes_of(field):
    """The node selection of a connection field, or None when it is not a connection."""
    sel = flat(field.selections)
    for f in sel:
        if f.name == "nodes":
            return f
    for f in sel:
        if f.name == "edges":
            for g in flat(f.selections):
                if g.name == "node":
                    return g
    return None


def cost(field, variables):
    """Shopify's rules: scalars and enums 0, objects 1, connections 2 + first x node, lists of objects
    with first that many objects."""
    if field.selections is None:
        return 0
    first = arg(field, "first", variables) or arg(field, "last", variables)
    node = nodes_of(field)
    if node is not None:
        return 2 + (first or 1) * object_cost(node, variables)
    obj = object_cost(field, variables)
    return (first or 1) * obj


def object_cost(field, variables):
    return 1 + sum(cost(f, variables) for f in flat(field.selections))


def requested_cost(kind, fields, variables):
    if kind == "mutation":
        return 10
    return sum(cost(f, variables) for f in flat(fields))


def project(obj, fields, variables, hook=None):
    """`obj` as the selection `fields` sees it: asked-for fields only, missing ones null. `hook(obj,
    field)` may supply a field's value (return NotImplemented to leave it to the data)."""
    if obj is None:
        return None
    out = {}
    for f in flat(fields):
        if f.name == "__typename":
            out[f.key] = obj.get("__typename")
            continue
        value = hook(obj, f) if hook else NotImplemented
        if value is NotImplemented:
            value = obj.get(f.name)
        if f.selections is not None and value is not None:
            if isinstance(value, list):
                first = arg(f, "first", variables)
                items = value[:first] if first else value
                value = [project(v, f.selections, variables, hook) for v in items]
            elif isinstance(value, dict):
                value = project(value, f.selections, variables, hook)
        out[f.key] = value
    return out


def actual_cost(fields, data):
    """The cost of what was returned: connections and lists count the nodes they hold, not `first`."""
    total = 0
    for f in flat(fields):
        if f.selections is None:
            continue
        value = data.get(f.key) if isinstance(data, dict) else None
        if value is None:
            continue
        node = nodes_of(f)
        if node is not None and isinstance(value, dict):
            items = value.get("nodes")
            if items is None:
                items = [e.get("node") for e in value.get("edges") or []]
            total += 2 + sum(1 + actual_cost(node.selections, n) for n in items if n is not None)
        elif isinstance(value, list):
            total += sum(1 + actual_cost(f.selections, v) for v in value if v is not None)
        else:
            total += 1 + actual_cost(f.selections, value)
    return total
