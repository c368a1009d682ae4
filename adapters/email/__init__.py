"""E-mail: urgent alerts, their escalation and the weekly digest to coordinators over SMTP."""

from adapters.email.smtp import SmtpMailer, build

__all__ = ["SmtpMailer", "build"]
