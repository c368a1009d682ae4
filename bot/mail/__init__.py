"""E-mail to coordinators (issue 12 item 3): what is due (``plan``) and sending it (``worker``)."""
