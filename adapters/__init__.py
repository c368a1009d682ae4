"""Platform adapters: translate one platform to the core's types and back."""
