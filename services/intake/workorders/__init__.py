"""Contractors' work orders: the small machine inside a ticket's assigned / in_progress.

DOMAIN.md: offered → accepted (or declined, back to staff) → in_progress → done (with
before/after evidence) → confirmed by staff (the ticket becomes resolved) or returned (back
to in_progress with a reason). Assigning a ticket to an organisation offers it an order;
reassigning the ticket, or rejecting, escalating or resolving it without the contractor
(`handling`), cancels the open order in the same transaction: an organisation never works
on a ticket that is no longer its own.

One table (`machine.MACHINE`, on kit.machine), one way through it (`machine.move_order`):
every move is a `work_order_events` row (kit.events); anything else is kit's 409
`invalid_transition` listing the moves allowed now. `cancel` is no one's to ask for: it is
taken when the ticket leaves the contractor's hands (`staff_moves.assign`, `handling`).
Moves that move the ticket too (start → in_progress, confirm → resolved) go through
lifecycle, which writes the ticket's own event and tells the webhook subscribers.

Who touches an order: its organisation's workers and systems (`intake:workorders:work` over
the ticket's place, and the token's `org` claim naming the order's organisation) make the
contractor's moves; staff handling the ticket confirm or return. Any other organisation, and
anyone outside the place, gets a 404: an order's existence is private.

Locks: the ticket first, then its orders, in every path (staff moves lock the ticket through
tickets.for_staff), so a contractor's move and a staff reassignment never deadlock.

The modules: `machine` (the table, who moves, the one way through it), `queries` (finding
an order and who may read it, lists, trails), `contractor_moves` (accept, decline, start,
progress, done) and `staff_moves` (assign with an offer, cancel, confirm, return).
"""
