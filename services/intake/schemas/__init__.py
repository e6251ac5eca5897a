"""Intake's request and response bodies (never ORM objects in responses), one module per
domain module (tickets, workorders, referrals, ...): import from the submodule."""
