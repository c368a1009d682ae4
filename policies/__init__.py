"""The online-interaction policy (issue 3): pure, fast checks from a message to a decision."""

from policies.config import PolicyFileError
from policies.engine import Policy, load_policy
from policies.types import Action, Decision, Hit, PolicyContext

__all__ = ["Action", "Decision", "Hit", "Policy", "PolicyContext", "PolicyFileError",
           "load_policy"]
