"""Student data over its whole life: retention, legal holds, exports, destruction, access requests."""
