"""Check the AWS CLI commands and API documents of a page against the AWS API models.

Two kinds of example are checked:

- every `aws ...` command in a `bash`, `console`, `shell`, `sh` or `zsh` code block: the
  service, the command, each `--option`, enum values given literally, JSON and shorthand
  values;
- every code block marked as an API document with `data-aws-api="SERVICE Operation [member]"`
  in its fence, e.g. ```` ```json { title="task-definition.json" data-aws-api="ecs RegisterTaskDefinition" } ````:
  the document is validated against that operation's input (or one member of it). Documents
  the API takes as a string (an ECR lifecycle policy, an IAM policy) are validated against a
  schema written from the AWS documentation (`STRING_DOCUMENTS`).

A deprecated operation or field is a warning that names its replacement.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sitekit import markdown_scan
from sitekit.api_examples import fargate
from sitekit.api_examples.models import GLOBAL_OPTIONS, OPERATION_OPTIONS, PAGINATION_OPTIONS, Models, Service, cli_name

SHELLS = {"bash", "console", "shell", "sh", "zsh", "shell-session"}
SEPARATORS = {"|", "||", "&&", "&", ";", "(", ")", ";;"}
RE_API_MARK = re.compile(r'data-aws-api="([^"]*)"')
RE_ANGLE_PLACEHOLDER = re.compile(r"<([A-Za-z][\w-]*)>")
RE_UPPER_PLACEHOLDER = re.compile(r"^[A-Z][A-Z0-9_]*$")
RE_SHORTHAND_KEY = re.compile(r"^[A-Za-z]\w*=")

# Commands that the AWS CLI adds to a service, which are not API operations, with their own
# options (AWS CLI Command Reference: ecr/get-login-password, ecr-public/get-login-password,
# eks/update-kubeconfig, eks/get-token, ecs/deploy).
CLI_COMMANDS: dict[tuple[str, str], set[str]] = {
    ("ecr", "get-login-password"): set(),
    ("ecr-public", "get-login-password"): set(),
    ("eks", "update-kubeconfig"): {
        "--name",
        "--kubeconfig",
        "--role-arn",
        "--proxy-url",
        "--dry-run",
        "--verbose",
        "--alias",
        "--user-alias",
        "--assume-role-arn",
    },
    ("eks", "get-token"): {"--cluster-name", "--role-arn", "--cluster-id"},
    ("ecs", "deploy"): {
        "--service",
        "--task-definition",
        "--codedeploy-appspec",
        "--cluster",
        "--codedeploy-application",
        "--codedeploy-deployment-group",
    },
}
# Options the AWS CLI gives another name than the API's (the CLI's argrename customization),
# for the services the pages use: `aws eks update-cluster-version --kubernetes-version 1.33`.
RENAMED_OPTIONS: dict[tuple[str, str, str], str] = {
    ("ec2", "*", "--no-egress"): "--ingress",
    ("ec2", "*", "--no-disable-api-termination"): "--enable-api-termination",
    ("ec2", "create-image", "--no-no-reboot"): "--reboot",
    ("eks", "create-cluster", "--version"): "--kubernetes-version",
    ("eks", "update-cluster-version", "--version"): "--kubernetes-version",
    ("eks", "create-nodegroup", "--version"): "--kubernetes-version",
    ("eks", "update-nodegroup-version", "--version"): "--kubernetes-version",
    ("ecs", "*", "--no-enable-execute-command"): "--disable-execute-command",
    ("ecs", "execute-command", "--no-interactive"): "--non-interactive",
}


def renamed(service: str, command: str, option: str) -> str:
    """The name the AWS CLI gives an option of an API operation."""
    return RENAMED_OPTIONS.get((service, command, option)) or RENAMED_OPTIONS.get((service, "*", option)) or option


REMOVED_COMMANDS = {("ecr", "get-login"): "use 'aws ecr get-login-password | docker login ...' instead"}
# Deprecations that AWS documents but the API model does not mark (Amazon ECR User Guide,
# "Scan images for software vulnerabilities": scanning is configured per registry now).
DEPRECATED = {
    (
        "ecr",
        "CreateRepository",
        "imageScanningConfiguration",
    ): "configure scanning for the registry with 'aws ecr put-registry-scanning-configuration'",
    (
        "ecr",
        "PutImageScanningConfiguration",
        None,
    ): "configure scanning for the registry with 'aws ecr put-registry-scanning-configuration'",
}

# Documents that the API takes as a JSON string, as schemas in the API models' own shape
# format. The lifecycle policy follows the Amazon ECR User Guide ("Lifecycle policy
# properties"); the IAM policy follows the IAM User Guide ("IAM JSON policy elements").
STRING_SHAPES: dict[str, dict[str, Any]] = {
    "LifecyclePolicy": {"type": "structure", "required": ["rules"], "members": {"rules": {"shape": "Rules"}}},
    "Rules": {"type": "list", "member": {"shape": "Rule"}, "min": 1},
    "Rule": {
        "type": "structure",
        "required": ["rulePriority", "selection", "action"],
        "members": {
            "rulePriority": {"shape": "Priority"},
            "description": {"shape": "Text"},
            "selection": {"shape": "Selection"},
            "action": {"shape": "Action"},
        },
    },
    "Priority": {"type": "integer", "min": 1},
    "Text": {"type": "string"},
    "Texts": {"type": "list", "member": {"shape": "Text"}},
    "Selection": {
        "type": "structure",
        "required": ["tagStatus", "countType", "countNumber"],
        "members": {
            "tagStatus": {"shape": "TagStatus"},
            "tagPrefixList": {"shape": "Texts"},
            "tagPatternList": {"shape": "Texts"},
            "countType": {"shape": "CountType"},
            "countUnit": {"shape": "CountUnit"},
            "countNumber": {"shape": "Priority"},
            "storageClass": {"shape": "Text"},
        },
    },
    "TagStatus": {"type": "string", "enum": ["tagged", "untagged", "any"]},
    "CountType": {
        "type": "string",
        "enum": ["imageCountMoreThan", "sinceImagePushed", "sinceImagePulled", "sinceImageTransitioned"],
    },
    "CountUnit": {"type": "string", "enum": ["days"]},
    "Action": {
        "type": "structure",
        "required": ["type"],
        "members": {"type": {"shape": "ActionType"}, "targetStorageClass": {"shape": "TargetStorageClass"}},
    },
    "TargetStorageClass": {"type": "string", "enum": ["archive"]},
    "ActionType": {"type": "string", "enum": ["expire", "transition"]},
    "Policy": {
        "type": "structure",
        "required": ["Statement"],
        "members": {
            "Version": {"shape": "PolicyVersion"},
            "Id": {"shape": "Text"},
            "Statement": {"shape": "Statements"},
        },
    },
    "PolicyVersion": {"type": "string", "enum": ["2012-10-17", "2008-10-17"]},
    "Statements": {"type": "list", "member": {"shape": "Statement"}, "min": 1, "single": True},
    "Statement": {
        "type": "structure",
        "required": ["Effect"],
        "members": {
            "Sid": {"shape": "Text"},
            "Effect": {"shape": "Effect"},
            "Principal": {"shape": "Principal"},
            "NotPrincipal": {"shape": "Principal"},
            "Action": {"shape": "TextOrTexts"},
            "NotAction": {"shape": "TextOrTexts"},
            "Resource": {"shape": "TextOrTexts"},
            "NotResource": {"shape": "TextOrTexts"},
            "Condition": {"shape": "Condition"},
        },
    },
    "Effect": {"type": "string", "enum": ["Allow", "Deny"]},
    "TextOrTexts": {"type": "list", "member": {"shape": "Text"}, "single": True},
    "Principal": {
        "type": "structure",
        "star": True,
        "members": {name: {"shape": "TextOrTexts"} for name in ("AWS", "Service", "Federated", "CanonicalUser")},
    },
    "Condition": {"type": "map", "key": {"shape": "Text"}, "value": {"shape": "Anything"}},
    "Anything": {"type": "any"},
}
STRING_DOCUMENTS: dict[tuple[str, str, str], str] = {
    ("ecr", "PutLifecyclePolicy", "lifecyclePolicyText"): "LifecyclePolicy",
    ("ecr", "StartLifecyclePolicyPreview", "lifecyclePolicyText"): "LifecyclePolicy",
    ("ecr", "SetRepositoryPolicy", "policyText"): "Policy",
    ("ecr", "PutRegistryPolicy", "policyText"): "Policy",
    ("iam", "CreateRole", "AssumeRolePolicyDocument"): "Policy",
    ("iam", "UpdateAssumeRolePolicy", "PolicyDocument"): "Policy",
    ("iam", "CreatePolicy", "PolicyDocument"): "Policy",
    ("iam", "PutRolePolicy", "PolicyDocument"): "Policy",
}


@dataclass(frozen=True)
class Finding:
    """A problem with an example: the line it is on, what is wrong, and how serious it is."""

    line: int
    message: str
    deprecated: bool = False


def _closest(word: str, choices: Iterator[str] | list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


# Documents ------------------------------------------------------------------------------


def validate(
    value: Any, shape_name: str, shapes: dict[str, dict[str, Any]], path: str = "", shorthand: set[str] | None = None
) -> Iterator[tuple[str, str]]:
    """Yield (path, problem) for each way `value` does not fit the shape `shape_name`.

    With `shorthand` (the page's placeholders), values come from the CLI's shorthand syntax:
    scalars are text the CLI converts, so only field names and enum values are checked.
    """
    shape = shapes[shape_name]
    kind = shape["type"]
    where = path or "the document"
    if kind == "any":
        return
    if shorthand is not None and isinstance(value, str) and (kind != "string" or is_placeholder(value, shorthand)):
        return
    if kind == "structure":
        if shape.get("star") and value == "*":
            return
        if not isinstance(value, dict):
            yield path, f"{where} must be an object, not {type(value).__name__}"
            return
        members = shape.get("members", {})
        for key in value:
            if key not in members:
                yield f"{path}.{key}" if path else key, f"{key!r} is not a field of {where}{_closest(key, members)}"
        for key in shape.get("required", []):
            if key not in value:
                yield path, f"{where} lacks the required field {key!r}"
        for key, item in value.items():
            if key in members:
                yield from validate(item, members[key]["shape"], shapes, f"{path}.{key}" if path else key, shorthand)
    elif kind == "list":
        if shape.get("single") and not isinstance(value, list):
            value = [value]
        if not isinstance(value, list):
            yield path, f"{where} must be a list, not {type(value).__name__}"
            return
        if len(value) < shape.get("min", 0):
            yield path, f"{where} needs at least {shape['min']} item(s)"
        for i, item in enumerate(value):
            yield from validate(item, shape["member"]["shape"], shapes, f"{path}[{i}]", shorthand)
    elif kind == "map":
        if not isinstance(value, dict):
            yield path, f"{where} must be an object, not {type(value).__name__}"
            return
        for key, item in value.items():
            yield from validate(item, shape["value"]["shape"], shapes, f"{path}.{key}", shorthand)
    elif kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            yield path, f"{where} must be a whole number, not {value!r}"
        elif "min" in shape and value < shape["min"]:
            yield path, f"{where} must be at least {shape['min']}, not {value}"
        elif "max" in shape and value > shape["max"]:
            yield path, f"{where} must be at most {shape['max']}, not {value}"
    elif kind in ("double", "float"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            yield path, f"{where} must be a number, not {value!r}"
    elif kind == "boolean":
        if not isinstance(value, bool):
            yield path, f"{where} must be true or false, not {value!r}"
    elif kind == "string":
        if not isinstance(value, str):
            yield path, f"{where} must be a string, not {value!r}"
        elif "enum" in shape and value not in shape["enum"]:
            yield (
                path,
                f"{where} is {value!r}, which is not one of {', '.join(shape['enum'])}{_closest(value, shape['enum'])}",
            )


def lifecycle_rules(policy: Any) -> Iterator[tuple[str, str]]:
    """The rules of an ECR lifecycle policy that a schema cannot say (Amazon ECR User Guide)."""
    rules = policy.get("rules") if isinstance(policy, dict) else None
    if not isinstance(rules, list):
        return
    priorities = [r.get("rulePriority") for r in rules if isinstance(r, dict)]
    for i, rule in enumerate(rules):
        if not isinstance(rule, dict) or not isinstance(rule.get("selection"), dict):
            continue
        selection, where = rule["selection"], f"rules[{i}]"
        if priorities.count(rule.get("rulePriority")) > 1:
            yield where, f"{where}.rulePriority {rule.get('rulePriority')} is not unique"
        if selection.get("tagStatus") == "tagged" and not (
            selection.get("tagPrefixList") or selection.get("tagPatternList")
        ):
            yield where, f"{where}: a rule for tagged images needs tagPrefixList or tagPatternList"
        if str(selection.get("countType", "")).startswith("since") and "countUnit" not in selection:
            yield where, f"{where}: countType {selection['countType']} needs countUnit days"
        if selection.get("tagStatus") == "any" and rule.get("rulePriority") != max(
            p for p in priorities if isinstance(p, int)
        ):
            yield where, f"{where}: a rule with tagStatus any must have the highest rulePriority"


@dataclass(frozen=True)
class Document:
    """A code block marked as an API document."""

    line: int
    title: str
    target: str
    body: str
    language: str


def documents(fences: list[markdown_scan.CodeFence]) -> Iterator[Document]:
    """Yield the code blocks marked with `data-aws-api`."""
    for fence in fences:
        mark = RE_API_MARK.search(fence.info)
        if mark:
            title = re.search(r'title="([^"]*)"', fence.info)
            yield Document(
                fence.start, title.group(1) if title else fence.language, mark.group(1), fence.body, fence.language
            )


def _line_of(doc: Document, path: str) -> int:
    """Return the line of the document where the field at `path` is written (or its first line)."""
    key = re.findall(r"[A-Za-z_][\w-]*", path)
    if key:
        for offset, text in enumerate(doc.body.split("\n"), start=1):
            if re.search(rf'["\']?{re.escape(key[-1])}["\']?\s*:', text):
                return doc.line + offset
    return doc.line


def check_document(doc: Document, models: Models) -> Iterator[Finding]:
    """Validate one marked document against the API model it names."""
    name = f"{doc.title} ({doc.target})"
    parts = doc.target.split()
    if len(parts) not in (2, 3):
        yield Finding(doc.line, f'{name}: data-aws-api must be "SERVICE Operation" or "SERVICE Operation member"')
        return
    service = models.service(parts[0])
    if service is None:
        yield Finding(doc.line, f"{name}: unknown service '{parts[0]}'{_closest(parts[0], models.service_names())}")
        return
    by_name = {spec["name"]: spec for spec in service.operations.values()}
    operation = by_name.get(parts[1])
    if operation is None:
        yield Finding(doc.line, f"{name}: '{parts[0]}' has no operation {parts[1]}{_closest(parts[1], by_name)}")
        return
    shapes, shape = service.shapes, operation["input"]["shape"]
    if len(parts) == 3:
        members = shapes[shape].get("members", {})
        if parts[2] not in members:
            yield Finding(doc.line, f"{name}: {parts[1]} has no field {parts[2]}{_closest(parts[2], members)}")
            return
        shape = members[parts[2]]["shape"]
        string_document = STRING_DOCUMENTS.get((parts[0], parts[1], parts[2]))
        if string_document:
            shapes, shape = STRING_SHAPES, string_document
    try:
        value = json.loads(doc.body) if doc.language == "json" else _yaml(doc.body)
    except ValueError as error:
        yield Finding(doc.line, f"{name}: not valid {doc.language.upper()}: {str(error).splitlines()[0]}")
        return
    for path, problem in validate(value, shape, shapes):
        yield Finding(_line_of(doc, path), f"{name}: {problem}")
    if shape == "LifecyclePolicy":
        for path, problem in lifecycle_rules(value):
            yield Finding(_line_of(doc, path), f"{name}: {problem}")
    if (parts[0], parts[1]) == ("ecs", "RegisterTaskDefinition") and len(parts) == 2 and isinstance(value, dict):
        compatibilities = value.get("requiresCompatibilities") or []
        if "FARGATE" in compatibilities and isinstance(value.get("cpu"), str) and isinstance(value.get("memory"), str):
            problem = fargate.size_problem(value["cpu"], value["memory"])
            if problem:
                yield Finding(_line_of(doc, "memory"), f"{name}: {problem}")
    yield from _deprecated_fields(doc, name, service, parts[1], value if len(parts) == 2 else {})


def _yaml(text: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(str(error)) from None


def _deprecated_fields(doc: Document, name: str, service: Service, operation: str, value: Any) -> Iterator[Finding]:
    members = service.shapes[service.operations[cli_name(operation)]["input"]["shape"]].get("members", {})
    for key in value if isinstance(value, dict) else []:
        replacement = _deprecation(service, operation, key, members.get(key, {}))
        if replacement:
            yield Finding(_line_of(doc, key), f"{name}: {key} is deprecated: {replacement}", deprecated=True)


def _deprecation(service: Service, operation: str, member: str | None, spec: dict[str, Any]) -> str | None:
    if (service.name, operation, member) in DEPRECATED:
        return DEPRECATED[(service.name, operation, member)]
    if spec.get("deprecated"):
        return spec.get("deprecatedMessage") or "see the API reference for its replacement"
    return None


# Commands -------------------------------------------------------------------------------


def commands(fences: list[markdown_scan.CodeFence]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line, tokens) for every `aws` command in the shell code blocks."""
    for fence in fences:
        if fence.language not in SHELLS or "aws" not in fence.body:
            continue
        logical, start = "", 0
        for offset, raw in enumerate(fence.body.split("\n"), start=1):
            text = raw[2:] if fence.language in ("console", "shell-session") and raw.startswith("$ ") else raw
            if not logical:
                start = fence.start + offset
            logical += text
            if logical.endswith("\\"):
                logical = logical[:-1] + " "
                continue
            if "aws" in logical:
                yield from ((start, tokens) for tokens in _aws_commands(logical))
            logical = ""


_PIECE = r"""[^\s'"\\|&;()]|\\.|'[^']*'""" + r'|"(?:[^"\\]|\\.)*"'
RE_TOKEN = re.compile(rf"\s*(?:(\|\||&&|;;|[|&;()])|((?:(?!\#)(?:{_PIECE}))(?:{_PIECE})*)|(\#.*)|(\S))")
RE_QUOTED = re.compile(r"""'([^']*)'|"((?:[^"\\]|\\.)*)"|\\(.)""")
RE_ESCAPE = re.compile(r"\\(.)")
RE_SUBSHELL = re.compile(r'"\$\(([^()"]*)\)"')


def _unquote(match: re.Match[str]) -> str:
    single, double, escaped = match.groups()
    if single is not None:
        return single
    return RE_ESCAPE.sub(r"\1", double) if double is not None else escaped


def shell_words(line: str) -> list[str]:
    """Split a shell command line into words and operators, as POSIX shells (and shlex) do.

    Quotes are removed, `#` starts a comment, and `|`, `||`, `&&`, `;`, `(`, `)` are separate
    tokens. Raises ValueError for an unclosed quote.
    """
    words = []
    for operator, word, comment, stray in RE_TOKEN.findall(line):
        if stray:
            raise ValueError(f"unclosed quote in {line!r}")
        if comment:
            break
        if operator:
            words.append(operator)
        elif word:
            words.append(RE_QUOTED.sub(_unquote, word))
    return words


def _aws_commands(line: str) -> Iterator[list[str]]:
    for inner in RE_SUBSHELL.findall(line):  # "$(aws ecr get-login-password ...)" inside quotes
        yield from _aws_commands(inner)
    line = RE_ANGLE_PLACEHOLDER.sub(lambda m: f"__placeholder_{m.group(1)}__", line)
    try:
        tokens = shell_words(line)
    except ValueError:  # an unclosed quote: not a command the page can mean
        return
    segment: list[str] = []
    for token in [*tokens, ";"]:
        if token in SEPARATORS:
            if segment[:1] == ["aws"]:
                yield segment
            segment = []
        else:
            segment.append(token)


def is_placeholder(value: str, defined: set[str]) -> bool:
    """Is the value a stand-in the reader replaces: `<region>`, `$VAR`, `file://...` or a
    capitalized name that the page's text mentions (`ACCOUNT_ID`)?"""
    return value.startswith(("__placeholder_", "$", "file://", "fileb://")) or (
        RE_UPPER_PLACEHOLDER.match(value) is not None and value in defined
    )


def check_command(tokens: list[str], models: Models, defined: set[str]) -> Iterator[tuple[str, bool]]:
    """Yield (problem, deprecated) for an `aws` command split into tokens."""
    args = tokens[1:]
    while args and args[0].startswith("--"):  # global options before the service
        args = args[2:] if args[0] in GLOBAL_OPTIONS and args[0] not in ("--debug", "--no-verify-ssl") else args[1:]
    if len(args) < 2:
        return
    service_name, command = args[0], args[1]
    shown = f"'aws {service_name} {command}'"
    service = models.service(service_name)
    if service is None:
        yield f"'aws {service_name}': unknown service{_closest(service_name, models.service_names())}", False
        return
    if (service_name, command) in REMOVED_COMMANDS:
        yield f"{shown} was removed from the AWS CLI; {REMOVED_COMMANDS[(service_name, command)]}", False
        return
    options = _options(args[2:])
    if (service_name, command) in CLI_COMMANDS:
        allowed = CLI_COMMANDS[(service_name, command)] | GLOBAL_OPTIONS
        for option, _ in options:
            if option not in allowed:
                yield f"{shown}: unknown option {option}{_closest(option, allowed)}", False
        return
    operation = service.operation(command)
    if operation is None:
        known = set(service.operations) | {c for s, c in CLI_COMMANDS if s == service_name}
        yield f"'aws {service_name}': unknown command '{command}'{_closest(command, known)}", False
        return
    if (service_name, operation["name"], None) in DEPRECATED:
        yield f"{shown} is deprecated: {DEPRECATED[(service_name, operation['name'], None)]}", True
    if operation.get("deprecated"):
        yield f"{shown} is deprecated: {operation.get('deprecatedMessage') or 'see the API reference'}", True
    shape = service.shapes[operation["input"]["shape"]] if "input" in operation else {"members": {}}
    members = shape.get("members", {})
    by_option = {f"--{cli_name(m)}": m for m in members}
    by_option = {renamed(service_name, command, option): m for option, m in by_option.items()}
    flags = {
        f"--no-{cli_name(m)}": m for m, spec in members.items() if service.shapes[spec["shape"]]["type"] == "boolean"
    }
    flags = {renamed(service_name, command, option): m for option, m in flags.items()}
    allowed = set(by_option) | set(flags) | GLOBAL_OPTIONS | OPERATION_OPTIONS
    if operation["name"] in service.paginated:
        allowed |= PAGINATION_OPTIONS
    given = {option for option, _ in options}
    for option, value in options:
        if option not in allowed:
            yield f"{shown}: unknown option {option}{_closest(option, allowed)}", False
            continue
        member = by_option.get(option)
        if member is None:
            continue
        replacement = _deprecation(service, operation["name"], member, members[member])
        if replacement:
            yield f"{shown}: {option} is deprecated: {replacement}", True
        if value is None or is_placeholder(value, defined):
            continue
        document = STRING_DOCUMENTS.get((service_name, operation["name"], member))
        yield from (
            (f"{shown}: {option} {problem}", False)
            for problem in _check_value(value, members[member]["shape"], service, defined, document)
        )
    if (service_name, operation["name"]) == ("ecs", "RegisterTaskDefinition"):
        problem = fargate_size(dict(options), defined)
        if problem:
            yield f"{shown}: {problem}", False
    if not given & {"--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton"}:
        for member in shape.get("required", []):
            option = renamed(service_name, command, f"--{cli_name(member)}")
            if option not in given:
                yield f"{shown}: the required option {option} is missing", False


def _options(args: list[str]) -> list[tuple[str, str | None]]:
    """Pair each `--option` with the value after it (None for a flag)."""
    options: list[tuple[str, str | None]] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("--"):
            name, eq, inline = arg.partition("=")
            if eq:
                options.append((name, inline))
                i += 1
                continue
            values = []
            while i + 1 < len(args) and not args[i + 1].startswith("--"):
                values.append(args[i + 1])
                i += 1
            options.append((arg, " ".join(values) if values else None))
        i += 1
    return options


def parse_shorthand(text: str) -> Any:
    """Read the AWS CLI's shorthand syntax: `a=1,b={c=x,d=[y,z]}` -> {"a": "1", "b": {...}}.

    Values stay strings: the CLI converts them by the model, so only names and enum values
    are checked. Raises ValueError for text that is not shorthand.
    """
    value, end = _shorthand_value(text, 0, top=True)
    if end != len(text):
        raise ValueError(f"unexpected {text[end]!r} at {end}")
    return value


def _shorthand_value(text: str, i: int, top: bool = False) -> tuple[Any, int]:
    if top or (text.startswith("{", i)):
        start = i + (0 if top else 1)
        result, i = {}, start
        while i < len(text) and not (not top and text[i] == "}"):
            key = re.match(r"[A-Za-z]\w*", text[i:])
            if not key or text[i + key.end() : i + key.end() + 1] != "=":
                raise ValueError(f"expected key=value at {i}")
            i += key.end() + 1
            result[key.group()], i = _shorthand_value(text, i)
            if i < len(text) and text[i] == ",":
                i += 1
        return result, i if top else i + 1
    if text.startswith("[", i):
        items, i = [], i + 1
        while i < len(text) and text[i] != "]":
            item, i = _shorthand_value(text, i)
            items.append(item)
            if i < len(text) and text[i] == ",":
                i += 1
        return items, i + 1
    end = i
    while end < len(text) and text[end] not in ",}]":
        end += 1
    return text[i:end], end


def _check_value(
    value: str, shape_name: str, service: Service, defined: set[str], document: str | None = None
) -> Iterator[str]:
    """Yield what the AWS CLI itself would refuse in an option's value, as its model types say.

    `document` names the schema of a JSON document the API takes as text (a lifecycle policy).
    """
    shape = service.shapes[shape_name]
    kind = shape["type"]
    text = value.strip()
    if document is not None:
        try:
            parsed = json.loads(text)
        except ValueError as error:
            yield f"value is not valid JSON ({str(error).split(':')[0]}); write the whole document, or file://FILE"
            return
        for _, problem in validate(parsed, document, STRING_SHAPES):
            yield f"value: {problem}"
        return
    if kind in ("integer", "long"):
        if not re.fullmatch(r"[+-]?\d+", text):
            yield f"value {value!r} is not a whole number"
        return
    if kind in ("double", "float"):
        try:
            float(text)
        except ValueError:
            yield f"value {value!r} is not a number"
        return
    if kind == "boolean":
        yield f"takes no value (got {value!r}); write it alone to turn it on, or as --no-... to turn it off"
        return
    if text.startswith(("{", "[")) and kind in ("structure", "list", "map"):
        try:
            parsed = json.loads(text)
        except ValueError as error:
            if kind == "list" and text.startswith("[") and _is_list_shorthand(text):
                return
            yield f"value is not valid JSON ({str(error).split(':')[0]}); check its brackets and quotes"
            return
        for _, problem in validate(parsed, shape_name, service.shapes):
            yield f"value: {problem}"
    elif kind == "string" and "enum" in shape and value not in shape["enum"]:
        yield f"value {value!r} is not one of {', '.join(shape['enum'])}{_closest(value, shape['enum'])}"
    elif kind in ("structure", "list") and RE_SHORTHAND_KEY.match(value):
        try:
            parsed = parse_shorthand(value)
        except ValueError:
            return
        if kind == "list":
            parsed = [parsed]
        for _, problem in validate(parsed, shape_name, service.shapes, shorthand=defined):
            yield f"value: {problem}"


def _is_list_shorthand(text: str) -> bool:
    """`[a,b]` is the CLI's shorthand for a list of words."""
    try:
        items, end = _shorthand_value(text, 0)
    except (ValueError, IndexError):
        return False
    return end == len(text) and isinstance(items, list)


def fargate_size(options: dict[str, str | None], defined: set[str]) -> str | None:
    """What is wrong with the CPU and memory of a Fargate task definition written as options."""
    compatibilities = (options.get("--requires-compatibilities") or "").split()
    cpu, memory = options.get("--cpu"), options.get("--memory")
    if "FARGATE" not in compatibilities or not cpu or not memory:
        return None
    if is_placeholder(cpu, defined) or is_placeholder(memory, defined):
        return None
    return fargate.size_problem(cpu, memory)


def defined_placeholders(markdown: str, fences: list[markdown_scan.CodeFence]) -> set[str]:
    """Capitalized names the page's text (outside code blocks) mentions: its placeholders."""
    lines = markdown.split("\n")
    for fence in fences:
        lines[fence.start - 1 : fence.end] = [""] * (fence.end - fence.start + 1)
    return set(re.findall(r"\b[A-Z][A-Z0-9_]*[A-Z0-9]\b", "\n".join(lines)))


def check_page(markdown: str, models: Models) -> list[Finding]:
    """Check every AWS CLI command and marked API document of a page."""
    if "aws" not in markdown:
        return []
    fences = markdown_scan.code_fences(markdown)
    found = list(commands(fences))
    findings: list[Finding] = []
    if found:
        defined = defined_placeholders(markdown, fences)
        findings += [
            Finding(line, problem, deprecated)
            for line, tokens in found
            for problem, deprecated in check_command(tokens, models, defined)
        ]
    for doc in documents(fences):
        findings.extend(check_document(doc, models))
    return sorted(set(findings), key=lambda f: (f.line, f.message))
