"""AWS CLI commands and API documents checked against botocore's models: each kind of error
with its exact message, the real site's examples, and an outdated example that fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from sitekit.api_examples.check import check_page, commands, documents, parse_shorthand, shell_words
from sitekit.api_examples.models import Models, cli_name
from sitekit.markdown_scan import code_fences


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Models:
    return Models(tmp_path_factory.mktemp("aws-models"))


def problems(markdown: str, models: Models) -> list[str]:
    return [f"{f.line}: {f.message}" for f in check_page(markdown, models)]


def bash(*lines: str) -> str:
    return "Replace ACCOUNT_ID and REGION with yours.\n\n```bash\n" + "\n".join(lines) + "\n```\n"


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (
            "aws ecr create-repository --repository-name app --image-tag-mutable IMMUTABLE",
            "'aws ecr create-repository': unknown option --image-tag-mutable (did you mean --image-tag-mutability?)",
        ),
        (
            "aws ecr create-repository --repository-name app --image-tag-mutability IMUTABLE",
            "'aws ecr create-repository': --image-tag-mutability value 'IMUTABLE' is not one of MUTABLE, IMMUTABLE, "
            "IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION (did you mean IMMUTABLE?)",
        ),
        ("aws ecrr describe-repositories", "'aws ecrr': unknown service (did you mean ecr?)"),
        (
            "aws ecr describe-repository",
            "'aws ecr': unknown command 'describe-repository' (did you mean describe-repositories?)",
        ),
        (
            "aws ecr get-login --no-include-email",
            "'aws ecr get-login' was removed from the AWS CLI; use 'aws ecr get-login-password | docker login ...' instead",
        ),
        (
            "aws ecr put-image-tag-mutability --repository-name app",
            "'aws ecr put-image-tag-mutability': the required option --image-tag-mutability is missing",
        ),
        (
            "aws eks update-kubeconfig --name prod --regoin REGION",
            "'aws eks update-kubeconfig': unknown option --regoin (did you mean --region?)",
        ),
        (
            "aws ecs create-service --service-name web --launch-type FARGATE "
            "--network-configuration 'awsvpcConfiguration={subnets=[subnet-1],assignPublicIP=DISABLED}'",
            "'aws ecs create-service': --network-configuration value: 'assignPublicIP' is not a field of "
            "awsvpcConfiguration (did you mean assignPublicIp?)",
        ),
        (
            'aws ecs run-task --task-definition web --overrides \'{"containerOverrides": [{"nam": "web"}]}\'',
            "'aws ecs run-task': --overrides value: 'nam' is not a field of containerOverrides[0] (did you mean name?)",
        ),
    ],
)
def test_each_kind_of_command_error_has_its_message(models, command, message):
    assert problems(bash(command), models) == [f"4: {message}"]


def test_deprecated_per_repository_scanning_is_a_warning_with_its_replacement(models):
    found = check_page(
        bash("aws ecr create-repository --repository-name app --image-scanning-configuration scanOnPush=true"), models
    )
    assert [(f.line, f.message, f.deprecated) for f in found] == [
        (
            4,
            "'aws ecr create-repository': --image-scanning-configuration is deprecated: configure scanning for the "
            "registry with 'aws ecr put-registry-scanning-configuration'",
            True,
        )
    ]


def test_fields_the_model_marks_deprecated_are_warnings(models):
    found = check_page(bash("aws ecr get-authorization-token --registry-ids ACCOUNT_ID"), models)
    assert [(f.line, f.deprecated) for f in found] == [(4, True)]
    assert found[0].message.startswith(
        "'aws ecr get-authorization-token': --registry-ids is deprecated: This field is deprecated."
    )


def test_valid_commands_pass(models):
    page = bash(
        "aws ecr get-login-password --region REGION | docker login --username AWS --password-stdin "
        "ACCOUNT_ID.dkr.ecr.REGION.amazonaws.com # (1)!",
        "aws --region us-east-1 ecr describe-repositories --max-items 5 --query 'repositories[].repositoryName'",
        "aws ecr create-repository \\",
        "  --repository-name <name> \\",
        "  --image-tag-mutability IMMUTABLE_WITH_EXCLUSION \\",
        "  --image-tag-mutability-exclusion-filters filterType=WILDCARD,filter=latest",
        'TOKEN="$(aws ecr-public get-login-password --region us-east-1)"',
        "aws eks update-kubeconfig --name prod --region REGION",
    )
    assert problems(page, models) == []


def test_placeholders_must_be_named_in_the_text(models):
    page = "```bash\naws ecr create-repository --repository-name app --image-tag-mutability MODE\n```\n"
    assert problems(page, models) == [
        "2: 'aws ecr create-repository': --image-tag-mutability value 'MODE' is not one of MUTABLE, IMMUTABLE, "
        "IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION"
    ]
    assert problems("Set MODE to IMMUTABLE or MUTABLE.\n\n" + page, models) == []


def test_commands_outside_shell_blocks_and_in_prose_are_not_checked(models):
    assert problems("Run `aws ecr nonsense`.\n\n```text\naws ecr nonsense\n```\n", models) == []


LIFECYCLE = """\
```json { title="policy.json" data-aws-api="ecr PutLifecyclePolicy lifecyclePolicyText" }
{
  "rules": [
    {
      "rulePriority": 1,
      "selection": {"tagStatus": "any", "countType": "sinceImagePushed", "countNumber": 30},
      "action": {"type": "expire"}
    },
    {
      "rulePriority": 2,
      "selection": {"tagStatus": "tagged", "countType": "imageCountMoreThan", "countNumber": 5},
      "action": {"type": "expire"}
    }
  ]
}
```
"""


def test_lifecycle_policy_rules_from_the_ecr_guide(models):
    assert problems(LIFECYCLE, models) == [
        "3: policy.json (ecr PutLifecyclePolicy lifecyclePolicyText): rules[0]: a rule with tagStatus any must "
        "have the highest rulePriority",
        "3: policy.json (ecr PutLifecyclePolicy lifecyclePolicyText): rules[0]: countType sinceImagePushed needs "
        "countUnit days",
        "3: policy.json (ecr PutLifecyclePolicy lifecyclePolicyText): rules[1]: a rule for tagged images needs "
        "tagPrefixList or tagPatternList",
    ]


TASK = """\
```json { title="task-definition.json" data-aws-api="ecs RegisterTaskDefinition" }
{
  "family": "web",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    {"name": "web", "image": "nginx", "memoryReservaton": 256, "essential": "yes"}
  ],
  "requiresCompatibilities": ["FARGAT"]
}
```
"""


def test_api_document_errors_name_the_field_and_its_line(models):
    assert problems(TASK, models) == [
        "6: task-definition.json (ecs RegisterTaskDefinition): 'memoryReservaton' is not a field of "
        "containerDefinitions[0] (did you mean memoryReservation?)",
        "6: task-definition.json (ecs RegisterTaskDefinition): containerDefinitions[0].essential must be true or "
        "false, not 'yes'",
        "8: task-definition.json (ecs RegisterTaskDefinition): requiresCompatibilities[0] is 'FARGAT', which is not "
        "one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES (did you mean FARGATE?)",
    ]


def test_iam_policy_documents_and_bad_markers(models):
    policy = (
        '```json { title="trust.json" data-aws-api="iam CreateRole AssumeRolePolicyDocument" }\n'
        '{"Version": "2012-10-17", "Statement": {"Effect": "Alow", "Principal": {"Service": "pods.eks.amazonaws.com"},'
        ' "Action": ["sts:AssumeRole", "sts:TagSession"]}}\n```\n'
    )
    assert problems(policy, models) == [
        "2: trust.json (iam CreateRole AssumeRolePolicyDocument): Statement[0].Effect is 'Alow', which is not one "
        "of Allow, Deny (did you mean Allow?)"
    ]
    bad = '```json { title="x.json" data-aws-api="ecs RegisterTaskDefinitions" }\n{}\n```\n'
    assert problems(bad, models) == [
        "1: x.json (ecs RegisterTaskDefinitions): 'ecs' has no operation RegisterTaskDefinitions "
        "(did you mean RegisterTaskDefinition?)"
    ]


def test_every_example_in_the_real_site_passes(models):
    checked = 0
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text()
        assert problems(text, models) == [], page.name
        fences = code_fences(text)
        checked += len(list(commands(fences))) + len(list(documents(fences)))
    assert checked >= 45  # 38 commands and 12 documents when this was written


def test_an_outdated_example_fails_the_build(tiny_site):
    """`aws ecr get-login` was removed from the AWS CLI; a page that still shows it fails."""
    page = "# Login\n\nReplace REGION with yours.\n\n```bash\n$(aws ecr get-login --region REGION --no-include-email)\n```\n"
    build = tiny_site({"index.md": page}, hooks=("api_examples",))
    assert not build.ok
    assert build.messages() == [
        "docs/index.md:6: 'aws ecr get-login' was removed from the AWS CLI; "
        "use 'aws ecr get-login-password | docker login ...' instead"
    ]
    assert build.error == "Aborted with 1 warnings in strict mode!"


def test_cli_names_follow_botocore():
    import botocore  # a build requirement: its own spelling rules are the reference

    for name in (
        "CreateRepository",
        "imageTagMutability",
        "ServiceARNs",
        "roleArn",
        "PutRegistryScanningConfiguration",
    ):
        assert cli_name(name) == botocore.xform_name(name, "-")


def test_shorthand_and_shell_words():
    assert parse_shorthand("a=1,b={c=x,d=[y,z]}") == {"a": "1", "b": {"c": "x", "d": ["y", "z"]}}
    assert shell_words("aws ecr x --y '{\"a\": 1}' | jq . # note") == [
        "aws",
        "ecr",
        "x",
        "--y",
        '{"a": 1}',
        "|",
        "jq",
        ".",
    ]


def test_models_are_cached_per_botocore_version(tmp_path: Path):
    first = Models(tmp_path)
    assert first.service("ecr") is not None
    cached = list(tmp_path.rglob("ecr.json"))
    assert len(cached) == 1 and cached[0].parent.name == first.version
    assert Models(tmp_path).service("ecr").operations.keys() == first.service("ecr").operations.keys()
    assert first.service("no-such-service") is None


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("aws eks update-cluster-version --name prod --kubernetes-version 1.33", None),
        (
            "aws eks update-cluster-version --name prod --version 1.33",
            "'aws eks update-cluster-version': the required option --kubernetes-version is missing",
        ),
        ("aws ecs update-service --cluster prod --service web --disable-execute-command", None),
        (
            "aws ecs update-service --cluster prod --service web --no-enable-execute-command",
            "'aws ecs update-service': unknown option --no-enable-execute-command (did you mean --enable-execute-command?)",
        ),
    ],
)
def test_options_the_aws_cli_renames_are_checked_by_their_cli_names(models, command, message):
    """The AWS CLI names some options differently from the API (its argrename customization)."""
    assert problems(bash(command), models) == ([f"4: {message}"] if message else [])
