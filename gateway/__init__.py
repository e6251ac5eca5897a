"""The gateway: the one door on :8000 in front of every service (see gateway/app.py)."""
