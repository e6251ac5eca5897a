"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at `/open311/v2/`.

The civic-reporting interface street-office systems and off-the-shelf clients speak. The
gateway forwards `/open311/v2/...` unchanged; the router (routes/open311.py) only parses
and renders. The package is in three parts: `wire` (the formats, JSON and XML encoding,
the spec's error bodies, discovery), `mapping` (services from categories, a ticket's
public shape as a request) and `requests` (finding, reading and posting requests). The
mapping rules, for all three:

- **Services** are the active categories: `service_code` = the category code,
  `service_name` = its Chinese name, `description` = its English name with the default
  deadlines, `metadata` false (no extra attributes: `services/<code>` answers
  `attributes: []`), `type` realtime, `keywords` both names, `group` a coarse family.
- **Service requests** are tickets. `service_request_id` = the ticket number
  (TGYZL-2026-000001). Status: `open` = submitted, acknowledged, assigned, in_progress;
  `closed` = resolved, closed, rejected, duplicate, escalated (an escalated ticket left the
  community's hands; its status note says to whom). A reopened ticket is open again.
  `status_notes`: for a closed request the note of the move that closed it (the
  resolution note, the rejection reason, where it was escalated to, what it duplicates);
  for an open one a fixed line per internal status. Notes of other moves (call-back
  outcomes, assignments) are internal and never shown.
- **Public by design** (the spec reads without a key): no reporter name, phone or e-mail
  ever leaves; phone and ID numbers however written and e-mail addresses inside free text
  (description, notes) are blanked (kit.redaction) as in the neighbours' "+1" excerpts.
  `address` = the place's names from its community down (Chinese order: 天宫院中里社区
  3号楼 2单元); `address_id` = the place's public code (never the QR token on the door);
  `lat`/`long` = the nearest known WGS-84 coordinates from the place up to its community
  (directory; null if none); `agency_responsible` = the community; `media_url` = the link
  an Open311 client posted (report photos are not published: they may show people).
- **Datetimes** are Beijing time with its offset, to the second (2026-03-02T09:00:00+08:00).
- **GET requests** filters: `service_request_id` (comma list; overrides the rest),
  `service_code` (comma list of known codes), `status` (open, closed; comma list),
  `start_date`/`end_date` (W3C datetimes on requested_datetime, both inclusive; a datetime
  without an offset is Beijing time; default the last 90 days, span at most 90 days),
  and the common `page`/`page_size` extension (page_size at most and by default 1000).
  Newest first. `jurisdiction_id` is accepted and ignored (one jurisdiction here).
- **POST requests** (form-encoded, or multipart): `api_key` is exchanged with identity for
  an access token and verified like any other; the key must hold `intake:open311:submit`
  over the place (a bearer token forwarded by the gateway for an `X-API-Key` is accepted
  too). The location (module `addresses`, asked of directory before anything is written)
  is, first found: `address_id` (a community, building or unit door code); `address_string`,
  a code or an address as people write it (天宫院中里社区3号楼2单元, 天宫院中里 3栋 2门,
  三号楼, 3#, full-width digits), matched against directory's places; `lat`/`long`, read as
  WGS-84 as the spec says (not GCJ-02, which Chinese maps give), placed at the nearest
  building within `open311_radius_m` (150 m). An address that matches nothing or several
  places, or a point with no building that close, is a 400 naming what is accepted. The
  request's `address` and `address_id` are the place found. `phone` is the reporter's call-back
  number: consent is implied by the integration that collected it (it must be a mainland
  mobile). `email` and `device_id` are not kept (nothing here writes e-mail).
  `first_name`/`last_name` are kept encrypted like a QR reporter's name. Source: `hotline`
  when the key also holds `intake:hotline:push` at the place (the 12345 system), else
  `staff` (a street-office system filing for someone). An empty description files the
  service's name. Requests are created at once: the answer carries `service_request_id`,
  never a deferred `token`; `tokens/<token>` resolves a request id to itself. 201 Created.
- **Errors** in the spec's shape `[{code, description}]` with the HTTP status: 404 no such
  resource (or format), 403 missing or invalid api_key, or not allowed at that place, 400
  anything else the caller got wrong (nothing is stored), 503 when a service we need is
  down. Unknown formats answer in JSON. The description starts with a stable reason a
  client can branch on, then a colon and the words for people
  (`address_ambiguous: The address '2号楼1单元' matches 6 places: ...`).
"""
